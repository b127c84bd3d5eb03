import { createHash, randomBytes } from 'node:crypto';

/**
 * OB 3.0 IdentityHash (OB 3.0 IdentityObject): "sha256$" + hex(sha256(utf8(identifier + salt))).
 * Spec vector: ("a@example.com", "Kosher") →
 * sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399.
 * No normalisation here, so the function stays the spec's; callers normalise the e-mail.
 */
export function hashIdentity(identifier: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(identifier + salt, 'utf8')
    .digest('hex')}`;
}

/** A per-credential salt: the same learner's hashes then cannot be linked across badges. */
export function newIdentitySalt(): string {
  return randomBytes(16).toString('base64url');
}

/** Recipient check (OB 3.0 verification.md "Verify the Recipient Using an Identifier"). */
export function identityMatches(identifier: string, salt: string | undefined, identityHash: string): boolean {
  const [algorithm, hex] = identityHash.split('$');
  if (algorithm !== 'sha256' || !hex) return false;
  return hashIdentity(identifier, salt ?? '').toLowerCase() === identityHash.toLowerCase();
}
