import type { Db } from '../db/client';
import { findCredentialFiles } from './credentials.store';
import { CACHE, publicDoc, type PublicDoc, TEXT_TYPES } from './conditional';

export type CredentialFile = NonNullable<Awaited<ReturnType<typeof findCredentialFiles>>> & {
  /** ETags of the JSON and of the JWT; the baked images' derive from the JSON's. */
  etags: { json: string; jwt: string };
  /** The JSON and the JWT as served, encoded and hashed once. */
  docs: { json: PublicDoc; jwt: PublicDoc };
};

// Signed credentials never change, so a process may keep the hot ones. The short life bounds
// how long another instance serves a credential erased with its learner (RGPD).
const MAX_ENTRIES = 2000;
const TTL_MS = 60_000;
const cache = new Map<string, { file: CredentialFile; until: number }>();

/** The credential file when this instance read it less than TTL_MS ago: a route answers it without a promise. */
export function cachedCredentialFile(id: string, now = Date.now()): CredentialFile | undefined {
  const hit = cache.get(id);
  return hit && hit.until > now ? hit.file : undefined;
}

/** What the public routes serve for a credential id, from memory when recently read. */
export async function findCredentialFile(db: Db, id: string, now = Date.now()): Promise<CredentialFile | undefined> {
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.file;
  const row = await findCredentialFiles(db, id);
  cache.delete(id);
  if (!row) return undefined;
  const docs = {
    json: publicDoc(row.json, TEXT_TYPES.vc, CACHE.credential),
    jwt: publicDoc(row.jwt, TEXT_TYPES.jwt, CACHE.credential),
  };
  const file = { ...row, docs, etags: { json: docs.json.etag, jwt: docs.jwt.etag } };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!); // oldest first (insertion order)
  cache.set(id, { file, until: now + TTL_MS });
  return file;
}

// Baked images cost a PNG or SVG rewrite each (tens of milliseconds for a PNG): the last few
// baked are kept, each a few hundred kB at most, under the credentials' own lifetime.
const MAX_BAKED = 64;
const baked = new Map<string, { body: Buffer; until: number }>();

/** The baked image of a credential file, from memory when baked lately. */
export function bakedImage(file: CredentialFile, ext: 'png' | 'svg', bake: () => Buffer, now = Date.now()): Buffer {
  const key = `${file.etags.json}.${ext}`;
  const hit = baked.get(key);
  if (hit && hit.until > now) return hit.body;
  const body = bake();
  baked.delete(key);
  if (baked.size >= MAX_BAKED) baked.delete(baked.keys().next().value!);
  baked.set(key, { body, until: now + TTL_MS });
  return body;
}
