import type { JsonWebKey } from 'node:crypto';
import { signJwt, type JwtSignableCredential } from './sign-jwt';

export interface JwtOptions {
  privateJwk: JsonWebKey;
  kid: string;
}

/** A signed credential as it is stored: its JSON text and its VC-JWT. */
export interface IssuedTexts {
  json: string;
  jwt: string;
}

// A signing thread receives a copy of the JWK with each task: one object per key id, so signJwt
// imports each key once (its cache is by object).
const jwks = new Map<string, JsonWebKey>();

/**
 * The credential's two stored forms, made where it was signed: in a signing thread, the main thread
 * then receives two strings (nothing to copy back but text) and has neither to sign nor to serialise.
 */
export function issuedTexts(signed: JwtSignableCredential, options: JwtOptions): IssuedTexts {
  const id = `${options.kid}|${String(options.privateJwk.x)}`;
  let privateJwk = jwks.get(id);
  if (!privateJwk) {
    if (jwks.size >= 16) jwks.delete(jwks.keys().next().value!);
    jwks.set(id, (privateJwk = options.privateJwk));
  }
  return { json: JSON.stringify(signed), jwt: signJwt(signed, { privateJwk, kid: options.kid }) };
}
