import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashIdentity, identityMatches, newIdentitySalt } from '../../src/ob3/identity-hash';

describe('hashIdentity', () => {
  it('reproduces the OB 3.0 spec vector', () => {
    expect(hashIdentity('a@example.com', 'Kosher')).toBe(
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
  });

  it('hashes the UTF-8 bytes of identifier + salt', () => {
    const expected = createHash('sha256')
      .update(Buffer.from('chloé@mairie.fr' + 'sœl', 'utf8'))
      .digest('hex');
    expect(hashIdentity('chloé@mairie.fr', 'sœl')).toBe(`sha256$${expected}`);
  });

  it('matches a known e-mail, case-insensitively on the hex, and nothing else', () => {
    const hash = hashIdentity('a@example.com', 'Kosher');
    expect(identityMatches('a@example.com', 'Kosher', hash.toUpperCase().replace('SHA256$', 'sha256$'))).toBe(true);
    expect(identityMatches('b@example.com', 'Kosher', hash)).toBe(false);
    expect(identityMatches('a@example.com', 'Casher', hash)).toBe(false);
  });

  it('draws a fresh salt each time', () => {
    expect(newIdentitySalt()).not.toBe(newIdentitySalt());
  });
});
