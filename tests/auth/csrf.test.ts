import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { findOrganiserByEmail } from '../../src/auth/organisers.store';

let ctx: TestContext;
let session: string;
beforeAll(async () => {
  ctx = await buildTestApp();
  const admin = (await findOrganiserByEmail(ctx.database.db, 'admin@parcours.test'))!;
  // The pages' session cookie, as a browser holds it.
  session = ctx.app.signToken({ sub: admin.id, role: 'admin', email: admin.email });
});
afterAll(async () => ctx?.close());

const EVIL = { origin: 'http://evil.example', referer: 'http://evil.example/page.html' };
const csv = 'Adresse;Présent\r\nagent@mairie.example;Oui\r\n';
const boundary = '----evil';
const multipart =
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rapport.csv"\r\n` +
  `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
const mapping = encodeURIComponent(JSON.stringify({ email: 'Adresse', present: 'Présent' }));

/** The three requests another site can make a browser send with its cookies, without a preflight. */
const crossSite = [
  {
    name: 'open a questionnaire (text/plain)',
    method: 'POST' as const,
    url: '/api/quizzes/quiz-juridique/open',
    payload: 'x',
    type: 'text/plain',
    ok: 200,
  },
  {
    name: 'import a file (multipart)',
    method: 'POST' as const,
    url: `/api/events/atelier-juridique/imports?dryRun=true&mapping=${mapping}`,
    payload: multipart,
    type: `multipart/form-data; boundary=${boundary}`,
    ok: 200,
  },
  { name: 'sign out', method: 'POST' as const, url: '/api/auth/logout', payload: undefined, type: undefined, ok: 204 },
];

describe('CSRF: the session cookie does not authorise API requests that change data', () => {
  for (const r of crossSite) {
    it(`[403] ${r.name}, from another origin with the session cookie`, async () => {
      for (const lang of ['fr', 'en']) {
        const res = await ctx.app.inject({
          method: r.method,
          url: r.url,
          payload: r.payload,
          headers: { ...EVIL, 'accept-language': lang, ...(r.type ? { 'content-type': r.type } : {}) },
          cookies: { parcours_session: session },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('AUTH_BEARER_REQUIRED');
        expect(res.json().message).toMatch(
          lang === 'fr' ? /Authorization: Bearer/ : /need an "Authorization: Bearer" header/,
        );
      }
    });
  }

  it('[403] the same origin is no exception, and the session survives the refused sign-out', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'http://parcours.test' },
      cookies: { parcours_session: session },
    });
    expect(res.statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/organisateur', cookies: { parcours_session: session } })).statusCode).toBe(
      200,
    );
  });

  for (const r of crossSite) {
    it(`[${r.ok}] ${r.name}, with a bearer token (from any origin)`, async () => {
      const token = ctx.app.signToken({
        sub: (await findOrganiserByEmail(ctx.database.db, 'admin@parcours.test'))!.id,
        role: 'admin',
        email: 'admin@parcours.test',
      });
      const res = await ctx.app.inject({
        method: r.method,
        url: r.url,
        payload: r.payload,
        headers: { ...EVIL, authorization: `Bearer ${token}`, ...(r.type ? { 'content-type': r.type } : {}) },
        cookies: { parcours_session: session },
      });
      expect(res.statusCode, res.body).toBe(r.ok);
    });
  }

  it('[200] safe requests still read the cookie: the pages’ CSV download', async () => {
    const res = await ctx.app.inject({ url: '/api/reports/progress.csv', cookies: { parcours_session: session } });
    expect(res.statusCode).toBe(200);
  });
});
