import type { Params } from '../shared/errors';
import { say } from '../shared/text';
import { ob3Errors, type Ob3Code } from './ob3.text';
import type { DocumentLoader, FetchJson } from './document-loader';
import { readCredential, type InputFormat } from './verify-input';
import { checkJwtProof } from './verify-jwt';
import { checkDataIntegrity, invalid, type ProofDeps, type ProofOutcome } from './verify-proof';
import { checkSchema } from './verify-schema';
import { checkStatus } from './verify-status';
import { checkEndorsements, type EndorsementCheck } from './verify-endorsements';
import { DEFAULT_VERIFY_LIMITS, type VerifyLimits } from './verify-limits';

export type CheckName = 'parse' | 'schema' | 'proof' | 'status' | 'validity' | 'issuer';

export interface VerificationCheck {
  check: CheckName;
  /** 'unknown' when the answer depends on something we could not reach: never counted as ok. */
  ok: boolean | 'unknown';
  code: Ob3Code;
  message: { fr: string; en: string };
}

export interface VerificationResult {
  /** True only when every check is `true`: a failed or unknown check makes it false. */
  valid: boolean;
  format: InputFormat;
  /** The issuer as the credential describes itself: only `id` is bound by the signature. */
  issuer?: Record<string, unknown>;
  /** The issuer id (a DID or URL) when it is well-formed: who really signed, when `issuer` passed. */
  issuerId?: string;
  /** True only when the issuer id is one of ours and the proof shows our key signed it. */
  issuedByThisPlatform: boolean;
  achievement?: Record<string, unknown>;
  credential: Record<string, unknown>;
  /**
   * The badge's own checks, then one `endorsement` check per embedded EndorsementCredential: those
   * never change `valid` (a withdrawn endorsement leaves the badge valid, OB 3.0 verification step 6).
   */
  checks: Array<VerificationCheck | EndorsementCheck>;
}

export interface VerifyDeps {
  /** Offline contexts + did:key + a did:web resolver (see document-loader.ts). */
  documentLoader: DocumentLoader;
  /**
   * GET a JSON document: did:web documents, JWKS/JWK, status lists. Throws when unreachable.
   * For untrusted input, wrap it with `budgetedFetch` (verify-limits.ts), and build the
   * document loader's did:web resolver on the wrapped one, so every fetch counts.
   */
  fetchJson: FetchJson;
  now: Date;
  /** Bounds on decoding and on what the checks may do; DEFAULT_VERIFY_LIMITS for what is left out. */
  limits?: Partial<VerifyLimits>;
  /** A status list's proof check (verify-proof.ts); default checkDataIntegrity. */
  checkListProof?: ProofDeps['checkListProof'];
  /** Whether an issuer id is this platform's (any of its current or former issuer ids). */
  isOwnIssuer?: (issuerId: string) => boolean | Promise<boolean>;
}

function check(name: CheckName, ok: boolean | 'unknown', code: string, params: Params = {}): VerificationCheck {
  const known = code as Ob3Code;
  return {
    check: name,
    ok,
    code: known,
    message: { fr: say(ob3Errors, 'fr', known, params), en: say(ob3Errors, 'en', known, params) },
  };
}

/**
 * Verifies an Open Badges 3.0 credential the way OB 3.0 verification.md orders it: conformance
 * (schema, subject), proof (embedded Data Integrity or VC-JWT), status, validity dates,
 * then whether the signing key is the issuer's. Every check runs, so the report names each
 * failing one. Input that holds no credential at all throws AppError VERIFY_INPUT_UNREADABLE
 * or VERIFY_NO_BAKED_CREDENTIAL (400).
 */
export async function verifyCredential(
  input: Uint8Array | string | object,
  deps: VerifyDeps,
): Promise<VerificationResult> {
  const limits: VerifyLimits = { ...DEFAULT_VERIFY_LIMITS, ...deps.limits };
  const read = readCredential(input, limits);
  const { credential } = read;
  const proofDeps = { ...deps, limits };
  const checks: VerificationCheck[] = [check('parse', true, 'VERIFY_PARSE_OK', { format: read.format.toUpperCase() })];

  const schema = checkSchema(credential);
  checks.push(
    schema.ok
      ? check('schema', true, 'VERIFY_SCHEMA_OK')
      : check('schema', false, schema.code, schema.code === 'VERIFY_SCHEMA_FAILED' ? { errors: schema.errors } : {}),
  );

  // The libraries behind these checks throw on some malformed input: that is a failed check,
  // never a 500 (tests/fuzz/verify.fuzz.test.ts).
  const proof: ProofOutcome = await (read.jwt
    ? checkJwtProof(read.jwt, credential, proofDeps)
    : checkDataIntegrity(credential, proofDeps)
  ).catch((error: unknown) => invalid(error instanceof Error ? error.message : 'proof'));
  checks.push(check('proof', proof.ok, proof.code, proof.params));

  const status = await checkStatus(credential, { ...proofDeps, now: deps.now }).catch((error: unknown) => ({
    ok: false as const,
    code: 'VERIFY_STATUS_LIST_INVALID',
    params: { reason: error instanceof Error ? error.message.slice(0, 200) : 'status' },
  }));
  checks.push(check('status', status.ok, status.code, status.params));

  checks.push(validity(credential, deps.now));
  const issuerResult = issuerCheck(credential, proof);
  checks.push(issuerResult);

  const subject = credential.credentialSubject as { achievement?: unknown } | undefined;
  const issuer = credential.issuer;
  const issuerId = wellFormedIssuerId(credential);
  const issuedByThisPlatform =
    issuerResult.ok === true &&
    issuerId !== undefined &&
    deps.isOwnIssuer !== undefined &&
    (await deps.isOwnIssuer(issuerId));
  const endorsements = await checkEndorsements(credential, { ...proofDeps, now: deps.now });
  return {
    valid: checks.every((c) => c.ok === true),
    format: read.format,
    ...(issuer && typeof issuer === 'object' && !Array.isArray(issuer)
      ? { issuer: issuer as Record<string, unknown> }
      : {}),
    ...(typeof issuer === 'string' ? { issuer: { id: issuer } } : {}),
    ...(issuerId ? { issuerId } : {}),
    issuedByThisPlatform,
    ...(isPlainObject(subject) && isPlainObject(subject.achievement) ? { achievement: subject.achievement } : {}),
    credential,
    checks: [...checks, ...endorsements],
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** The issuer's id when it is a URI: what the signature is bound to, unlike its name or url. */
function wellFormedIssuerId(credential: Record<string, unknown>): string | undefined {
  const issuer = credential.issuer as unknown;
  const id = typeof issuer === 'string' ? issuer : isPlainObject(issuer) ? issuer.id : undefined;
  return typeof id === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(id) ? id : undefined;
}

/** OB 3.0 verification.md step 4: not yet valid before validFrom, expired after validUntil. */
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
  // The id is what the key is bound to; the name is whatever the credential says of itself.
  const name = typeof issuer === 'object' && typeof issuer.name === 'string' ? issuer.name.slice(0, 200) : undefined;
  return check('issuer', true, 'VERIFY_ISSUER_OK', { issuer: id, name });
}
