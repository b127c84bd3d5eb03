import type { Db } from '../db/client';
import { createDocumentLoader, didWebResolver, type FetchJson } from '../ob3/document-loader';
import type { EndorsementCredential } from '../ob3/endorsement';
import { ownPath } from '../credentials/fetch-json';
import { identityDocument } from './endorser-identity';
import { activeEndorsements, findEndorsement, findList } from './endorsements.store';
import { identityOf, type EndorsementsContext } from './endorsements.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A signed endorsement as served at /endorsements/:id (never one still awaiting its signature). */
export async function publishedEndorsement(db: Db, id: string) {
  if (!UUID.test(id)) return undefined;
  const row = await findEndorsement(db, id);
  return row?.state === 'active' ? row : undefined;
}

/**
 * Our endorsers' public documents by path: /endorsers/<key>/did.json, /jwk/<id>, /status/<n>, and
 * /endorsements/<id>. Verification reads them here rather than through the network.
 */
export async function endorsementsDocument(db: Db, ctx: EndorsementsContext, path: string): Promise<unknown> {
  const endorsement = /^\/endorsements\/([0-9a-f-]{36})(?:\.json)?$/.exec(path);
  if (endorsement) {
    const row = await publishedEndorsement(db, endorsement[1]!);
    return row ? JSON.parse(row.json) : undefined;
  }
  const m = /^\/endorsers\/([a-z0-9-]{1,63})(\/.*)$/.exec(path);
  const endorser = m ? ctx.endorsers.find((e) => e.key === m[1]) : undefined;
  if (!m || !endorser) return undefined;
  const identity = await identityOf(db, ctx, endorser);
  const status = /^\/status\/(\d{1,9})$/.exec(m[2]!);
  if (!status) return identityDocument(identity, m[2]!);
  const list = await findList(db, Number(status[1]));
  return list && list.endorser === endorser.key && list.credential ? JSON.parse(list.credential) : undefined;
}

/** A loader and fetch that answer from our own endorser documents only: what an import is checked against. */
export function localVerifier(db: Db, ctx: EndorsementsContext) {
  const fetchJson: FetchJson = async (url) => {
    const path = ownPath(ctx.config.publicUrl, url);
    const document = path === undefined ? undefined : await endorsementsDocument(db, ctx, path);
    if (document === undefined) throw new Error(`not published here: ${url}`);
    return document;
  };
  return { fetchJson, documentLoader: createDocumentLoader({ resolve: didWebResolver(fetchJson) }) };
}

/** The endorsements each Achievement carries in credentials issued now, by badge key. */
export async function endorsementsByBadge(db: Db, now: Date): Promise<Map<string, EndorsementCredential[]>> {
  const byBadge = new Map<string, EndorsementCredential[]>();
  for (const row of await activeEndorsements(db, now)) {
    const list = byBadge.get(row.badgeKey) ?? [];
    list.push(JSON.parse(row.json) as EndorsementCredential);
    byBadge.set(row.badgeKey, list);
  }
  return byBadge;
}
