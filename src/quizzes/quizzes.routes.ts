import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../shared/schemas';
import { bestAttempts, listQuizAttempts } from './attempts.store';
import { findQuiz, openQuiz, submitAttempt } from './attempts.service';
import { quizWindow, quizWindows } from './quiz-window';
import { publicQuiz } from './scoring';
import { toAttemptResult, toListedAttempt } from './quizzes.dto';
import {
  AttemptBodySchema,
  AttemptListSchema,
  AttemptResultSchema,
  PublicQuizSchema,
  QuizKey,
  QuizOpeningSchema,
  QuizSummarySchema,
} from './quizzes.schemas';

const params = Type.Object({ key: QuizKey });

/** Questionnaires: learners read and answer them, organisers open them early and read every attempt. */
export const quizzesRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  const { db, programme } = services;
  app.get('', {
    schema: {
      tags: ['quizzes'],
      summary: 'Questionnaires et leur ouverture / questionnaires and whether they are open',
      security: [{ bearer: [] }],
      response: { 200: Type.Object({ quizzes: Type.Array(QuizSummarySchema) }), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('learner', 'organiser'),
    handler: async (request) => {
      const windows = await quizWindows(db, programme.quizzes, new Date());
      const actor = request.actor!;
      const learner = actor.role === 'learner';
      const best = new Map(learner ? (await bestAttempts(db, [actor.id])).map((a) => [a.quizKey, a]) : []);
      return {
        quizzes: programme.quizzes.map((q) => {
          const b = best.get(q.key);
          const mine = b
            ? { attemptId: b.id, percent: b.percent, complete: b.complete, submittedAt: b.submittedAt.toISOString() }
            : null;
          return {
            key: q.key,
            event: q.event,
            title: q.title[request.lang],
            ...windows.get(q.key)!,
            ...(learner ? { best: mine } : {}),
          };
        }),
      };
    },
  });

  app.get('/:key', {
    schema: {
      tags: ['quizzes'],
      summary: 'Les questions, sans les réponses / the questions, without the answers',
      security: [{ bearer: [] }],
      params,
      response: { 200: PublicQuizSchema, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('learner', 'organiser'),
    handler: async (request) => {
      const quiz = findQuiz(programme, request.params.key);
      const { open, opensAt } = await quizWindow(db, quiz, new Date());
      const shown = publicQuiz(quiz, request.lang);
      // Learners see the questions once the workshop has started; organisers always.
      return { ...shown, open, opensAt, questions: open || request.actor!.role !== 'learner' ? shown.questions : [] };
    },
  });

  app.post('/:key/attempts', {
    schema: {
      tags: ['quizzes'],
      summary: 'Envoie ses réponses, corrigées sur le serveur / submits answers, scored on the server',
      security: [{ bearer: [] }],
      params,
      body: AttemptBodySchema,
      response: { 201: AttemptResultSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request, reply) => {
      const { attempt, result } = await submitAttempt(services, request.actor!, {
        quizKey: request.params.key,
        answers: request.body.answers,
        lang: request.lang,
      });
      return reply.status(201).send(toAttemptResult(attempt, result, request.lang));
    },
  });

  app.get('/:key/attempts', {
    schema: {
      tags: ['quizzes'],
      summary: 'Toutes les tentatives / every attempt (organisers)',
      security: [{ bearer: [] }],
      params,
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        offset: Type.Integer({ minimum: 0, default: 0 }),
      }),
      response: { 200: AttemptListSchema, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const quiz = findQuiz(programme, request.params.key);
      const { rows, total } = await listQuizAttempts(db, quiz.key, request.query);
      return { total, attempts: rows.map(toListedAttempt) };
    },
  });

  app.post('/:key/open', {
    schema: {
      tags: ['quizzes'],
      summary: 'Ouvre le questionnaire maintenant / opens the questionnaire now (organisers)',
      security: [{ bearer: [] }],
      params,
      response: { 200: QuizOpeningSchema, ...errorResponses(401, 403, 404) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const { key, open, opensAt } = await openQuiz(services, request.actor!, { quizKey: request.params.key });
      return { key, open, opensAt };
    },
  });
};
