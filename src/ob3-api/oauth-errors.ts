import type { FastifyReply } from 'fastify';
import type { Params } from '../shared/text';

/**
 * A refusal of an OAuth endpoint (register, token, revoke), answered as RFC 6749 §5.2 / RFC 7591 §3.2.2
 * say: `{ error, error_description }`. `reason` is our stable code, the key of the text in ob3-api.text.ts.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly reason: string,
    readonly params: Params = {},
    readonly status = 400,
  ) {
    super(reason);
    this.name = 'OAuthError';
  }
}

type CodeMinor =
  | 'forbidden'
  | 'invalid_data'
  | 'invalid_query_parameter'
  | 'not_allowed'
  | 'not_found'
  | 'unauthorizedrequest'
  | 'server_busy'
  | 'internal_server_error';

/** A refusal of a resource endpoint (credentials, profile), as OB 3.0's Imsx_StatusInfo. */
export class ImsxError extends Error {
  constructor(
    readonly status: number,
    readonly codeMinor: CodeMinor,
    readonly reason: string,
    readonly params: Params = {},
    readonly codeMajor: 'failure' | 'unsupported' = 'failure',
  ) {
    super(reason);
    this.name = 'ImsxError';
  }
}

export function imsxBody(error: ImsxError, description: string) {
  return {
    imsx_codeMajor: error.codeMajor,
    imsx_severity: 'error' as const,
    imsx_description: description,
    imsx_codeMinor: {
      imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: error.codeMinor }],
    },
  };
}

/** RFC 6750 §3: a refused bearer token says why in WWW-Authenticate. */
export function bearerChallenge(reply: FastifyReply, error: ImsxError) {
  if (error.status === 401) reply.header('www-authenticate', 'Bearer realm="ob3", error="invalid_token"');
  if (error.status === 403 && error.codeMinor === 'forbidden')
    reply.header('www-authenticate', 'Bearer realm="ob3", error="insufficient_scope"');
}
