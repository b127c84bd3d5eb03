import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../shared/errors';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import type { Programme } from '../../programme/load-programme';
import type { Quiz } from '../../programme/quiz.schemas';
import { findQuiz, submitAttempt } from '../attempts.service';
import { attemptsOfLearner, bestAttempts } from '../attempts.store';
import { quizWindow } from '../quiz-window';
import { isOrganiser, learnerSignInUrl } from '../../web/session';
import { quizText } from './quiz.text';
import { fmt, textFor } from '../../shared/text';
import type { Views } from '../../web/views';
import { attemptUrl, quizPage, quizResultPage, type FormAnswers } from './quiz.page';

const KeyParams = {
  type: 'object',
  properties: { key: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 64 } },
  required: ['key'],
} as const;
const AttemptParams = {
  type: 'object',
  properties: { key: KeyParams.properties.key, id: { type: 'string', format: 'uuid' } },
  required: ['key', 'id'],
} as const;

export function eventLabel(programme: Programme, quiz: Quiz, lang: Lang): string {
  const event = programme.events.find((e) => e.key === quiz.event);
  return (event?.label ?? event?.title)?.[lang] ?? quiz.event;
}

/** Form fields (strings, or lists for checkboxes) → the API's answers: choice ids, text, 1–5. */
export function toAnswers(quiz: Quiz, values: FormAnswers): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of quiz.questions) {
    const given = (values[q.id] ?? []).filter((v) => v !== '');
    if (given.length === 0) continue;
    if (q.type === 'text') answers[q.id] = given[0];
    else if (q.type === 'scale') answers[q.id] = Number(given[0]);
    else answers[q.id] = given;
  }
  return answers;
}

/** A urlencoded body as lists: a question answered with several boxes arrives as a repeated key. */
export function formLists(body: unknown): FormAnswers {
  const out: FormAnswers = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (list.length) out[k] = list;
  }
  return out;
}

/** Questionnaires for learners: answer, then the score and the correction (same service as the API). */
export const quizPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  /** Learners only; anyone else is sent where they belong. */
  const guard = (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.viewer) return views.redirect(reply, learnerSignInUrl(request));
    if (isOrganiser(request.viewer)) return views.redirect(reply, '/organisateur');
    return null;
  };

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    quiz: Quiz,
    extra: { values?: FormAnswers; errors?: Record<string, string>; status?: number; closedMessage?: string } = {},
  ) {
    const lang = request.lang;
    const window = await quizWindow(app.db, quiz, new Date());
    const closedMessage =
      extra.closedMessage ??
      (window.open
        ? undefined
        : translate(
            'QUIZ_CLOSED',
            {
              key: quiz.key,
              quiz: quiz.title.fr,
              quizEn: quiz.title.en,
              opensAt: window.opensAt ?? undefined,
              timezone: window.timezone,
            },
            lang,
          ));
    const [best] = (await bestAttempts(app.db, [request.viewer!.sub])).filter((a) => a.quizKey === quiz.key);
    const ctx = views.context(request, reply);
    return views.send(
      reply,
      ctx,
      quizPage(ctx, { quiz, eventLabel: eventLabel(app.programme, quiz, lang), closedMessage, best, ...extra }),
    );
  }

  app.get<{ Params: { key: string } }>(
    '/questionnaires/:key',
    { schema: { params: KeyParams } },
    async (request, reply) => {
      return guard(request, reply) ?? show(request, reply, findQuiz(app.programme, request.params.key));
    },
  );

  app.post<{ Params: { key: string } }>(
    '/questionnaires/:key',
    { schema: { params: KeyParams } },
    async (request, reply) => {
      const denied = guard(request, reply);
      if (denied) return denied;
      const quiz = findQuiz(app.programme, request.params.key);
      const values = formLists(request.body);
      let attemptId: string;
      try {
        const { attempt } = await submitAttempt(
          app.db,
          { programme: app.programme, reevaluate: app.reevaluate },
          {
            learnerId: request.viewer!.sub,
            quizKey: quiz.key,
            answers: toAnswers(quiz, values),
            lang: request.lang,
          },
        );
        attemptId = attempt.id;
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        if (error.code === 'QUIZ_CLOSED')
          return show(request, reply, quiz, {
            status: 409,
            closedMessage: translate(error.code, error.params, request.lang),
          });
        if (error.code !== 'QUIZ_ANSWERS_INVALID') throw error;
        // Each refused answer is named beside its question (the first reason per question).
        // Messages say "Question 3", as the page numbers them, not the file's id.
        const t = textFor(quizText, request.lang);
        const errors: Record<string, string> = {};
        for (const d of error.details ?? []) {
          const id = typeof d.questionId === 'string' ? d.questionId : undefined;
          const n = quiz.questions.findIndex((q) => q.id === id) + 1;
          if (!id || n === 0 || errors[id]) continue;
          errors[id] =
            d.code === 'QUIZ_ANSWER_REQUIRED'
              ? fmt(t.answerRequired, { n })
              : String(d.reason ?? '').replace(`Question ${id}`, fmt(t.questionNumber, { n }));
        }
        return show(request, reply, quiz, { values, errors, status: error.status });
      }
      return views.redirect(reply, attemptUrl(quiz.key, attemptId));
    },
  );

  app.get<{ Params: { key: string; id: string } }>(
    '/questionnaires/:key/resultats/:id',
    { schema: { params: AttemptParams } },
    async (request, reply) => {
      const denied = guard(request, reply);
      if (denied) return denied;
      const quiz = findQuiz(app.programme, request.params.key);
      // Only the learner's own attempts: another id is simply not found.
      const attempt = (await attemptsOfLearner(app.db, request.viewer!.sub, quiz.key)).find(
        (a) => a.id === request.params.id,
      );
      if (!attempt) throw new AppError('NOT_FOUND', 404, { resource: attemptUrl(quiz.key, request.params.id) });
      const ctx = views.context(request, reply);
      return views.send(
        reply,
        ctx,
        quizResultPage(ctx, { quiz, eventLabel: eventLabel(app.programme, quiz, ctx.lang), attempt }),
      );
    },
  );
};
