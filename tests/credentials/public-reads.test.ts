import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { startPlatform, type Platform } from '../../src/platform';
import { signAndStoreCredentials } from '../../src/credentials/issue.service';
import { credentials, statusLists } from '../../src/credentials/credentials.tables';
import { findListCredential, saveList } from '../../src/credentials/status-lists.store';
import { publishedStatusListFile } from '../../src/credentials/published';
import { createTestDatabase, type ScratchDatabase } from '../helpers/db';
import { testConfig } from '../helpers/app';
import { insertAwards } from './app-helpers';

// The public reads send cached bytes with headers built once: what a client gets must not change
// (media type and charset, validator, caching, nosniff, language), nor what the access log says.
let scratch: ScratchDatabase;
let platform: Platform;
let id: string;
const lines: string[] = [];
beforeAll(async () => {
  scratch = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  platform = await startPlatform(testConfig(), {
    database: scratch.database,
    worker: false,
    fastify: { loggerInstance: pino({ level: 'info' }, stream) },
  });
  const rows = await insertAwards(scratch.database.db, 1, 'reads');
  const [issued] = await scratch.database.db.transaction((tx) =>
    signAndStoreCredentials(tx, rows, platform.services.credentials.deps),
  );
  id = issued!.id;
});
afterAll(async () => {
  await platform?.stop();
  await scratch?.drop();
});

const get = (url: string, headers: Record<string, string> = {}) => platform.app.inject({ url, headers });

describe('public reads: the same bytes and headers as before they were cached as Buffers', () => {
  it('[200] JSON, JWT and status list: the stored text, its media type with charset, nosniff, any origin', async () => {
    const [row] = await scratch.database.db.select().from(credentials).where(eq(credentials.id, id));
    const json = await get(`/credentials/${id}`);
    expect(json.headers['content-type']).toBe('application/vc+ld+json; charset=utf-8');
    expect(json.body).toBe(row!.json);
    const jwt = await get(`/credentials/${id}.jwt`);
    expect(jwt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(jwt.body).toBe(row!.jwt);
    const listPath = new URL(JSON.parse(row!.json).credentialStatus.statusListCredential).pathname;
    const list = await get(listPath);
    expect(list.headers['content-type']).toBe('application/vc+ld+json; charset=utf-8');
    expect(list.body).toBe(await findListCredential(scratch.database.db, Number(listPath.split('/').pop())));
    for (const res of [json, jwt, list]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
      expect(res.headers.etag).toMatch(/^"[\w-]{27}"$/);
    }
  });

  it('[304] repeated reads keep answering 304 to their validator, with the caching headers', async () => {
    const url = `/credentials/${id}`;
    const { etag } = (await get(url)).headers;
    for (let i = 0; i < 3; i++) {
      const again = await get(url, { 'if-none-match': String(etag) });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers['cache-control']).toBe('public, max-age=86400, immutable');
      expect(again.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('[200] an Achievement in the reader’s language: Accept-Language, ?lang= and the lang cookie', async () => {
    const french = await get('/achievements/data-admin');
    expect(french.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(french.headers.vary).toBe('accept-language, cookie');
    expect(french.json().description).toMatch(/^Ce badge/);
    for (const asked of [
      get('/achievements/data-admin', { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' }),
      get('/achievements/data-admin?lang=en'),
      get('/achievements/data-admin', { cookie: 'lang=en' }),
    ]) {
      const english = await asked;
      expect(english.json().description).toMatch(/^This badge/);
      expect(english.headers.etag).not.toBe(french.headers.etag);
    }
    // The French document again, from the cache: the same bytes and validator.
    const again = await get('/achievements/data-admin', { 'accept-language': 'fr' });
    expect(again.headers.etag).toBe(french.headers.etag);
    expect(again.rawPayload.equals(french.rawPayload)).toBe(true);
  });
});

describe('what is not held in memory is still read, or refused', () => {
  it('[404] unknown or malformed credentials and status lists, with the error envelope', async () => {
    for (const url of [
      '/credentials/not-a-uuid',
      '/credentials/00000000-0000-4000-8000-000000000000.jwt',
      '/status/abc',
      '/status/999999',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toMatch(/_NOT_FOUND$/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

describe('a status list changed by another instance is served within its stated 5 s', () => {
  it('the cached list until 5 s after it was read, the new one from then on', async () => {
    const json = JSON.parse((await get(`/credentials/${id}`)).body);
    const listId = Number(new URL(json.credentialStatus.statusListCredential).pathname.split('/').pop());
    const db = scratch.database.db;
    const t0 = Date.now() + 60_000; // a read of its own, after anything this test's requests cached
    const before = await publishedStatusListFile(db, listId, t0);
    // Another instance re-signs the list: this one is not told (no forgetStatusList here).
    const [row] = await db.select().from(statusLists).where(eq(statusLists.id, listId));
    const changed = row!.credential!.replace('"validFrom":"', '"validFrom":"1');
    await saveList(db, listId, { encodedList: row!.encodedList, credential: changed, updatedAt: new Date() });
    expect((await publishedStatusListFile(db, listId, t0 + 4_999))!.doc.etag).toBe(before!.doc.etag);
    const after = await publishedStatusListFile(db, listId, t0 + 5_000);
    expect(after!.doc.etag).not.toBe(before!.doc.etag);
    expect(after!.doc.body.toString()).toBe(changed);
  });
});

describe('the access log: one line per request', () => {
  it('method, redacted URL, client, status and time in a single line', async () => {
    lines.length = 0;
    await get(`/credentials/${id}?token=secret-value&x=1`);
    const logged = lines.map((line) => JSON.parse(line));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: `/credentials/${id}?token=[redacted]&x=1` },
      res: { statusCode: 200 },
    });
    expect(logged[0].responseTime).toBeGreaterThanOrEqual(0);
    expect(logged[0].reqId).toBeDefined();
  });
});
