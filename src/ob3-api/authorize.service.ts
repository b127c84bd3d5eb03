import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit.service';
import { CODE_TTL_MS, READ_SCOPES, splitScope } from './scopes';
import { newSecret, sha256Hex } from './secrets';
import { findClient, type ClientRow } from './clients.store';
import { insertCode, upsertGrant } from './grants.store';

/** The query of GET /authorize (and the hidden fields of the consent form), as strings. */
export type AuthorizeQuery = Partial<Record<AuthorizeField, string>>;
export const AUTHORIZE_FIELDS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;
type AuthorizeField = (typeof AUTHORIZE_FIELDS)[number];
const PARAM_MAX = 2000;

export interface AuthorizeRequest {
  client: ClientRow;
  redirectUri: string;
  scope: string[];
  state?: string;
  codeChallenge: string;
}

/**
 * What a request to the authorization endpoint becomes (RFC 6749 §4.1.2.1):
 * - `fatal`: the client or its redirect_uri cannot be trusted, so the person is told and never redirected;
 * - `redirect`: an error sent back to the (registered) redirect_uri with the state;
 * - `ok`: a request to show the consent for.
 */
export type AuthorizeCheck =
  | { kind: 'fatal'; reason: 'OB3_CLIENT_UNKNOWN' | 'OB3_REDIRECT_URI' }
  | { kind: 'redirect'; redirectUri: string; state?: string; error: string; reason: string; field?: string }
  | { kind: 'ok'; request: AuthorizeRequest };

const param = (query: AuthorizeQuery, field: AuthorizeField) => {
  const value = query[field];
  return typeof value === 'string' && value.length > 0 && value.length <= PARAM_MAX ? value : undefined;
};

export async function checkAuthorizeRequest(db: Db, query: AuthorizeQuery): Promise<AuthorizeCheck> {
  const clientId = param(query, 'client_id');
  const client = clientId ? await findClient(db, clientId) : undefined;
  if (!client || client.disabledAt) return { kind: 'fatal', reason: 'OB3_CLIENT_UNKNOWN' };
  // Exact string match (OAuth security BCP §4.1.3): no prefix, no normalisation.
  const redirectUri = param(query, 'redirect_uri');
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) return { kind: 'fatal', reason: 'OB3_REDIRECT_URI' };
  const state = param(query, 'state');
  const refuse = (error: string, reason: string, field?: string): AuthorizeCheck => ({
    kind: 'redirect',
    redirectUri,
    state,
    error,
    reason,
    field,
  });
  if (query.state !== undefined && state === undefined && query.state !== '')
    return refuse('invalid_request', 'OB3_REQUEST_FIELD', 'state');
  if (param(query, 'response_type') !== 'code') return refuse('unsupported_response_type', 'OB3_RESPONSE_TYPE');
  // OB 3.0 §7: PKCE with S256 is required; `plain` or no challenge is refused.
  const codeChallenge = param(query, 'code_challenge');
  if (param(query, 'code_challenge_method') !== 'S256' || !codeChallenge || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge))
    return refuse('invalid_request', 'OB3_PKCE_REQUIRED');
  const asked = query.scope === undefined ? splitScope(client.scope) : splitScope(param(query, 'scope') ?? '');
  if (asked.length === 0 || asked.length > 4) return refuse('invalid_scope', 'OB3_SCOPE_UNSUPPORTED');
  if (asked.some((s) => !READ_SCOPES.includes(s))) return refuse('invalid_scope', 'OB3_SCOPE_UNSUPPORTED');
  const registered = splitScope(client.scope);
  if (asked.some((s) => !registered.includes(s))) return refuse('invalid_scope', 'OB3_SCOPE_NOT_REGISTERED');
  return { kind: 'ok', request: { client, redirectUri, scope: asked, state, codeChallenge } };
}

/** The redirect_uri with the answer's parameters added (its own query kept, RFC 6749 §3.1.2). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** The learner agreed: the grant is recorded (and audited) and a single-use, 10-minute code is issued. */
export async function approveAuthorization(
  db: Db,
  learner: { id: string; email: string },
  request: AuthorizeRequest,
  now = new Date(),
): Promise<string> {
  const code = newSecret();
  const scope = request.scope.join(' ');
  await db.transaction(async (tx) => {
    const grant = await upsertGrant(tx, request.client.id, learner.id, scope);
    await insertCode(tx, {
      codeHash: sha256Hex(code),
      grantId: grant.id,
      clientId: request.client.id,
      redirectUri: request.redirectUri,
      scope,
      codeChallenge: request.codeChallenge,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    });
    await recordAudit(tx, learner, {
      action: 'ob3.grant.created',
      targetType: 'oauth_grant',
      targetId: grant.id,
      details: { clientId: request.client.id, clientName: request.client.name, scope },
    });
  });
  return redirectWith(request.redirectUri, { code, state: request.state });
}
