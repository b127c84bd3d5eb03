import { createPublicKey, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { jwtClaimsFor, type JwtSignableCredential } from './sign-jwt';
import {
  budgetOutcome,
  checkDataIntegrity,
  invalid,
  trackingLoader,
  unknownKey,
  type ProofDeps,
  type ProofOutcome,
} from './verify-proof';

// OB 3.0 VC-JWT header rules (OB 3.0 integrity.md): alg RS256/ES256 (what the 1EdTech validator takes),
// kid or jwk, optional typ "JWT", and "Additional JOSE Headers are NOT allowed".
const ALLOWED_ALGS = ['ES256', 'RS256'] as const;
const ALLOWED_HEADERS = new Set(['alg', 'kid', 'jwk', 'typ']);
const MAPPED_CLAIMS = ['iss', 'jti', 'sub', 'nbf', 'exp'] as const;

type KeyLookup = { jwk: JsonWebKey; belongs: boolean } | ProofOutcome;

const headerInvalid = (reason: string): ProofOutcome => ({
  ok: false,
  code: 'VERIFY_JWT_HEADER_INVALID',
  params: { reason },
  keyBelongsToIssuer: 'unknown',
});
const notFound = (keyId: string): ProofOutcome => ({
  ok: false,
  code: 'VERIFY_PROOF_KEY_NOT_FOUND',
  params: { keyId },
  keyBelongsToIssuer: false,
});

/** The host a did:web or https issuer answers for, whose JWKS and keys we trust for it. */
export function issuerAuthority(issuerId: string): string | undefined {
  if (issuerId.startsWith('did:web:')) return decodeURIComponent(issuerId.slice(8).split(':')[0] ?? '');
  if (/^https?:\/\//.test(issuerId)) return new URL(issuerId).host;
  return undefined;
}

/**
 * The public key named by the header, and whether the issuer publishes it: a DID URL must
 * sit in the issuer's own DID document with the issuer as controller; a URL (a JWK or a JWKS
 * plus #kid) must be on the issuer's host; a bare kid is looked up in the issuer's
 * /.well-known/jwks.json (OB impl guide, recommended practices "JWKS").
 */
async function lookUpKey(header: Record<string, unknown>, issuerId: string, deps: ProofDeps): Promise<KeyLookup> {
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (!kid) {
    const jwk = header.jwk as JsonWebKey | undefined;
    if (!jwk || typeof jwk !== 'object' || 'd' in jwk) return headerInvalid('kid or jwk');
    return { jwk, belongs: false };
  }
  if (kid.startsWith('did:')) {
    const { load, unreachable } = trackingLoader(deps.documentLoader);
    try {
      const method = (await load(kid)).document;
      const jwk = method.publicKeyJwk as JsonWebKey | undefined;
      if (!jwk) return notFound(kid);
      return { jwk, belongs: method.controller === issuerId && kid.split('#')[0] === issuerId };
    } catch {
      const failure = unreachable();
      return failure ? (budgetOutcome(failure.error) ?? unknownKey(failure.url)) : notFound(kid);
    }
  }
  const authority = issuerAuthority(issuerId);
  const isUrl = /^https?:\/\//.test(kid);
  if (!isUrl && !authority) return notFound(kid);
  const url = isUrl ? kid.split('#')[0]! : `https://${authority}/.well-known/jwks.json`;
  const wanted = isUrl ? kid.split('#')[1] : kid;
  let document: Record<string, unknown>;
  try {
    document = (await deps.fetchJson(url)) as Record<string, unknown>;
  } catch (error) {
    return budgetOutcome(error) ?? unknownKey(url);
  }
  const belongs = !isUrl || new URL(kid).host === authority;
  if (document && typeof document.kty === 'string') return { jwk: document as JsonWebKey, belongs };
  const keys = Array.isArray(document?.keys) ? (document.keys as Array<Record<string, unknown>>) : [];
  const found = keys.find((k) => k.kid === wanted || k.kid === kid);
  return found ? { jwk: found as JsonWebKey, belongs } : notFound(kid);
}

/**
 * A VC-JWT: header rules, signature with the published key, claims equal to the credential's
 * fields, and — when the payload carries one — the embedded proof too, which also ties a
 * did:key issuer (whose DID document cannot list our P-256 key) to the content.
 */
export async function checkJwtProof(
  token: { token: string; header: Record<string, unknown>; payload: Record<string, unknown> },
  credential: Record<string, unknown>,
  deps: ProofDeps,
): Promise<ProofOutcome> {
  const { header, payload } = token;
  const extra = Object.keys(header).filter((h) => !ALLOWED_HEADERS.has(h));
  if (extra.length > 0) return headerInvalid(extra.join(', '));
  const alg = header.alg as (typeof ALLOWED_ALGS)[number];
  if (!ALLOWED_ALGS.includes(alg)) return headerInvalid(`alg ${String(header.alg)}`);
  if (header.typ !== undefined && header.typ !== 'JWT') return headerInvalid(`typ ${String(header.typ)}`);

  const issuer = credential.issuer as string | { id?: string } | undefined;
  const issuerId = typeof issuer === 'string' ? issuer : (issuer?.id ?? '');
  const key = await lookUpKey(header, issuerId, deps);
  if ('ok' in key) return key;

  try {
    const publicKey = createPublicKey({ key: key.jwk, format: 'jwk' });
    // Dates are the validity check's business: verify the signature alone here.
    jwt.verify(token.token, publicKey, { algorithms: [alg], ignoreExpiration: true, ignoreNotBefore: true });
  } catch (error) {
    return invalid(error instanceof Error ? error.message : 'signature');
  }

  let expected: Record<string, string | number> = {};
  try {
    expected = jwtClaimsFor(credential as JwtSignableCredential);
  } catch {
    return { ok: false, code: 'VERIFY_JWT_CLAIMS_MISMATCH', params: { claim: 'iss' }, keyBelongsToIssuer: 'unknown' };
  }
  const mismatch = MAPPED_CLAIMS.find((claim) => expected[claim] !== payload[claim]);
  if (mismatch) {
    return {
      ok: false,
      code: 'VERIFY_JWT_CLAIMS_MISMATCH',
      params: { claim: mismatch },
      keyBelongsToIssuer: 'unknown',
    };
  }

  let belongs: boolean | 'unknown' = key.belongs;
  if (credential.proof !== undefined) {
    const embedded = await checkDataIntegrity(credential, deps);
    if (embedded.ok === false) return embedded;
    if (embedded.ok === true) belongs = true;
  }
  return { ok: true, code: 'VERIFY_PROOF_OK', params: { kind: `JWT ${alg}` }, keyBelongsToIssuer: belongs };
}
