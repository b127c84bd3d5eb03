import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { signAndStoreCredentials } from '../../src/credentials/issue.service';
import { insertAwards } from './app-helpers';

let ctx: TestContext;
let id: string;
beforeAll(async () => {
  ctx = await buildTestApp();
  const rows = await insertAwards(ctx.database.db, 1, 'cache');
  const [issued] = await ctx.database.db.transaction((tx) =>
    signAndStoreCredentials(tx, rows, ctx.services.credentials.deps),
  );
  id = issued!.id;
});
afterAll(async () => ctx?.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers });

/** 200 with a validator, then 304 without a body for that validator (and for a list naming it). */
async function revalidates(url: string, cacheControl: string) {
  const first = await get(url);
  expect(first.statusCode, url).toBe(200);
  expect(first.headers['cache-control'], url).toBe(cacheControl);
  const etag = String(first.headers.etag);
  expect(etag).toMatch(/^"[\w.-]+"$/);
  const again = await get(url, { 'if-none-match': etag });
  expect(again.statusCode, url).toBe(304);
  expect(again.body).toBe('');
  expect(again.headers.etag).toBe(etag);
  expect(again.headers['cache-control']).toBe(cacheControl);
  expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
  expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
  return { etag, body: first.rawPayload };
}

describe('public documents: ETag, If-None-Match and Cache-Control by what may change them', () => {
  it('[200/304] a credential never changes: JSON, JWT, PNG and SVG kept a day, immutable', async () => {
    const immutable = 'public, max-age=86400, immutable';
    const tags = new Set<string>();
    for (const suffix of ['', '.json', '.jwt', '.png', '.svg']) {
      const { etag, body } = await revalidates(`/credentials/${id}${suffix}`, immutable);
      tags.add(etag);
      // The same bytes on every read: the validator names them.
      expect((await get(`/credentials/${id}${suffix}`)).rawPayload.equals(body)).toBe(true);
    }
    // .json is the same document as the bare URL; every other representation has its own validator.
    expect(tags.size).toBe(4);
  });

  it('[200/304] an Achievement is kept an hour, per language', async () => {
    const { etag } = await revalidates('/achievements/data-admin', 'public, max-age=3600');
    const english = await get('/achievements/data-admin', { 'accept-language': 'en', 'if-none-match': etag });
    expect(english.statusCode).toBe(200);
    expect(english.headers.vary).toContain('accept-language');
    expect(english.headers.etag).not.toBe(etag);
  });

  it('[200/304] a status list is revalidated after a minute, and its ETag changes with a revocation', async () => {
    const json = JSON.parse((await get(`/credentials/${id}`)).body);
    const listUrl = new URL(json.credentialStatus.statusListCredential).pathname;
    const before = await revalidates(listUrl, 'public, max-age=60, must-revalidate');
    const revoke = await ctx.app.inject({
      method: 'POST',
      url: `/api/credentials/${id}/revoke`,
      headers: await ctx.adminAuth(),
      payload: { reason: 'Erreur de saisie' },
    });
    expect(revoke.statusCode).toBe(200);
    const after = await get(listUrl, { 'if-none-match': before.etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.etag);
    // The credential itself did not change: its validator still holds.
    const { etag } = await revalidates(`/credentials/${id}`, 'public, max-age=86400, immutable');
    expect((await get(`/credentials/${id}`, { 'if-none-match': etag })).statusCode).toBe(304);
  });

  it('[404] an unknown credential has no validator', async () => {
    const res = await get('/credentials/00000000-0000-4000-8000-000000000000', { 'if-none-match': '*' });
    expect(res.statusCode).toBe(404);
    expect(res.headers.etag).toBeUndefined();
  });
});
