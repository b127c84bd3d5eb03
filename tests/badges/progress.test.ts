import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { answer, attend, learnerAuth } from './helpers';

let ctx: TestContext;
let alice: string;
let bob: string;
beforeAll(async () => {
  ctx = await buildTestApp();
  alice = await attend(ctx, 'alice@commune.example', ['webinaire-1', 'webinaire-2', 'atelier-admin']);
  bob = await attend(ctx, 'bob@commune.example', ['webinaire-1']);
  await answer(ctx, learnerAuth(ctx, alice), 'quiz-admin');
});
afterAll(async () => ctx?.close());

describe('progress', () => {
  it('[200] an organiser reads a learner’s progress, explained in English on request', async () => {
    const res = await ctx.app.inject({
      url: `/api/learners/${bob}/progress`,
      headers: { ...(await ctx.adminAuth()), 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const badges = res.json().badges;
    // Parts before the meta-badge, which comes last.
    expect(badges.map((b: { key: string }) => b.key)).toEqual([
      'data-admin',
      'data-juridique',
      'data-management',
      'parcours-data',
    ]);
    expect(badges[1]).toMatchObject({ name: 'data legal', status: 'in_progress', percent: 25 });
    expect(badges[1].conditions.map((c: { detail: string }) => c.detail)).toEqual([
      'Webinar #1 attended on 12 Mar 2026 (95 min)',
      'Webinar #2 not attended',
      'Workshop 1 not attended',
      expect.stringMatching(/^Questionnaire “.+” not answered$/),
    ]);
    expect(badges[3]).toMatchObject({ status: 'in_progress', percent: 25 });
  });

  it('[200] a learner reads their own progress, with the award that made a badge earned', async () => {
    const res = await ctx.app.inject({ url: `/api/learners/${alice}/progress`, headers: learnerAuth(ctx, alice) });
    expect(res.statusCode).toBe(200);
    const admin = res.json().badges.find((b: { key: string }) => b.key === 'data-admin');
    expect(admin).toMatchObject({
      status: 'earned',
      percent: 100,
      method: 'rule',
      awardId: expect.any(String),
      awardedAt: expect.any(String),
    });
  });

  it('[403] a learner reading another learner’s progress gets a clear refusal', async () => {
    const res = await ctx.app.inject({ url: `/api/learners/${alice}/progress`, headers: learnerAuth(ctx, bob) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'PROGRESS_FORBIDDEN',
      message: 'Vous ne pouvez consulter que votre propre progression.',
    });
  });

  it('[404] an unknown learner, [401] without a token', async () => {
    const unknown = await ctx.app.inject({
      url: '/api/learners/00000000-0000-4000-8000-000000000000/progress',
      headers: await ctx.adminAuth(),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('LEARNER_NOT_FOUND');
    expect((await ctx.app.inject({ url: '/api/me/progress' })).statusCode).toBe(401);
  });

  it('[403] an organiser token has no /me/progress', async () => {
    const res = await ctx.app.inject({ url: '/api/me/progress', headers: await ctx.adminAuth() });
    expect(res.statusCode).toBe(403);
  });
});
