import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

it('[200] the OpenAPI document lists the questionnaire, progress, award and report routes', async () => {
  const doc = (await ctx.app.inject({ url: '/docs/json' })).json();
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/quizzes',
      '/api/quizzes/{key}',
      '/api/quizzes/{key}/attempts',
      '/api/quizzes/{key}/open',
      '/api/me/progress',
      '/api/learners/{id}/progress',
      '/api/learners/{id}/awards',
      '/api/reports/progress',
      '/api/reports/progress.csv',
    ]),
  );
  const attempt = doc.paths['/api/quizzes/{key}/attempts'].post;
  expect(Object.keys(attempt.responses)).toEqual(expect.arrayContaining(['201', '409', '422']));
  expect(attempt.requestBody.content['application/json'].schema.properties.answers.description).toMatch(/questionId/);
});
