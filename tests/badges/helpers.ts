import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestContext } from '../helpers/app';
import { awards } from '../../src/badges/awards.tables';

export const WEBINARS = ['webinaire-1', 'webinaire-2'];
export const WORKSHOPS = ['atelier-juridique', 'atelier-management', 'atelier-admin'];
export const EVENTS = [...WEBINARS, ...WORKSHOPS];

type Auth = { authorization: string };

/** Attendance set by hand through the API; returns the learner id (created on first use). */
export async function attend(
  ctx: TestContext,
  email: string,
  events: string[],
  status: 'present' | 'replay' | 'absent' = 'present',
  minutes = 95,
): Promise<string> {
  let id = '';
  for (const key of events) {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/${key}/attendance/${email}`,
      headers: await ctx.adminAuth(),
      payload: { status, minutes },
    });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().learnerId;
  }
  return id;
}

export function learnerAuth(ctx: TestContext, id: string, email = `${id}@parcours.test`): Auth {
  return { authorization: `Bearer ${ctx.app.signToken({ sub: id, role: 'learner', email })}` };
}

/** Every question answered correctly (text and scale answered too). */
export function perfectAnswers(ctx: TestContext, quizKey: string): Record<string, unknown> {
  const quiz = ctx.services.programme.quizzes.find((q) => q.key === quizKey)!;
  return Object.fromEntries(
    quiz.questions.map((q) => [
      q.id,
      q.type === 'text' ? 'Un retour d’expérience' : q.type === 'scale' ? 4 : (q.correct ?? [q.choices[0]!.id]),
    ]),
  );
}

export function answer(
  ctx: TestContext,
  auth: Auth,
  quizKey: string,
  answers = perfectAnswers(ctx, quizKey),
  lang = 'fr',
) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/quizzes/${quizKey}/attempts`,
    headers: { ...auth, 'accept-language': lang },
    payload: { answers },
  });
}

export async function awardKeys(ctx: TestContext, learnerId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ key: awards.badgeKey })
    .from(awards)
    .where(eq(awards.learnerId, learnerId));
  return rows.map((r) => r.key).sort();
}

export async function progressOf(ctx: TestContext, auth: Auth, lang = 'fr') {
  const res = await ctx.app.inject({ url: '/api/me/progress', headers: { ...auth, 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  const badges = res.json().badges as Array<{
    key: string;
    status: string;
    percent: number;
    conditions: Array<{ kind: string; ref: string; met: boolean; detail: string }>;
  }>;
  return new Map(badges.map((b) => [b.key, b]));
}
