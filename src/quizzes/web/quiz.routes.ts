import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Uuid } from '../../shared/schemas';
import { QuizKey } from '../quizzes.schemas';
import { AppError } from '../../shared/errors';
import type { Programme } from '../../programme/load-programme';
import type { Quiz } from '../../programme/quiz.schemas';
import { closedParams, findQuiz, submitAttempt } from '../attempts.service';
import { attemptsOfLearner, bestAttempts } from '../learner-quizzes.service';
import { quizWindow } from '../quiz-window';
import { quizzesErrors } from '../quizzes.text';
import { isOrganiser, learnerSignInUrl } from '../../web/session';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { quizText } from './quiz.text';
import { fmt, say, textFor, type Lang } from '../../shared/text';
import { quizPage, quizResultPage, type FormAnswers } from './quiz.page';

// Route parameters validated with the area's own schemas.
const KeyParams = Type.Object({ key: QuizKey });
const AttemptParams = Type.Object({ key: QuizKey, id: Uuid });

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
export const quizPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { db, programme } = services;
  /** Learners only; anyone else is sent where they belong. */
  const guard = (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.viewer || !request.actor) return views.redirect(reply, learnerSignInUrl(request));
    if (isOrganiser(request.viewer)) return views.redirect(reply, urls.organiser.dashboard());
    return null;
  };

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    quiz: Quiz,
    extra: { values?: FormAnswers; errors?: Record<string, string>; status?: number; closedMessage?: string } = {},
  ) {
    const lang = request.lang;
    const window = await quizWindow(db, quiz, new Date());
    const closedMessage =
      extra.closedMessage ??
      (window.open ? undefined : say(quizzesErrors, lang, 'QUIZ_CLOSED', closedParams(quiz, window)));
    const [best] = (await bestAttempts(db, [request.actor!.id])).filter((a) => a.quizKey === quiz.key);
    const ctx = views.context(request, reply);
    return views.send(
      reply,
      ctx,
      quizPage(ctx, { quiz, eventLabel: eventLabel(programme, quiz, lang), closedMessage, best, ...extra }),
    );
  }

  app.get<{ Params: { key: string } }>(paths.quiz, { schema: { params: KeyParams } }, async (request, reply) => {
    return guard(request, reply) ?? show(request, reply, findQuiz(programme, request.params.key));
  });

  app.post<{ Params: { key: string } }>(paths.quiz, { schema: { params: KeyParams } }, async (request, reply) => {
    const denied = guard(request, reply);
    if (denied) return denied;
    const quiz = findQuiz(programme, request.params.key);
    const values = formLists(request.body);
    let attemptId: string;
    try {
      const { attempt } = await submitAttempt(services, request.actor!, {
        quizKey: quiz.key,
        answers: toAnswers(quiz, values),
        lang: request.lang,
      });
      attemptId = attempt.id;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (error.code === 'QUIZ_CLOSED')
        return show(request, reply, quiz, {
          status: 409,
          closedMessage: say(quizzesErrors, request.lang, 'QUIZ_CLOSED', error.params),
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
    return views.redirect(reply, urls.quizResult(quiz.key, attemptId));
  });

  app.get<{ Params: { key: string; id: string } }>(
    paths.quizResult,
    { schema: { params: AttemptParams } },
    async (request, reply) => {
      const denied = guard(request, reply);
      if (denied) return denied;
      const quiz = findQuiz(programme, request.params.key);
      // Only the learner's own attempts: another id is simply not found.
      const attempt = (await attemptsOfLearner(db, request.actor!.id, quiz.key)).find(
        (a) => a.id === request.params.id,
      );
      if (!attempt) throw new AppError('NOT_FOUND', 404, { resource: urls.quizResult(quiz.key, request.params.id) });
      const ctx = views.context(request, reply);
      return views.send(
        reply,
        ctx,
        quizResultPage(ctx, { quiz, eventLabel: eventLabel(programme, quiz, ctx.lang), attempt }),
      );
    },
  );
};
