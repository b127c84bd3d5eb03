import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { awards } from '../../src/badges/awards.tables';
import { quizAttempts } from '../../src/quizzes/quizzes.tables';
import { answer, attend, EVENTS, learnerAuth } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

/** Awards per badge for one learner, straight from the database. */
async function awardCounts(learnerId: string) {
  const rows = await ctx.database.db
    .select({ badge: awards.badgeKey, n: count() })
    .from(awards)
    .where(eq(awards.learnerId, learnerId))
    .groupBy(awards.badgeKey);
  return Object.fromEntries(rows.map((r) => [r.badge, r.n]));
}

const ALL = { 'data-admin': 1, 'data-juridique': 1, 'data-management': 1, 'parcours-data': 1 };

describe(`concurrency (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('[201] 20 simultaneous identical answers leave exactly one award per badge', async () => {
    const id = await attend(ctx, 'pressee@commune.example', EVENTS);
    const auth = learnerAuth(ctx, id);
    for (const quiz of ['quiz-juridique', 'quiz-management'])
      expect((await answer(ctx, auth, quiz)).statusCode).toBe(201);
    const results = await Promise.all(Array.from({ length: 20 }, () => answer(ctx, auth, 'quiz-admin')));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(await awardCounts(id)).toEqual(ALL);
    const [attempts] = await ctx.database.db
      .select({ n: count() })
      .from(quizAttempts)
      .where(eq(quizAttempts.learnerId, id));
    expect(attempts!.n).toBe(22);
  });

  it('[200] 20 simultaneous manual attendance calls leave exactly one award per badge', async () => {
    const email = 'double-clic@commune.example';
    const id = await attend(
      ctx,
      email,
      EVENTS.filter((e) => e !== 'webinaire-2'),
    );
    const auth = learnerAuth(ctx, id);
    for (const quiz of ['quiz-juridique', 'quiz-management', 'quiz-admin'])
      expect((await answer(ctx, auth, quiz)).statusCode).toBe(201);
    expect(await awardCounts(id)).toEqual({});
    const headers = await ctx.adminAuth();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx.app.inject({
          method: 'PUT',
          url: `/api/events/webinaire-2/attendance/${email}`,
          headers,
          payload: { status: 'replay', note: 'replay regardé' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(await awardCounts(id)).toEqual(ALL);
  });

  it('[201] 20 simultaneous manual awards of one badge: one 201, nineteen 409', async () => {
    const id = await attend(ctx, 'manuel@commune.example', ['webinaire-1']);
    const headers = await ctx.adminAuth();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx.app.inject({
          method: 'POST',
          url: `/api/learners/${id}/awards`,
          headers,
          payload: { badge: 'data-admin', reason: 'validé par le jury' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(await awardCounts(id)).toEqual({ 'data-admin': 1 });
  });
});
