import type { Db } from '../db/client';
import { didDocument, jwks, publicJwk } from '../ob3/issuer';
import type { Keyring } from './keyring';
import { findListCredential } from './status-lists.store';
import { CACHE, publicDoc, type PublicDoc, TEXT_TYPES } from './conditional';

/** The DID document: every key, retired ones too, so earlier proofs still verify. */
export async function publishedDidDocument(db: Db, keyring: Keyring) {
  const { issuerId, keys } = await keyring.published(db);
  return didDocument(issuerId, keys);
}

/** The JWKS, each key under the exact `kid` our JWT headers carry. */
export async function publishedJwks(db: Db, keyring: Keyring) {
  const { issuerId, keys } = await keyring.published(db);
  return jwks(keys, (key) => keyring.jwtKid(issuerId, key));
}

// A status list is read by every verification and every verifier's GET: each instance keeps each
// list a few seconds. This instance forgets it when it re-signs it (a revocation); another one
// serves the previous list at most this long after the revocation committed.
const LIST_TTL_MS = 5_000;
const MAX_LISTS = 256;
const lists = new Map<number, { text: string; doc: PublicDoc; until: number }>();

/** The list when this instance read it less than LIST_TTL_MS ago (the route's synchronous path). */
export function cachedStatusListFile(id: number, now = Date.now()) {
  const hit = lists.get(id);
  return hit && hit.until > now ? hit : undefined;
}

/** The signed list as published, with its bytes and ETag (computed once per read from the database). */
export async function publishedStatusListFile(db: Db, id: number, now = Date.now()) {
  if (!(Number.isSafeInteger(id) && id > 0 && id < 2 ** 31)) return undefined;
  const hit = lists.get(id);
  if (hit && hit.until > now) return hit;
  const text = await findListCredential(db, id);
  lists.delete(id);
  if (text === undefined) return undefined;
  const entry = { text, doc: publicDoc(text, TEXT_TYPES.vc, CACHE.statusList), until: now + LIST_TTL_MS };
  if (lists.size >= MAX_LISTS) lists.delete(lists.keys().next().value!);
  lists.set(id, entry);
  return entry;
}

export const forgetStatusList = (id: number) => lists.delete(id);

export async function publishedStatusList(db: Db, id: number): Promise<string | undefined> {
  return (await publishedStatusListFile(db, id))?.text;
}

/** One JWT key at its own URL (`/jwk/<thumbprint>`, the kid of a did:key issuer's VC-JWT). */
export async function publishedJwk(db: Db, keyring: Keyring, id: string) {
  return publicJwk((await keyring.published(db)).keys, id);
}

/**
 * Our own public documents by path, for verification: a credential of ours is checked against
 * what we publish without a network round trip to ourselves (and works behind any proxy).
 */
export async function ownDocument(db: Db, keyring: Keyring, path: string): Promise<unknown> {
  if (path === '/.well-known/did.json' || path === '/did.json') return publishedDidDocument(db, keyring);
  if (path === '/.well-known/jwks.json') return publishedJwks(db, keyring);
  const jwk = /^\/jwk\/([A-Za-z0-9_-]{1,100})$/.exec(path);
  if (jwk) return publishedJwk(db, keyring, jwk[1]!);
  const list = /^\/status\/(\d{1,10})$/.exec(path);
  const text = list ? await publishedStatusList(db, Number(list[1])) : undefined;
  return text === undefined ? undefined : JSON.parse(text);
}
