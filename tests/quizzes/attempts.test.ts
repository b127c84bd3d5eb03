import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { answer, attend, learnerAuth, perfectAnswers, progressOf } from '../badges/helpers';

let ctx: TestContext;
let learnerId: string;
let auth: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  learnerId = await attend(ctx, 'agent@mairie-valbrune.example', ['webinaire-1']);
  auth = learnerAuth(ctx, learnerId, 'agent@mairie-valbrune.example');
});
afterAll(async () => ctx?.close());

describe('GET /api/quizzes/:key', () => {
  it('[200] gives a learner the questions without the answers, in their language', async () => {
    const res = await ctx.app.inject({
      url: '/api/quizzes/quiz-juridique',
      headers: { ...auth, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const quiz = res.json();
    expect(quiz).toMatchObject({
      key: 'quiz-juridique',
      event: 'atelier-juridique',
      open: true,
      opensAt: '2026-04-09T07:30:00.000Z',
    });
    expect(quiz.title).toBe('Workshop 1 — Data, risks and legal points of attention');
    expect(quiz.questions).toHaveLength(11);
    expect(quiz.questions[0]).toMatchObject({ id: 'q1', type: 'multiple', required: true, points: 1 });
    expect(res.body).not.toMatch(/"correct"|"explanation"|minimisation principle/);
  });

  it('[404] names an unknown questionnaire', async () => {
    const res = await ctx.app.inject({ url: '/api/quizzes/quiz-inconnu', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'QUIZ_NOT_FOUND', message: 'Questionnaire inconnu : « quiz-inconnu ».' });
  });

  it('[401] requires signing in', async () => {
    expect((await ctx.app.inject({ url: '/api/quizzes/quiz-juridique' })).statusCode).toBe(401);
  });
});

describe('POST /api/quizzes/:key/attempts', () => {
  it('[201] scores on the server and returns the corrections in the request language', async () => {
    const answers = { ...perfectAnswers(ctx, 'quiz-juridique'), q2: ['a'], q6: ['a', 'b'] };
    const res = await answer(ctx, auth, 'quiz-juridique', answers, 'en');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ score: 7, maxScore: 9, percent: 77.8, complete: true, passed: null });
    expect(body.corrections).toHaveLength(9);
    expect(body.corrections[1]).toMatchObject({
      questionId: 'q2',
      correct: false,
      expected: ['b'],
      points: 1,
      awarded: 0,
    });
    expect(body.corrections[1].explanation).toMatch(/^Since the Digital Republic Act/);
  });

  it('[422] names the question and the unknown choice', async () => {
    const res = await answer(ctx, auth, 'quiz-juridique', { ...perfectAnswers(ctx, 'quiz-juridique'), q3: ['z'] });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('QUIZ_ANSWERS_INVALID');
    expect(body.message).toBe("Réponses invalides (1 erreur(s)) : Question q3 : le choix « z » n'existe pas");
    expect(body.details).toEqual([
      expect.objectContaining({ field: 'answers.q3', questionId: 'q3', choiceId: 'z', code: 'QUIZ_UNKNOWN_CHOICE' }),
    ]);
  });

  it('[422] lists every missing required answer and unknown question', async () => {
    const { q1: _q1, q10: _q10, ...rest } = perfectAnswers(ctx, 'quiz-juridique');
    const res = await answer(ctx, auth, 'quiz-juridique', { ...rest, q99: 'x', q5: ['a', 'b'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { questionId: string; code: string }) => `${d.questionId}:${d.code}`)).toEqual([
      'q1:QUIZ_ANSWER_REQUIRED',
      'q5:QUIZ_TOO_MANY_CHOICES',
      'q10:QUIZ_ANSWER_REQUIRED',
      'q99:QUIZ_UNKNOWN_QUESTION',
    ]);
  });

  it('[400] refuses a body without answers', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/quizzes/quiz-juridique/attempts',
      headers: auth,
      payload: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('answers');
  });

  it('[201] allows several attempts and the best one counts', async () => {
    const wrong = {
      ...perfectAnswers(ctx, 'quiz-management'),
      ...Object.fromEntries(['q1', 'q2', 'q3'].map((q) => [q, ['a']])),
    };
    const first = await answer(ctx, auth, 'quiz-management', wrong);
    const second = await answer(ctx, auth, 'quiz-management');
    const third = await answer(ctx, auth, 'quiz-management', wrong);
    expect([first, second, third].map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(second.json().percent).toBe(100);
    const list = await ctx.app.inject({ url: '/api/quizzes', headers: auth });
    const management = list.json().quizzes.find((q: { key: string }) => q.key === 'quiz-management');
    expect(management).toMatchObject({
      open: true,
      best: { attemptId: second.json().attemptId, percent: 100, complete: true },
    });
    const condition = (await progressOf(ctx, auth))
      .get('data-management')!
      .conditions.find((c) => c.ref === 'quiz-management');
    expect(condition!.detail).toMatch(/\(score : 100 %\)$/);
  });

  it('[403] organisers do not answer, learners do not read every attempt', async () => {
    const admin = await ctx.adminAuth();
    expect((await answer(ctx, admin, 'quiz-juridique')).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/quizzes/quiz-juridique/attempts', headers: auth })).statusCode).toBe(403);
  });

  it('[200] organisers see every attempt with who made it', async () => {
    const res = await ctx.app.inject({
      url: '/api/quizzes/quiz-management/attempts?limit=2',
      headers: await ctx.adminAuth(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(res.json().attempts).toHaveLength(2);
    expect(res.json().attempts[0]).toMatchObject({
      learnerId,
      email: 'agent@mairie-valbrune.example',
      complete: true,
      answers: expect.objectContaining({ q1: ['a'] }),
    });
  });
});

describe('a questionnaire opens at its workshop start', () => {
  beforeAll(async () => {
    // The workshop moved to a date still to come: its questionnaire is closed again.
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/events/atelier-admin',
      headers: await ctx.adminAuth(),
      payload: {
        title: 'Atelier 3',
        kind: 'workshop',
        startsAt: '2099-05-07T09:30:00+02:00',
        endsAt: '2099-05-07T12:30:00+02:00',
      },
    });
    expect(res.statusCode).toBe(200);
  });

  it('[409] refuses answers before the workshop, saying when it opens', async () => {
    const res = await answer(ctx, auth, 'quiz-admin');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'QUIZ_CLOSED', details: [{ opensAt: '2099-05-07T07:30:00.000Z' }] });
    expect(res.json().message).toBe(
      'Le questionnaire « Atelier 3 — Les questions techniques autour des données » n’est pas encore ouvert : ' +
        'il ouvre au début de l’atelier, le 07/05/2099 09:30.',
    );
    const quiz = (await ctx.app.inject({ url: '/api/quizzes/quiz-admin', headers: auth })).json();
    expect(quiz).toMatchObject({ open: false, opensAt: '2099-05-07T07:30:00.000Z', questions: [] });
  });

  it('[200] an organiser opens it early, audited; then answers are accepted', async () => {
    const headers = await ctx.adminAuth();
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/quizzes/quiz-admin/open', headers: auth })).statusCode,
    ).toBe(403);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/quizzes/quiz-admin/open', headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ key: 'quiz-admin', open: true });
    expect(new Date(res.json().opensAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect((await answer(ctx, auth, 'quiz-admin')).statusCode).toBe(201);
    const audit = (await ctx.app.inject({ url: '/api/audit', headers })).json().entries;
    expect(audit.find((e: { action: string }) => e.action === 'quiz.open')).toMatchObject({
      targetId: 'quiz-admin',
      actorEmail: 'admin@parcours.test',
    });
  });
});
