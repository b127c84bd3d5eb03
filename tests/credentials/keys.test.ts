import { createPublicKey, verify, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import {
  deserializeKey,
  generateEd25519Key,
  generateP256Key,
  publicKeyOf,
  serializeKey,
  type P256Key,
} from '../../src/ob3/keys';
import { decryptSecret, encryptSecret } from '../../src/ob3/secret-box';
import { didDocument, issuerDid, jwks, jwtKeyId } from '../../src/ob3/issuer';

const SECRET = 'a-deployment-secret-of-at-least-32-characters!';

describe('secret box', () => {
  it('round-trips and never shows the plaintext', () => {
    const sealed = encryptSecret(SECRET, 'clé privée');
    expect(sealed).not.toContain('clé');
    expect(sealed).not.toBe(encryptSecret(SECRET, 'clé privée'));
    expect(decryptSecret(SECRET, sealed)).toBe('clé privée');
  });

  it('refuses a wrong secret or a flipped byte with an AppError', () => {
    const sealed = encryptSecret(SECRET, 'x');
    expect(() => decryptSecret('another-secret-of-at-least-32-characters', sealed)).toThrow(AppError);
    const parts = sealed.split(':');
    const ciphertext = Buffer.from(parts[parts.length - 1]!, 'base64url');
    ciphertext[0]! ^= 1;
    const flipped = [...parts.slice(0, -1), ciphertext.toString('base64url')].join(':');
    expect(() => decryptSecret(SECRET, flipped)).toThrow(AppError);
  });
});

describe('keys', () => {
  it('serialises an Ed25519 key with its private part sealed, and back', async () => {
    const key = await generateEd25519Key();
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(key.id).toBe(key.publicKeyMultibase);
    const stored = serializeKey(key, SECRET);
    expect(JSON.stringify(stored)).not.toContain(key.secretKeyMultibase);
    expect(deserializeKey(JSON.parse(JSON.stringify(stored)), SECRET)).toEqual(key);
    expect(() => deserializeKey(stored)).toThrow(AppError);
  });

  it('serialises a P-256 key without a secret in clear, and the keys still sign', () => {
    const key = generateP256Key();
    const back = deserializeKey(serializeKey(key), undefined) as P256Key;
    expect(back).toEqual(key);
    const signature = sign('sha256', Buffer.from('données'), { key: back.privateJwk!, format: 'jwk' });
    expect(
      verify('sha256', Buffer.from('données'), createPublicKey({ key: key.publicJwk, format: 'jwk' }), signature),
    ).toBe(true);
  });

  it('keeps only public parts in publicKeyOf', async () => {
    const ed = publicKeyOf(await generateEd25519Key());
    const p = publicKeyOf(generateP256Key());
    expect(JSON.stringify([ed, p])).not.toMatch(/secretKeyMultibase|"d"/);
  });
});

describe('issuer identifiers and documents', () => {
  it('uses did:web for https and did:key otherwise', async () => {
    const key = await generateEd25519Key();
    expect(issuerDid('https://badges.example.fr', key)).toBe('did:web:badges.example.fr');
    expect(issuerDid('https://badges.example.fr:8443/parcours/', key)).toBe(
      'did:web:badges.example.fr%3A8443:parcours',
    );
    expect(issuerDid('http://localhost:3000', key)).toBe(`did:key:${key.publicKeyMultibase}`);
  });

  it('publishes every key with controller = issuer id, Multikey and JsonWebKey', async () => {
    const [old, current, p256] = [await generateEd25519Key(), await generateEd25519Key(), generateP256Key()];
    const id = 'did:web:badges.example.fr';
    const doc = didDocument(id, [old, current, p256]) as {
      verificationMethod: Array<Record<string, unknown>>;
      assertionMethod: string[];
      '@context': string[];
    };
    expect(doc['@context'][0]).toBe('https://www.w3.org/ns/did/v1');
    expect(doc.verificationMethod).toHaveLength(3);
    for (const method of doc.verificationMethod) expect(method.controller).toBe(id);
    expect(doc.verificationMethod[0]).toMatchObject({
      id: `${id}#${old.id}`,
      type: 'Multikey',
      publicKeyMultibase: old.publicKeyMultibase,
    });
    expect(doc.verificationMethod[2]).toMatchObject({ type: 'JsonWebKey', publicKeyJwk: { kty: 'EC', crv: 'P-256' } });
    expect(JSON.stringify(doc)).not.toMatch(/"d"|secretKeyMultibase/);
    expect(doc.assertionMethod).toEqual(doc.verificationMethod.map((m) => m.id));
  });

  it('gives a did:key issuer the document every did:key resolver derives', async () => {
    const key = await generateEd25519Key();
    const id = `did:key:${key.publicKeyMultibase}`;
    const doc = didDocument(id, [key, generateP256Key()]) as { verificationMethod: unknown[] };
    expect(doc.verificationMethod).toEqual([
      {
        id: `${id}#${key.publicKeyMultibase}`,
        type: 'Multikey',
        controller: id,
        publicKeyMultibase: key.publicKeyMultibase,
      },
    ]);
  });

  it('lists the JWT keys in the JWKS by kid, and builds kids that resolve', () => {
    const [a, b] = [generateP256Key(), generateP256Key()];
    const set = jwks([a, b]);
    expect(set.keys.map((k) => k.kid)).toEqual([a.id, b.id]);
    expect(set.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(set.keys[0]).not.toHaveProperty('d');
    expect(jwtKeyId('did:web:x.fr', 'https://x.fr', a)).toBe(`did:web:x.fr#${a.id}`);
    expect(jwtKeyId('did:key:z6Mkx', 'http://localhost:3000/', a)).toBe(`http://localhost:3000/jwk/${a.id}`);
  });
});
