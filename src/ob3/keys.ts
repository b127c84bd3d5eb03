import { createHash, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { AppError } from '../shared/errors';
import { decryptSecret, encryptSecret, isSealed } from './secret-box';

/**
 * Issuer keys. Ed25519 (Multikey) signs the Data Integrity proof, the only suite 1EdTech
 * certifies (OB 3.0 integrity.md, eddsa-rdfc-2022); P-256 signs the VC-JWT because the 1EdTech
 * validator accepts only RS256/ES256 there. `id` is the key's fragment in the issuer's DID
 * document: the multibase for Ed25519 (the did:key convention, so did:key and did:web agree),
 * the RFC 7638 thumbprint for P-256 (stable, and distinct across rotations).
 */
export interface Ed25519Key {
  type: 'Ed25519';
  id: string;
  created: string;
  publicKeyMultibase: string;
  /** Absent for a retired key kept only so old proofs still verify. */
  secretKeyMultibase?: string;
}
export interface P256Key {
  type: 'P-256';
  id: string;
  created: string;
  publicJwk: JsonWebKey;
  privateJwk?: JsonWebKey;
}
export type IssuerKey = Ed25519Key | P256Key;

/** The JSON form kept in the database: the private part sealed when a secret is given. */
export interface StoredKey {
  format: 'parcours-key/v1';
  type: IssuerKey['type'];
  id: string;
  created: string;
  publicKeyMultibase?: string;
  publicJwk?: JsonWebKey;
  /** Ed25519: secretKeyMultibase; P-256: the private JWK as JSON. Sealed by `encryptSecret`. */
  privateKey?: string;
}

export async function generateEd25519Key(now: Date = new Date()): Promise<Ed25519Key> {
  const pair = await Ed25519Multikey.generate();
  return {
    type: 'Ed25519',
    id: pair.publicKeyMultibase,
    created: now.toISOString(),
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase,
  };
}

export function generateP256Key(now: Date = new Date()): P256Key {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicJwk = publicKey.export({ format: 'jwk' });
  return {
    type: 'P-256',
    id: jwkThumbprint(publicJwk),
    created: now.toISOString(),
    publicJwk,
    privateJwk: privateKey.export({ format: 'jwk' }),
  };
}

/** RFC 7638 §3.2: SHA-256 over the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const members = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

export function serializeKey(key: IssuerKey, secret?: string): StoredKey {
  const seal = (plain: string) => (secret ? encryptSecret(secret, plain) : plain);
  const base = { format: 'parcours-key/v1' as const, type: key.type, id: key.id, created: key.created };
  if (key.type === 'Ed25519') {
    return {
      ...base,
      publicKeyMultibase: key.publicKeyMultibase,
      ...(key.secretKeyMultibase ? { privateKey: seal(key.secretKeyMultibase) } : {}),
    };
  }
  return {
    ...base,
    publicJwk: key.publicJwk,
    ...(key.privateJwk ? { privateKey: seal(JSON.stringify(key.privateJwk)) } : {}),
  };
}

export function deserializeKey(stored: StoredKey, secret?: string): IssuerKey {
  if (stored?.format !== 'parcours-key/v1') throw new AppError('CREDENTIAL_KEY_UNREADABLE', 500);
  const open = (value: string) => {
    if (!isSealed(value)) return value;
    if (!secret) throw new AppError('CREDENTIAL_KEY_DECRYPT_FAILED', 500);
    return decryptSecret(secret, value);
  };
  const { type, id, created, privateKey } = stored;
  if (type === 'Ed25519' && stored.publicKeyMultibase) {
    return {
      type,
      id,
      created,
      publicKeyMultibase: stored.publicKeyMultibase,
      ...(privateKey ? { secretKeyMultibase: open(privateKey) } : {}),
    };
  }
  if (type === 'P-256' && stored.publicJwk) {
    return {
      type,
      id,
      created,
      publicJwk: stored.publicJwk,
      ...(privateKey ? { privateJwk: JSON.parse(open(privateKey)) as JsonWebKey } : {}),
    };
  }
  throw new AppError('CREDENTIAL_KEY_UNREADABLE', 500);
}

/** The public half only: what a DID document, a JWKS or a backup for auditors may hold. */
export function publicKeyOf(key: IssuerKey): IssuerKey {
  if (key.type === 'Ed25519') {
    const { secretKeyMultibase: _secret, ...pub } = key;
    return pub;
  }
  const { privateJwk: _private, ...pub } = key;
  return pub;
}
