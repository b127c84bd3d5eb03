import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';
import { listen } from '../helpers/browser';
import { keepAliveClient } from './keep-alive-client';
import { zoomWebinarReport } from './zoom-report';

// Over a real listening server and ONE keep-alive connection, as browsers and Node's fetch send
// requests: a route that answers before it has read its whole body must leave the connection
// usable (rest drained) or close it deliberately; every request gets its answer.
let ctx: TestContext;
let base: string;
let auth: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  auth = await ctx.adminAuth();
  base = await listen(ctx.app);
});
afterAll(async () => {
  ctx?.app.server.closeAllConnections();
  await ctx?.close();
});

const valid = zoomWebinarReport([
  { name: 'Hélène Lefèvre', email: 'helene@valbrune.example', join: '10:00:00', leave: '11:30:00', minutes: 90 },
]);
// 200 KB refused after its first lines, long before its end.
const refused = Buffer.from(`Nom du fichier;Rien;De connu\n${'x;y;z\n'.repeat(200_000 / 6)}`);
const IMPORTS = '/api/events/webinaire-1/imports';

async function multipart(fields: Record<string, string>, file: { field: string; name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: 'text/csv' }), file.name);
  const encoded = new Request('http://form.invalid/', { method: 'POST', body: form });
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
}

describe('a route answering before the end of its body leaves the keep-alive connection usable', () => {
  it(
    'API import, raw body: a 200 KB file refused on its header, then two valid previews ' + 'on the same connection',
    async () => {
      const client = keepAliveClient(base);
      try {
        const headers = { ...auth, 'content-type': 'text/csv' };
        const first = await client.request('POST', IMPORTS, { headers, body: refused });
        expect(first.status).toBe(422);
        expect(JSON.parse(first.body).code).toBe('IMPORT_HEADER_NOT_RECOGNISED');
        for (let i = 0; i < 2; i++) {
          const next = await client.request('POST', `${IMPORTS}?dryRun=true`, { headers, body: valid });
          expect(next.status).toBe(200);
        }
        expect(client.connections).toBe(1);
      } finally {
        client.close();
      }
    },
  );

  it('API import, multipart: refused file, then valid previews', async () => {
    const client = keepAliveClient(base);
    try {
      const bad = await multipart({}, { field: 'file', name: 'x.csv', bytes: refused });
      const good = await multipart({}, { field: 'file', name: 'zoom.csv', bytes: valid });
      const first = await client.request('POST', IMPORTS, {
        headers: { ...auth, 'content-type': bad.type },
        body: bad.body,
      });
      expect(first.status).toBe(422);
      for (let i = 0; i < 2; i++) {
        expect(
          (
            await client.request('POST', `${IMPORTS}?dryRun=true`, {
              headers: { ...auth, 'content-type': good.type },
              body: good.body,
            })
          ).status,
        ).toBe(200);
      }
    } finally {
      client.close();
    }
  });

  it('API import: 401 before the body is read (no token), then valid previews', async () => {
    const client = keepAliveClient(base);
    try {
      const first = await client.request('POST', IMPORTS, { headers: { 'content-type': 'text/csv' }, body: refused });
      expect(first.status).toBe(401);
      for (let i = 0; i < 2; i++) {
        expect(
          (
            await client.request('POST', `${IMPORTS}?dryRun=true`, {
              headers: { ...auth, 'content-type': 'text/csv' },
              body: valid,
            })
          ).status,
        ).toBe(200);
      }
    } finally {
      client.close();
    }
  });

  it(
    'API import, chunked upload past the 32 MB limit: 413 read from the bytes, ' + 'the connection closed deliberately',
    async () => {
      const client = keepAliveClient(base, 20_000);
      try {
        const { Readable } = await import('node:stream');
        // No Content-Length: the limit is found while reading, the answer comes before the end.
        const chunk = Buffer.from(`${'helene@valbrune.example;Hélène;X\n'.repeat(2_000)}`);
        const total = Math.ceil((33 * 1024 * 1024) / chunk.length);
        const body = Readable.from(
          (function* () {
            yield Buffer.from('Courriel;Nom;Présent\n');
            for (let i = 0; i < total; i++) yield chunk;
          })(),
        );
        const first = await client.request('POST', `${IMPORTS}?dryRun=true`, {
          headers: { ...auth, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
          body,
        });
        expect(first.status).toBe(413);
        expect(first.headers.connection).toBe('close');
        expect(
          (
            await client.request('POST', `${IMPORTS}?dryRun=true`, {
              headers: { ...auth, 'content-type': 'text/csv' },
              body: valid,
            })
          ).status,
        ).toBe(200);
      } finally {
        client.close();
      }
    },
  );

  it('JSON body over Fastify’s limit: 413, the connection closed deliberately, the next request answered', async () => {
    const client = keepAliveClient(base);
    try {
      const huge = JSON.stringify({ email: ADMIN.email, password: 'x'.repeat(1_200_000) });
      const first = await client.request('POST', '/api/auth/login', {
        headers: { 'content-type': 'application/json' },
        body: huge,
      });
      expect(first.status).toBe(413);
      expect(first.headers.connection).toBe('close');
      expect((await client.request('GET', '/health')).status).toBe(200);
    } finally {
      client.close();
    }
  });

  it('organiser import page: a refused upload, then previews, on one connection', async () => {
    const client = keepAliveClient(base);
    const jar = new Map<string, string>();
    let csrf = '';
    const page = async (
      method: string,
      path: string,
      options: { headers?: Record<string, string>; body?: Buffer | string } = {},
    ) => {
      const res = await client.request(method, path, {
        ...options,
        headers: { accept: 'text/html', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...options.headers },
      });
      for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        jar.set(k!, v!);
      }
      csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? csrf;
      return res;
    };
    try {
      await page('GET', '/organisateur/connexion?lang=fr');
      const login = await page('POST', '/organisateur/connexion', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...ADMIN, suite: '/organisateur', _csrf: csrf }).toString(),
      });
      expect(login.status).toBe(303);
      const url = '/organisateur/evenements/webinaire-1/import';
      await page('GET', url);
      const bad = await multipart(
        { _csrf: csrf, etape: 'apercu' },
        { field: 'fichier', name: 'x.csv', bytes: refused },
      );
      expect((await page('POST', url, { headers: { 'content-type': bad.type }, body: bad.body })).status).toBe(422);
      for (let i = 0; i < 2; i++) {
        const good = await multipart(
          { _csrf: csrf, etape: 'apercu' },
          { field: 'fichier', name: 'zoom.csv', bytes: valid },
        );
        const res = await page('POST', url, { headers: { 'content-type': good.type }, body: good.body });
        expect(res.status).toBe(200);
      }
      // A form refused before its file is read (wrong token): answered, and the connection still serves.
      const forged = await multipart(
        { _csrf: 'faux', etape: 'apercu' },
        { field: 'fichier', name: 'x.csv', bytes: refused },
      );
      expect((await page('POST', url, { headers: { 'content-type': forged.type }, body: forged.body })).status).toBe(
        403,
      );
      expect((await page('GET', url)).status).toBe(200);
    } finally {
      client.close();
    }
  });
});
