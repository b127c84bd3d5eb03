import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { AppError } from '../shared/errors';

/**
 * Private key material at rest: AES-256-GCM under a key derived from the deployment secret
 * with scrypt. A fresh salt per value means two keys sealed under one secret share nothing,
 * and GCM's tag turns a wrong secret or a flipped byte into an error rather than a bad key.
 *
 * Format (one string, safe in a JSON/jsonb column):
 *   `scrypt-aes256gcm:v1:<salt>:<iv>:<tag>:<ciphertext>` (each part base64url)
 */
const PREFIX = 'scrypt-aes256gcm:v1';
// scrypt cost: Node's defaults (N=2^14, r=8, p=1) are RFC 7914's interactive parameters;
// the secret is a ≥32-character server secret, not a human password.
const SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;

function deriveKey(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret.normalize('NFC'), salt, 32, SCRYPT);
}

export function encryptSecret(secret: string, plaintext: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12); // 96-bit nonce, NIST SP 800-38D §8.2
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [salt, iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return [PREFIX, ...parts].join(':');
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

export function decryptSecret(secret: string, sealed: string): string {
  const parts = sealed.slice(PREFIX.length + 1).split(':');
  if (!isSealed(sealed) || parts.length !== 4) {
    throw new AppError('CREDENTIAL_KEY_DECRYPT_FAILED', 500);
  }
  const [salt, iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer, Buffer];
  // A truncated tag would otherwise be accepted by Node (GCM allows 4–16 bytes).
  if (tag.length !== 16 || iv.length !== 12) throw new AppError('CREDENTIAL_KEY_DECRYPT_FAILED', 500);
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, salt), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Wrong secret and tampered value look the same to GCM, on purpose.
    throw new AppError('CREDENTIAL_KEY_DECRYPT_FAILED', 500);
  }
}
