import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '../shared/errors';

export interface JwtSignableCredential {
  id: string;
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string } | Array<{ id?: string }>;
  [field: string]: unknown;
}

/** The registered claims a VC-JWT derives from its credential (OB 3.0 integrity.md). */
export function jwtClaimsFor(credential: JwtSignableCredential): Record<string, string | number> {
  const subject = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject[0]
    : credential.credentialSubject;
  const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
  return {
    iss: typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id,
    jti: credential.id,
    // `sub` = credentialSubject.id. Our subjects are known by a hashed identifier only, so
    // there is no id and no `sub` (RFC 7519 §4.1.2: optional): putting the hash there would
    // be a claim no verifier can match against credentialSubject.id.
    ...(subject?.id ? { sub: subject.id } : {}),
    nbf: seconds(credential.validFrom),
    // exp is required when validUntil is present.
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
}

// The keyring hands out the same JWK object while the key is active: import it once.
const keyObjects = new WeakMap<JsonWebKey, KeyObject>();
function keyObjectOf(jwk: JsonWebKey): KeyObject {
  let key = keyObjects.get(jwk);
  if (!key) keyObjects.set(jwk, (key = createPrivateKey({ key: jwk, format: 'jwk' })));
  return key;
}

/**
 * VC-JWT as OB 3.0 describes it: a compact JWS whose whole payload is the credential (no `vc`
 * claim) plus the registered claims. ES256 because the 1EdTech validator accepts only RS256 or
 * ES256. Header exactly {alg, typ: "JWT", kid}: "Additional JOSE Headers are NOT allowed".
 * Sign the Data Integrity proof first, then this (OB 3.0 integrity.md: both formats → DI inside JWT).
 */
export function signJwt(credential: JwtSignableCredential, options: { privateJwk: JsonWebKey; kid: string }): string {
  if (!options.privateJwk.d) throw new AppError('CREDENTIAL_KEY_NOT_SIGNING', 500, { keyId: options.kid });
  const privateKey = keyObjectOf(options.privateJwk);
  const payload = { ...credential, ...jwtClaimsFor(credential) };
  return jwt.sign(payload, privateKey, {
    algorithm: 'ES256',
    header: { alg: 'ES256', typ: 'JWT', kid: options.kid },
    // No iat: the payload stays the credential plus the mapped claims, nothing else.
    noTimestamp: true,
  });
}
