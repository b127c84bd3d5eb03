import type { Database } from '../src/db/client';
import { openDatabase } from '../src/db/client';
import { buildServices } from '../src/platform';
import { learners } from '../src/learners/learners.tables';
import { attendance } from '../src/attendance/attendance.tables';
import { quizAttempts } from '../src/quizzes/quizzes.tables';
import { evaluateEveryone } from '../src/badges/evaluate.service';
import { createAwards } from '../src/badges/awards.service';
import { newlyMetBadges } from '../src/badges/rule-met';
import { evaluateAll, ruleContext, type AttemptFact, type AttendanceFact, type Facts } from '../src/badges/rules';
import type { Programme } from '../src/programme/load-programme';
import type { Quiz } from '../src/programme/quiz.schemas';
import { scoreAttempt, type Answers } from '../src/quizzes/scoring';
import { measure, table } from './measure';
import { benchConfig, withServerDatabase } from './databases';

const LEARNERS = 10_000;
const CHUNK = 1000;

/** Deterministic randomness (mulberry32): every run evaluates the same cohort. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  email: string;
  organisation: string;
  attendance: Array<{ eventKey: string; status: 'present' | 'replay' | 'absent'; minutes: number }>;
  attempts: Array<{
    quizKey: string;
    answers: Answers;
    score: number;
    maxScore: number;
    percent: number | null;
    complete: boolean;
  }>;
}

function randomAnswers(quiz: Quiz, rnd: () => number, complete: boolean): Answers {
  const answers: Record<string, string | string[] | number> = {};
  for (const q of quiz.questions) {
    if (!complete && q.required && rnd() < 0.3) continue;
    if (q.type === 'text') answers[q.id] = 'Retour d’expérience';
    else if (q.type === 'scale') answers[q.id] = 1 + Math.floor(rnd() * 5);
    else answers[q.id] = rnd() < 0.6 && q.correct ? q.correct : [q.choices[Math.floor(rnd() * q.choices.length)]!.id];
  }
  return answers;
}

/** 10,000 agents: most follow the webinars, fewer the workshops; some answer, some twice. */
function generateCohort(programme: Programme): Person[] {
  const rnd = random(42);
  const status = (p: number) =>
    (rnd() < p ? 'present' : rnd() < 0.3 ? 'replay' : 'absent') as Person['attendance'][number]['status'];
  return Array.from({ length: LEARNERS }, (_, i) => {
    const attendance = programme.events.map((e) => ({
      eventKey: e.key,
      status: status(e.kind === 'webinar' ? 0.85 : 0.65),
      minutes: 30 + Math.floor(rnd() * 150),
    }));
    const attended = new Set(attendance.filter((a) => a.status !== 'absent').map((a) => a.eventKey));
    const attempts = programme.quizzes.flatMap((quiz) => {
      const tries = rnd() < (attended.has(quiz.event) ? 0.8 : 0.1) ? 1 + Math.floor(rnd() * 2) : 0;
      return Array.from({ length: tries }, () => {
        const answers = randomAnswers(quiz, rnd, rnd() < 0.95);
        const { score, maxScore, percent, complete } = scoreAttempt(quiz, answers);
        return { quizKey: quiz.key, answers, score, maxScore, percent, complete };
      });
    });
    return { email: `agent${i}@commune${i % 300}.example`, organisation: `Commune ${i % 300}`, attendance, attempts };
  });
}

async function insertCohort(database: Database, people: Person[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += CHUNK) {
    const slice = people.slice(i, i + CHUNK);
    const rows = await database.db
      .insert(learners)
      .values(slice.map((p) => ({ email: p.email, organisation: p.organisation })))
      .returning({ id: learners.id });
    ids.push(...rows.map((r) => r.id));
    const att = slice.flatMap((p, j) =>
      p.attendance.map((a) => ({
        ...a,
        learnerId: rows[j]!.id,
        source: 'import:bench',
        firstSeenAt: new Date('2026-03-12T09:00:00Z'),
      })),
    );
    for (let k = 0; k < att.length; k += CHUNK) await database.db.insert(attendance).values(att.slice(k, k + CHUNK));
    const tries = slice.flatMap((p, j) => p.attempts.map((a) => ({ ...a, learnerId: rows[j]!.id })));
    for (let k = 0; k < tries.length; k += CHUNK)
      await database.db.insert(quizAttempts).values(tries.slice(k, k + CHUNK));
  }
  return ids;
}

