import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN, type MailTestContext } from '../helpers/app';
import { deliverDue } from '../../src/notifications/deliver';
import { InjectSession } from './inject-session';

export const cookieOf = (res: { cookies: unknown[] }, name: string) =>
  (res.cookies as Array<Record<string, unknown>>).find((c) => c.name === name);

export async function signInOrganiser(s: InjectSession, email = ADMIN.email, password = ADMIN.password) {
  await s.get('/organisateur/connexion');
  return s.post('/organisateur/connexion', { email, password, suite: '/organisateur' });
}

/** Asks for a learner's sign-in link, delivers the outbox and returns the token of the e-mailed link. */
export async function mailedToken(ctx: MailTestContext, email: string) {
  const s = new InjectSession(ctx.app);
  await s.get('/connexion');
  const res = await s.post('/connexion', { email });
  expect(res.statusCode).toBe(200);
  await deliverDue(ctx.database.db, ctx.mailer);
  const mail = await ctx.smtp.waitFor((m) => JSON.stringify(m.to).includes(email));
  return /token=([\w-]+)/.exec(mail.text ?? '')![1]!;
}

/** What every page answers with: a strict CSP and the other security headers, over http. */
export function expectStrictPageHeaders(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['strict-transport-security']).toBeUndefined();
}

/** The organiser pages a learner's session never opens. */
export const ORGANISER_PAGES = [
  '/organisateur',
  '/organisateur/evenements',
  '/organisateur/courriels',
  '/organisateur/journal',
];

/** Destinations after sign-in that would send a learner outside their pages. */
export const ELSEWHERE = [
  '//evil.example/x',
  'https://evil.example/',
  '/organisateur',
  '/\\evil.example',
  '/mon-parcours\\..',
  '/mes-badges/../organisateur',
  '/mes-badges/%2e%2e/organisateur',
];

/** The event form of webinaire-1 with an end before its start and the given presence percentage. */
export const webinarForm = (presencePercent: string) => ({
  title: 'Webinaire #1',
  kind: 'webinar',
  startsAt: '2026-03-12T10:00',
  endsAt: '2026-03-12T09:00',
  timezone: 'Europe/Paris',
  presencePercent,
});

/** The JSON API and the Swagger UI answer 200 with their own content type and without the pages' CSP. */
export function expectOwnHeaders(res: LightMyRequestResponse, contentType: RegExp | string) {
  expect(res.statusCode).toBe(200);
  if (typeof contentType === 'string') expect(res.headers['content-type']).toBe(contentType);
  else expect(res.headers['content-type']).toMatch(contentType);
  expect(res.headers['content-security-policy']).toBeUndefined();
}

/** The unchanged JSON envelope of a 404 on /nulle-part. */
export const NOT_FOUND_JSON = {
  code: 'NOT_FOUND',
  message: 'Introuvable : /nulle-part',
  requestId: expect.any(String),
};

/** A form refused for its CSRF token: a clear page, and no session. */
export function expectFormExpired(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(403);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.body).toContain('Formulaire expiré');
  expect(cookieOf(res, 'parcours_session')).toBeUndefined();
}

/** Delivers the outbox and returns the path of the sign-in link e-mailed to `email`. */
export async function mailedLink(ctx: MailTestContext, email: string) {
  await deliverDue(ctx.database.db, ctx.mailer);
  const mail = await ctx.smtp.waitFor((m) => JSON.stringify(m.to).includes(email));
  return /http:\/\/parcours\.test(\/connexion\/lien\?\S+)/.exec(mail.text ?? '')![1]!;
}

/** A learner's session is refused every organiser page. */
export async function expectOrganiserPagesDenied(s: InjectSession) {
  for (const url of ORGANISER_PAGES) {
    const denied = await s.get(url);
    expect(denied.statusCode, url).toBe(403);
    expect(denied.body).toContain('Accès réservé');
  }
}

/** A mail scanner prefetching the link twice: the confirmation page each time, nothing consumed. */
export async function prefetchTwice(s: InjectSession, token: string) {
  for (let i = 0; i < 2; i++) {
    const res = await s.get(`/connexion/lien?token=${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Me connecter');
  }
}

/** The content-hashed stylesheet and script a page links to. */
export const hashedAssets = (body: string) => [
  /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(body)?.[1],
  /src="(\/assets\/app\.[0-9a-f]{10}\.js)"/.exec(body)?.[1],
];
