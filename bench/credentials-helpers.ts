// Timing and seeding for credentials.bench.ts: rates of wall and CPU time, awards inserted directly.
import { openDatabase } from '../src/db/client';
import { buildServices, type Platform } from '../src/platform';
import { issueCredentials } from '../src/credentials/issue.service';
import { serverConfig } from './server-process';
import { learners } from '../src/learners/learners.tables';
import { awards } from '../src/badges/awards.tables';
import type { AwardEvidence } from '../src/badges/evidence';

export interface Rate {
  wall: number;
  cpu: number;
}

/**
 * Operations per second, of wall time and of this process's CPU time (user + system): the
 * machine is shared, and CPU time is what the neighbours disturb least. PGlite runs in this
 * thread, so its work counts; a PostgreSQL server's does not.
 */
export async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<Rate> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < n; i += 1) await fn(i);
  const { user, system } = process.cpuUsage(cpu0);
  return { wall: n / ((performance.now() - wall0) / 1000), cpu: n / ((user + system) / 1e6) };
}

export const best = (a: Rate, b: Rate): Rate => ({ wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) });
export const combined = (a: Rate, b: Rate): Rate => ({
  wall: 1 / (1 / a.wall + 1 / b.wall),
  cpu: 1 / (1 / a.cpu + 1 / b.cpu),
});

/** Learners and awards inserted directly (no hook), so issuance alone is timed below. */
export async function seedAwards(platform: Platform, n: number) {
  const { programme } = platform.services;
  const title = (key: string) => programme.events.find((e) => e.key === key)!.title;
  const evidence: AwardEvidence = {
    events: ['webinaire-1', 'webinaire-2', 'atelier-juridique'].map((key) => ({
      key,
      title: title(key),
      date: '2026-03-12T09:05:00Z',
      minutes: 95,
      status: 'present',
      source: 'zoom',
    })),
    attempts: [
      {
        id: '6f1d1a52-4b1e-4d2f-9f3e-2d1c0b9a8e7f',
        quiz: 'quiz-juridique',
        title: programme.quizzes[0]!.title,
        score: 8,
        maxScore: 9,
        percent: 88.9,
        submittedAt: '2026-04-09T11:00:00Z',
      },
    ],
    badges: [],
  };
  const people = await platform.database.db
    .insert(learners)
    .values(
      Array.from({ length: n }, (_, i) => ({ email: `agent.${i}@commune-${i % 37}.example`, name: `Agent ${i}` })),
    )
    .returning({ id: learners.id });
  return platform.database.db
    .insert(awards)
    .values(people.map((p) => ({ learnerId: p.id, badgeKey: 'data-juridique', method: 'rule' as const, evidence })))
    .returning();
}

const WARM_UP = 50;

/**
 * The start of an issuance child (`… AWARDS [DATABASE_URL]`, no URL: PGlite in memory): the platform
 * on its database, `AWARDS` awards seeded after a warm-up batch already issued, and how to close it.
 */
export async function issuanceChild() {
  const [count, url] = process.argv.slice(2);
  const n = Number(count);
  const database = await openDatabase(url ? { url, dataDir: 'memory' } : { dataDir: 'memory' });
  const services = await buildServices(serverConfig(), { database });
  const all = await seedAwards({ services, database } as unknown as Platform, WARM_UP + n);
  const { deps } = services.credentials;
  await database.db.transaction((tx) => issueCredentials(tx, all.slice(0, WARM_UP), deps));
  const close = async () => {
    await services.credentials.close();
    services.mailer.close();
    await database.close();
  };
  return { n, url, database, deps, awards: all.slice(WARM_UP), close };
}
