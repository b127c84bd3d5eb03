import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { awards } from '../../src/badges/awards.tables';
import { answer, attend, awardKeys, EVENTS, learnerAuth, progressOf, WEBINARS } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

const TOPICS = ['data-admin', 'data-juridique', 'data-management'];

describe('the four default badges, end to end', () => {
  const withEvidence =
    'both webinars + atelier-juridique + its questionnaire give exactly data-juridique, with its evidence';
  it(`[201] ${withEvidence}`, async () => {
    const id = await attend(ctx, 'helene@valbrune.example', [...WEBINARS, 'atelier-juridique']);
    const auth = learnerAuth(ctx, id);
    expect(await awardKeys(ctx, id)).toEqual([]);
    const res = await answer(ctx, auth, 'quiz-juridique');
    expect(res.statusCode, res.body).toBe(201);
    expect(await awardKeys(ctx, id)).toEqual(['data-juridique']);

    const [award] = await ctx.database.db.select().from(awards).where(eq(awards.learnerId, id));
    expect(award).toMatchObject({ method: 'rule', reason: null, revokedAt: null });
    expect(award!.evidence.events.map((e) => [e.key, e.status, e.minutes])).toEqual([
      ['webinaire-1', 'present', 95],
      ['webinaire-2', 'present', 95],
      ['atelier-juridique', 'present', 95],
    ]);
    expect(award!.evidence.events[0]!.title.fr).toMatch(/^Webinaire #1/);
    expect(award!.evidence.attempts).toEqual([
      expect.objectContaining({
        id: res.json().attemptId,
        quiz: 'quiz-juridique',
        percent: 100,
        score: 9,
        maxScore: 9,
      }),
    ]);

    const progress = await progressOf(ctx, auth);
    expect(progress.get('data-juridique')).toMatchObject({ status: 'earned', percent: 100, name: 'data juridique' });
    expect(progress.get('data-management')).toMatchObject({ status: 'in_progress', percent: 50 });
    expect(progress.get('parcours-data')!.status).toBe('in_progress');
  });

  it('[201] all three workshops and questionnaires give the three badges and the meta-badge', async () => {
    const id = await attend(ctx, 'marc@cc-lacs.example', EVENTS);
    const auth = learnerAuth(ctx, id);
    for (const quiz of ['quiz-juridique', 'quiz-management'])
      expect((await answer(ctx, auth, quiz)).statusCode).toBe(201);
    expect(await awardKeys(ctx, id)).toEqual(['data-juridique', 'data-management']);
    expect((await answer(ctx, auth, 'quiz-admin')).statusCode).toBe(201);
    expect(await awardKeys(ctx, id)).toEqual([...TOPICS, 'parcours-data']);

    const [meta] = await ctx.database.db.select().from(awards).where(eq(awards.badgeKey, 'parcours-data'));
    expect(meta!.evidence.badges.sort()).toEqual(TOPICS);
    expect(meta!.evidence.events.map((e) => e.key).sort()).toEqual([...EVENTS].sort());
    expect(meta!.evidence.attempts).toHaveLength(3);
    const progress = await progressOf(ctx, auth, 'en');
    expect([...progress.values()].map((b) => b.status)).toEqual(['earned', 'earned', 'earned', 'earned']);
    expect(progress.get('parcours-data')!.conditions[0]!.detail).toBe('Badge “data legal” earned');
  });

  it('[200] one webinar missing gives nothing, and progress names the missing webinar', async () => {
    const id = await attend(ctx, 'zoe@dept.example', ['webinaire-1', 'atelier-juridique']);
    const auth = learnerAuth(ctx, id);
    expect((await answer(ctx, auth, 'quiz-juridique')).statusCode).toBe(201);
    expect(await awardKeys(ctx, id)).toEqual([]);
    const badge = (await progressOf(ctx, auth)).get('data-juridique')!;
    expect(badge).toMatchObject({ status: 'in_progress', percent: 75 });
    expect(badge.conditions.filter((c) => !c.met)).toEqual([
      { kind: 'attended', ref: 'webinaire-2', met: false, code: 'RULE_NOT_ATTENDED', detail: 'Webinaire #2 non suivi' },
    ]);
    expect(badge.conditions.find((c) => c.ref === 'quiz-juridique')!.detail).toMatch(
      /^Questionnaire « .+ » répondu le \d\d\/\d\d\/\d{4} \(score : 100 %\)$/,
    );
  });

  it('[200] a replay recorded by hand counts, says so, and completes the badge', async () => {
    const id = await attend(ctx, 'zoe@dept.example', ['webinaire-2'], 'replay');
    expect(await awardKeys(ctx, id)).toEqual(['data-juridique']);
    const [award] = await ctx.database.db.select().from(awards).where(eq(awards.learnerId, id));
    expect(award!.evidence.events.find((e) => e.key === 'webinaire-2')).toMatchObject({
      status: 'replay',
      source: 'manual',
    });
    const condition = (await progressOf(ctx, learnerAuth(ctx, id)))
      .get('data-juridique')!
      .conditions.find((c) => c.ref === 'webinaire-2');
    expect(condition!.detail).toMatch(/^Webinaire #2 suivi en différé \(replay\) le /);
  });

  it('[200] an award is never taken back when attendance later drops', async () => {
    const id = await attend(ctx, 'helene@valbrune.example', ['webinaire-1'], 'absent', 10);
    const badge = (await progressOf(ctx, learnerAuth(ctx, id))).get('data-juridique')!;
    expect(badge.status).toBe('earned');
    expect(badge.conditions.find((c) => c.ref === 'webinaire-1')).toMatchObject({
      met: false,
      detail: expect.stringMatching(/présence insuffisante/),
    });
    expect(await awardKeys(ctx, id)).toEqual(['data-juridique']);
  });
});

describe('POST /api/learners/:id/awards', () => {
  let id: string;
  beforeAll(async () => {
    id = await attend(ctx, 'awarded@mairie.example', [...WEBINARS, 'atelier-juridique', 'atelier-management']);
    const auth = learnerAuth(ctx, id);
    for (const quiz of ['quiz-juridique', 'quiz-management']) await answer(ctx, auth, quiz);
  });

  it('[201] awards by hand with a reason, audited, and the meta-badge follows', async () => {
    const headers = await ctx.adminAuth();
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/learners/${id}/awards`,
      headers,
      payload: { badge: 'data-admin', reason: 'Atelier 3 suivi en session de rattrapage' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().award).toMatchObject({
      badgeKey: 'data-admin',
      method: 'manual',
      reason: 'Atelier 3 suivi en session de rattrapage',
      awardedBy: 'admin@parcours.test',
    });
    expect(res.json().award.evidence.events.map((e: { key: string }) => e.key)).toEqual(WEBINARS);
    expect(res.json().followers.map((a: { badgeKey: string }) => a.badgeKey)).toEqual(['parcours-data']);
    expect(await awardKeys(ctx, id)).toEqual([...TOPICS, 'parcours-data']);
    const audit = (await ctx.app.inject({ url: '/api/audit', headers })).json().entries;
    expect(audit.find((e: { action: string }) => e.action === 'award.manual')).toMatchObject({
      targetId: id,
      actorEmail: 'admin@parcours.test',
      details: expect.objectContaining({ badge: 'data-admin' }),
    });
    expect(
      audit.filter((e: { action: string; targetId: string }) => e.action === 'award.rule' && e.targetId === id),
    ).toHaveLength(3);
  });

  it.each([
    ['data-admin', 409, 'BADGE_ALREADY_AWARDED'],
    ['badge-inconnu', 404, 'BADGE_NOT_FOUND'],
  ])('[%s] refuses %s with %s', async (badge, status, code) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/learners/${id}/awards`,
      headers: await ctx.adminAuth(),
      payload: { badge, reason: 'encore' },
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('[403] a learner cannot award a badge', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/learners/${id}/awards`,
      headers: learnerAuth(ctx, id),
      payload: { badge: 'data-admin', reason: 'moi-même' },
    });
    expect(res.statusCode).toBe(403);
  });
});