/** The same facts the database holds, in memory, for the bare evaluator. */
function inMemoryFacts(people: Person[]): Facts[] {
  return people.map((p, i) => {
    const best = new Map<string, AttemptFact>();
    p.attempts.forEach((a, k) => {
      const fact = {
        attemptId: `${i}-${k}`,
        percent: a.percent,
        score: a.score,
        maxScore: a.maxScore,
        complete: a.complete,
        submittedAt: '2026-05-07T12:00:00Z',
      };
      const cur = best.get(a.quizKey);
      if (
        !cur ||
        Number(fact.complete) - Number(cur.complete) > 0 ||
        (fact.complete === cur.complete && (fact.percent ?? -1) > (cur.percent ?? -1))
      )
        best.set(a.quizKey, fact);
    });
    const attendanceFacts = new Map<string, AttendanceFact>(
      p.attendance.map((a) => [
        a.eventKey,
        { status: a.status, minutes: a.minutes, date: '2026-03-12T09:00:00Z', source: 'import:bench' },
      ]),
    );
    return { attendance: attendanceFacts, bestAttempts: best, held: new Set<string>() };
  });
}

async function benchOn(label: string, database: Database) {
  const core = await buildServices(benchConfig(), { database });
  const people = generateCohort(core.programme);
  const stored = await measure(() => insertCohort(database, people));
  // The rules engine alone: credential issuance (the onAwarded hook) has its own benchmark.
  const engine = createAwards({ programme: core.programme });
  const full = await measure(() => evaluateEveryone(database.db, engine.evaluate, { batch: 1000 }));
  const ctx = ruleContext(core.programme);
  const facts = inMemoryFacts(people);
  const bare = await measure(async () => {
    let met = 0;
    for (const f of facts) for (const e of evaluateAll(core.programme.badges, f, ctx)) if (e.newlyMet) met++;
    return met;
  });
  // What an import costs when it completes nobody's badge: facts loaded, decided, nothing explained.
  const again = await measure(() => evaluateEveryone(database.db, engine.evaluate, { batch: 1000 }));
  const decide = await measure(async () =>
    facts.reduce((n, f) => n + newlyMetBadges(core.programme.badges, f).length, 0),
  );
  const awards = full.result.length;
  console.log(
    `\nRules — ${label}: ${LEARNERS.toLocaleString('en')} learners, ` +
      `${people.reduce((n, p) => n + p.attempts.length, 0).toLocaleString('en')} attempts ` +
      `stored in ${(stored.ms / 1000).toFixed(1)} s`,
  );
  table([
    {
      run: 'full evaluation (load facts, evaluate, insert awards + evidence + audit; no credential)',
      ms: full.ms,
      awards,
      'awards/s': awards / (full.ms / 1000),
      'learners/s': LEARNERS / (full.ms / 1000),
      'peak RSS MB': full.peakRssMb,
    },
    {
      run: 'bare evaluator (evaluateAll, in-memory facts)',
      ms: bare.ms,
      awards: bare.result,
      'awards/s': bare.result / (bare.ms / 1000),
      'learners/s': LEARNERS / (bare.ms / 1000),
      'peak RSS MB': bare.peakRssMb,
    },
    {
      run: 'second full pass (nothing new to award)',
      ms: again.ms,
      awards: again.result.length,
      'awards/s': 0,
      'learners/s': LEARNERS / (again.ms / 1000),
      'peak RSS MB': again.peakRssMb,
    },
    {
      run: 'bare decision only (newlyMetBadges, no explanations)',
      ms: decide.ms,
      awards: decide.result,
      'awards/s': decide.result / (decide.ms / 1000),
      'learners/s': LEARNERS / (decide.ms / 1000),
      'peak RSS MB': decide.peakRssMb,
    },
  ]);
  console.log(
    `full / bare: ${(full.ms / bare.ms).toFixed(1)}× ` +
      `(${awards === bare.result ? 'same awards' : `MISMATCH: ${awards} vs ${bare.result}`})`,
  );
}

export async function runRulesBench() {
  const pglite = await openDatabase({ dataDir: 'memory' });
  try {
    await benchOn('PGlite (in memory)', pglite);
  } finally {
    await pglite.close();
  }
  // Like the other benchmarks: the local server (or DATABASE_URL's), skipped with a note when unreachable.
  await withServerDatabase(async (open) => {
    const { database, done } = await open();
    try {
      await benchOn('PostgreSQL', database);
    } finally {
      await done();
    }
  });
}
