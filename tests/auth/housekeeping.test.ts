import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { purgeExpired } from '../../src/auth/purge.service';
import { MAGIC_LINK_MAX_PER_IP } from '../../src/auth/auth.service';
import { magicLinks, rateLimits, revokedTokens } from '../../src/auth/auth.tables';
import { outbox, outboxAttempts } from '../../src/notifications/outbox.tables';
import { InjectSession } from '../pages/inject-session';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

const DAY = 86_400_000;
const ago = (ms: number, now: Date) => new Date(now.getTime() - ms);

describe('magic links: a limit per client, whatever the addresses', () => {
  it(`[202×${MAGIC_LINK_MAX_PER_IP} then 429] one client cannot have any number of addresses e-mailed`, async () => {
    const ip = '10.60.0.1';
    const ask = (i: number) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/magic-link',
        payload: { email: `personne${i}@example.org` },
        remoteAddress: ip,
      });
    for (let i = 0; i < MAGIC_LINK_MAX_PER_IP; i++) expect((await ask(i)).statusCode).toBe(202);
    const refused = await ask(MAGIC_LINK_MAX_PER_IP);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('AUTH_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const queued = await ctx.database.db
      .select({ to: outbox.to })
      .from(outbox)
      .where(eq(outbox.to, `personne${MAGIC_LINK_MAX_PER_IP}@example.org`));
    expect(queued).toHaveLength(0);
    // Another client is not affected.
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/magic-link',
          payload: { email: 'autre@example.org' },
          remoteAddress: '10.60.0.2',
        })
      ).statusCode,
    ).toBe(202);
  });

  it('[429] the learner sign-in page shares the limit and says so', async () => {
    // The page and the API count together for one client (127.0.0.1 here).
    for (let i = 0; i < MAGIC_LINK_MAX_PER_IP; i++) {
      expect(
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/auth/magic-link',
            payload: { email: `page${i}@example.org` },
          })
        ).statusCode,
      ).toBe(202);
    }
    const browser = new InjectSession(ctx.app);
    await browser.get('/connexion');
    const res = await browser.post('/connexion', { email: 'page-de-trop@example.org' });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Trop de tentatives');
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('purgeExpired: what is deleted, what is kept', () => {
  it('deletes expired links, stale counters, revoked ids past expiry and old sent mails; keeps the rest', async () => {
    const db = ctx.database.db;
    const now = new Date(Date.now() + 365 * DAY); // far from anything the other tests wrote
    await db.insert(magicLinks).values([
      { tokenHash: 'purge-old', email: 'a@x.fr', expiresAt: ago(DAY + 60_000, now) },
      { tokenHash: 'purge-recent', email: 'a@x.fr', expiresAt: ago(DAY - 60_000, now) },
    ]);
    await db.insert(rateLimits).values([
      { key: 'purge:old', windowStart: ago(DAY + 60_000, now), count: 3 },
      { key: 'purge:current', windowStart: ago(60_000, now), count: 3 },
    ]);
    const [oldJti, liveJti] = ['00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-00000000a002'];
    await db.insert(revokedTokens).values([
      { jti: oldJti, expiresAt: ago(1000, now) },
      { jti: liveJti, expiresAt: new Date(now.getTime() + DAY) },
    ]);
    const mail = (to: string, status: 'sent' | 'failed' | 'pending', sentAt: Date | null) => ({
      to,
      subject: 's',
      text: 't',
      template: 'test',
      status,
      sentAt,
      createdAt: sentAt ?? ago(90 * DAY, now),
    });
    const rows = await db
      .insert(outbox)
      .values([
        mail('vieux@x.fr', 'sent', ago(31 * DAY, now)),
        mail('recent@x.fr', 'sent', ago(29 * DAY, now)),
        mail('echec@x.fr', 'failed', null),
        mail('attente@x.fr', 'pending', null),
      ])
      .returning({ id: outbox.id, to: outbox.to });
    await db
      .insert(outboxAttempts)
      .values(rows.map((r) => ({ messageId: r.id, ok: true, transport: 'smtp', at: ago(31 * DAY, now) })));

    const report = await purgeExpired(db, now);
    expect(report.skipped).toBe(false);
    expect(report.outbox).toBeGreaterThanOrEqual(1);

    expect(
      (
        await db
          .select()
          .from(magicLinks)
          .where(inArray(magicLinks.tokenHash, ['purge-old', 'purge-recent']))
      ).map((r) => r.tokenHash),
    ).toEqual(['purge-recent']);
    expect(
      (
        await db
          .select()
          .from(rateLimits)
          .where(inArray(rateLimits.key, ['purge:old', 'purge:current']))
      ).map((r) => r.key),
    ).toEqual(['purge:current']);
    expect(
      (
        await db
          .select()
          .from(revokedTokens)
          .where(inArray(revokedTokens.jti, [oldJti, liveJti]))
      ).map((r) => r.jti),
    ).toEqual([liveJti]);
    const left = await db
      .select({ to: outbox.to })
      .from(outbox)
      .where(
        inArray(
          outbox.id,
          rows.map((r) => r.id),
        ),
      );
    expect(left.map((r) => r.to).sort()).toEqual(['attente@x.fr', 'echec@x.fr', 'recent@x.fr']);
    const attempts = await db
      .select()
      .from(outboxAttempts)
      .where(
        inArray(
          outboxAttempts.messageId,
          rows.map((r) => r.id),
        ),
      );
    expect(attempts).toHaveLength(3);

    // Twice, or on two instances at once: nothing more to do, nothing fails.
    const again = await Promise.all([purgeExpired(db, now), purgeExpired(db, now)]);
    for (const r of again) expect(r.magicLinks + r.rateLimits + r.revokedTokens + r.outbox).toBe(0);
  });

  it('deletes in batches until nothing expired is left', async () => {
    const db = ctx.database.db;
    const now = new Date(Date.now() + 400 * DAY);
    await db.insert(rateLimits).values(
      Array.from({ length: 2_500 }, (_, i) => ({
        key: `purge:batch:${i}`,
        windowStart: ago(2 * DAY, now),
        count: 1,
      })),
    );
    expect((await purgeExpired(db, now)).rateLimits).toBeGreaterThanOrEqual(2_500);
  });
});
