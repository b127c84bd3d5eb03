import type { Params } from '../shared/errors';
import { credentialsMessages, type CredentialsMessageCode } from './credentials.messages';
import type { DocumentLoader, FetchJson } from './document-loader';
import { readCredential, type InputFormat } from './verify-input';
import { checkJwtProof } from './verify-jwt';
import { checkDataIntegrity, type ProofOutcome } from './verify-proof';
import { checkSchema } from './verify-schema';
import { checkStatus } from './verify-status';

export type CheckName = 'parse' | 'schema' | 'proof' | 'status' | 'validity' | 'issuer';

export interface VerificationCheck {
  check: CheckName;
  /** 'unknown' when the answer depends on something we could not reach: never counted as ok. */
  ok: boolean | 'unknown';
  code: CredentialsMessageCode;
  message: { fr: string; en: string };
}

export interface VerificationResult {
  /** True only when every check is `true`: a failed or unknown check makes it false. */
  valid: boolean;
  format: InputFormat;
  issuer?: Record<string, unknown>;
  achievement?: Record<string, unknown>;
  credential: Record<string, unknown>;
  checks: VerificationCheck[];
}

export interface VerifyDeps {
  /** Offline contexts + did:key + a did:web resolver (see document-loader.ts). */
  documentLoader: DocumentLoader;
  /** GET a JSON document: did:web documents, JWKS/JWK, status lists. Throws when unreachable. */
  fetchJson: FetchJson;
  now: Date;
}

function check(name: CheckName, ok: boolean | 'unknown', code: string, params: Params = {}): VerificationCheck {
  const message = credentialsMessages[code as CredentialsMessageCode];
  return {
    check: name,
    ok,
    code: code as CredentialsMessageCode,
    message: { fr: message.fr(params), en: message.en(params) },
  };
}

/**
 * Verifies an Open Badges 3.0 credential the way verification.md orders it: conformance
 * (schema, subject), proof (embedded Data Integrity or VC-JWT), status, validity dates,
 * then whether the signing key is the issuer's. Every check runs, so the report names each
 * failing one. Input that holds no credential at all throws AppError VERIFY_INPUT_UNREADABLE
 * or VERIFY_NO_BAKED_CREDENTIAL (400).
 */
export async function verifyCredential(
  input: Uint8Array | string | object,
  deps: VerifyDeps,
): Promise<VerificationResult> {
  const read = readCredential(input);
  const { credential } = read;
  const checks: VerificationCheck[] = [check('parse', true, 'VERIFY_PARSE_OK', { format: read.format.toUpperCase() })];

  const schema = checkSchema(credential);
  checks.push(
    schema.ok
      ? check('schema', true, 'VERIFY_SCHEMA_OK')
      : check('schema', false, schema.code, schema.code === 'VERIFY_SCHEMA_FAILED' ? { errors: schema.errors } : {}),
  );

  const proof: ProofOutcome = read.jwt
    ? await checkJwtProof(read.jwt, credential, deps)
    : await checkDataIntegrity(credential, deps);
  checks.push(check('proof', proof.ok, proof.code, proof.params));

  const status = await checkStatus(credential, deps);
  checks.push(check('status', status.ok, status.code, status.params));

  checks.push(validity(credential, deps.now));
  checks.push(issuerCheck(credential, proof));

  const subject = credential.credentialSubject as { achievement?: unknown } | undefined;
  const issuer = credential.issuer;
  return {
    valid: checks.every((c) => c.ok === true),
    format: read.format,
    ...(issuer ? { issuer: typeof issuer === 'string' ? { id: issuer } : (issuer as Record<string, unknown>) } : {}),
    ...(subject?.achievement ? { achievement: subject.achievement as Record<string, unknown> } : {}),
    credential,
    checks,
  };
}

/** verification.md step 4: not yet valid before validFrom, expired after validUntil. */
function validity(credential: Record<string, unknown>, now: Date): VerificationCheck {
  const { validFrom, validUntil } = credential as { validFrom?: unknown; validUntil?: unknown };
  const from = typeof validFrom === 'string' ? new Date(validFrom) : undefined;
  if (!from || Number.isNaN(from.getTime()) || now < from) {
    return check('validity', false, 'VERIFY_NOT_YET_VALID', { validFrom: String(validFrom ?? '?') });
  }
  if (validUntil !== undefined) {
    const until = typeof validUntil === 'string' ? new Date(validUntil) : undefined;
    if (!until || Number.isNaN(until.getTime()) || now > until) {
      return check('validity', false, 'VERIFY_EXPIRED', { validUntil: String(validUntil) });
    }
  }
  return check('validity', true, 'VERIFY_VALIDITY_OK');
}

/**
 * The issuer is a Profile with an id (VAL IssuerProbe) and the key that signed is shown to be
 * its own: by the DI proof purpose (controller = issuer) or by where the JWT key is published.
 */
function issuerCheck(credential: Record<string, unknown>, proof: ProofOutcome): VerificationCheck {
  const issuer = credential.issuer as string | { id?: unknown; type?: unknown; name?: unknown } | undefined;
  const id = typeof issuer === 'string' ? issuer : issuer?.id;
  const types = typeof issuer === 'object' ? ([] as unknown[]).concat(issuer?.type ?? []) : ['Profile'];
  if (typeof id !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(id) || !types.includes('Profile')) {
    return check('issuer', false, 'VERIFY_ISSUER_INVALID');
  }
  if (proof.ok !== true || proof.keyBelongsToIssuer === 'unknown') {
    return check('issuer', 'unknown', 'VERIFY_ISSUER_UNKNOWN');
  }
  if (!proof.keyBelongsToIssuer) return check('issuer', false, 'VERIFY_ISSUER_KEY_MISMATCH');
  const name = typeof issuer === 'object' && typeof issuer.name === 'string' ? issuer.name : id;
  return check('issuer', true, 'VERIFY_ISSUER_OK', { issuer: name });
}
