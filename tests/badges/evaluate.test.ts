import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { attendance } from '../../src/attendance/attendance.tables';
import { learners } from '../../src/learners/learners.tables';
import { quizAttempts } from '../../src/quizzes/quizzes.tables';
import { evaluateEveryone, type EvaluateProgress } from '../../src/badges/evaluate.service';
import { learnersWithFacts } from '../../src/badges/facts.store';
import { awards } from '../../src/badges/awards.tables';
import { awardKeys, EVENTS } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

describe('evaluateEveryone (npm run cli -- evaluate --all)', () => {
  it('awards what stored data already meets, batch by batch, and a second run awards nothing', async () => {
    const db = ctx.database.db;
    // Written straight to the tables, as if the rules had been edited after the facts were recorded.
    const rows = await db
      .insert(learners)
      .values(Array.from({ length: 5 }, (_, i) => ({ email: `agent${i}@commune.example` })))
      .returning();
    const complete = rows.slice(0, 3);
    await db.insert(attendance).values(
      complete.flatMap((l) =>
        EVENTS.map((eventKey) => ({
          learnerId: l.id,
          eventKey,
          status: 'present' as const,
          minutes: 100,
          source: 'manual',
        })),
      ),
    );
    await db.insert(quizAttempts).values(
      complete.flatMap((l) =>
        ['quiz-juridique', 'quiz-management', 'quiz-admin'].map((quizKey) => ({
          learnerId: l.id,
          quizKey,
          answers: {},
          score: 5,
          maxScore: 9,
          percent: 55.6,
          complete: true,
        })),
      ),
    );
    const progress: EvaluateProgress[] = [];
    const awarded = await evaluateEveryone(db, ctx.services.awards.evaluate, {
      batch: 2,
      onProgress: (p) => progress.push(p),
    });
    expect(awarded).toHaveLength(12);
    expect(progress.map((p) => p.done)).toEqual([2, 4, 5]);
    expect(progress.at(-1)).toMatchObject({ total: 5, awarded: 12 });
    for (const l of complete)
      expect(await awardKeys(ctx, l.id)).toEqual(['data-admin', 'data-juridique', 'data-management', 'parcours-data']);
    expect(await awardKeys(ctx, rows[4]!.id)).toEqual([]);
    expect(await evaluateEveryone(db, ctx.services.awards.evaluate)).toEqual([]);
  });
});

describe('learnersWithFacts (the SQL filter before the rules)', () => {
  it('counts events attended, questionnaires completed and badges held, each once', async () => {
    const db = ctx.database.db;
    const [a, b, c] = await db
      .insert(learners)
      .values(['a', 'b', 'c'].map((x) => ({ email: `filtre-${x}@commune.example` })))
      .returning();
    // a: two events attended, one absent, one questionnaire completed twice, one left incomplete → 3.
    await db.insert(attendance).values([
      { learnerId: a!.id, eventKey: 'webinaire-1', status: 'present', source: 'manual' },
      { learnerId: a!.id, eventKey: 'webinaire-2', status: 'replay', source: 'manual' },
      { learnerId: a!.id, eventKey: 'atelier-admin', status: 'absent', source: 'manual' },
      { learnerId: b!.id, eventKey: 'webinaire-1', status: 'present', source: 'manual' },
    ]);
    const attempt = (learnerId: string, quizKey: string, complete: boolean) => ({
      learnerId,
      quizKey,
      answers: {},
      score: 1,
      maxScore: 2,
      percent: 50,
      complete,
    });
    await db
      .insert(quizAttempts)
      .values([
        attempt(a!.id, 'quiz-admin', true),
        attempt(a!.id, 'quiz-admin', true),
        attempt(a!.id, 'quiz-juridique', false),
      ]);
    // c: one badge held, one revoked → 1.
    await db.insert(awards).values([
      { learnerId: c!.id, badgeKey: 'data-admin', method: 'manual', evidence: { conditions: [] } as never },
      {
        learnerId: c!.id,
        badgeKey: 'data-juridique',
        method: 'manual',
        evidence: { conditions: [] } as never,
        revokedAt: new Date(),
      },
    ]);
    const ids = [a!.id, b!.id, c!.id, '00000000-0000-4000-8000-000000000000'];
    expect(await learnersWithFacts(db, ids, 3)).toEqual([a!.id]);
    expect(await learnersWithFacts(db, ids, 4)).toEqual([]);
    expect((await learnersWithFacts(db, ids, 1)).sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(await learnersWithFacts(db, [], 3)).toEqual([]);
  });
});
