import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { awards } from '../../src/badges/awards.tables';
import { quizAttempts } from '../../src/quizzes/quizzes.tables';
import { findCredentialOfAward } from '../../src/credentials/credentials.store';
import { answer, attend, awardKeys, learnerAuth, WEBINARS } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

describe('POST /api/learners/:id/merge with attempts and awards', () => {
  it('[200] moves every attempt, keeps the earliest award per badge, and awards what the union now meets', async () => {
    // The duplicate (a second address) earned data-juridique first and attended atelier-management.
    const dup = await attend(ctx, 'h.lefevre@perso.example', [...WEBINARS, 'atelier-juridique', 'atelier-management']);
    expect((await answer(ctx, learnerAuth(ctx, dup), 'quiz-juridique')).statusCode).toBe(201);
    // The main record earned data-juridique later and answered quiz-management, without its workshop.
    const main = await attend(ctx, 'helene.lefevre@valbrune.example', [...WEBINARS, 'atelier-juridique']);
    const mainAuth = learnerAuth(ctx, main);
    expect((await answer(ctx, mainAuth, 'quiz-juridique')).statusCode).toBe(201);
    expect((await answer(ctx, mainAuth, 'quiz-management')).statusCode).toBe(201);
    const [earliest] = await ctx.database.db.select().from(awards).where(eq(awards.learnerId, dup));
    expect(await awardKeys(ctx, main)).toEqual(['data-juridique']);
    // The main record's own data-juridique credential was already e-mailed: the merge drops that award.
    const [mainAward] = await ctx.database.db.select().from(awards).where(eq(awards.learnerId, main));
    const dropped = await findCredentialOfAward(ctx.database.db, mainAward!.id);

    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/learners/${dup}/merge`,
      headers: await ctx.adminAuth(),
      payload: { into: main },
    });
    expect(res.statusCode, res.body).toBe(200);

    const attempts = await ctx.database.db.select().from(quizAttempts).where(eq(quizAttempts.learnerId, main));
    expect(attempts.map((a) => a.quizKey).sort()).toEqual(['quiz-juridique', 'quiz-juridique', 'quiz-management']);
    const kept = await ctx.database.db.select().from(awards).where(eq(awards.learnerId, main));
    expect(kept.map((a) => a.badgeKey).sort()).toEqual(['data-juridique', 'data-management']);
    expect(kept.find((a) => a.badgeKey === 'data-juridique')!.id).toBe(earliest!.id);
    expect(await ctx.database.db.select().from(awards).where(eq(awards.learnerId, dup))).toEqual([]);
    const management = kept.find((a) => a.badgeKey === 'data-management')!;
    expect(management.evidence.events.map((e) => e.key)).toContain('atelier-management');

    // Its credential is not left valid: the status list now says revoked.
    const verdict = await ctx.app.inject({
      method: 'POST',
      url: '/api/verify',
      payload: dropped!.json,
      headers: { 'content-type': 'application/json' },
    });
    expect(verdict.json().valid).toBe(false);
    expect(verdict.json().checks.find((c: { check: string }) => c.check === 'status')).toMatchObject({ ok: false });
  });
});
