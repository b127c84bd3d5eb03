import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: client secrets, codes and tokens. */
export const newSecret = () => randomBytes(32).toString('base64url');
/** Only this is stored: a copy of the database opens nothing. */
export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
/** RFC 7636 §4.2: S256 challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
