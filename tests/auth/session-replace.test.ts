import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { outbox } from '../../src/notifications/outbox.tables';
import { InjectSession } from '../pages/inject-session';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

/** Asks for a link on the page and reads it from the outbox (not sent yet: the token is whole). */
async function linkFor(browser: InjectSession, email: string) {
  await browser.get('/connexion');
  expect((await browser.post('/connexion', { email })).statusCode).toBe(200);
  const [row] = await ctx.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return /token=([\w-]+)/.exec(row!.text)![1]!;
}

async function signInByLink(browser: InjectSession, token: string) {
  await browser.get(`/connexion/lien?token=${token}`);
  const res = await browser.post('/connexion/lien', { token });
  expect(res.statusCode).toBe(303);
  return browser.cookies.get('parcours_session')!;
}

const progress = (token: string) =>
  ctx.app.inject({ url: '/api/me/progress', headers: { authorization: `Bearer ${token}` } });

describe('a new sign-in by link ends the session it replaces', () => {
  it('[401] the old session token is revoked once the new one is set', async () => {
    const browser = new InjectSession(ctx.app);
    const first = await signInByLink(browser, await linkFor(browser, 'premiere@example.org'));
    expect((await progress(first)).statusCode).toBe(200);
    const second = await signInByLink(browser, await linkFor(browser, 'seconde@example.org'));
    expect(second).not.toBe(first);
    expect((await progress(second)).statusCode).toBe(200);
    const old = await progress(first);
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('AUTH_REQUIRED');
  });

  it('[400] a failed link leaves the current session alone', async () => {
    const browser = new InjectSession(ctx.app);
    const session = await signInByLink(browser, await linkFor(browser, 'reste@example.org'));
    await browser.get(`/connexion/lien?token=${'x'.repeat(43)}`);
    expect((await browser.post('/connexion/lien', { token: 'x'.repeat(43) })).statusCode).toBe(400);
    expect((await progress(session)).statusCode).toBe(200);
  });
});
