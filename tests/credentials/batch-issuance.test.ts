import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { learners } from '../../src/learners/learners.tables';
import { awards } from '../../src/badges/awards.tables';
import { credentials } from '../../src/credentials/credentials.tables';
import { signAndStoreCredentials } from '../../src/credentials/issue.service';
import { independentlyVerify, servicesOf } from './app-helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

describe('issuing a batch of awards (an import, an evaluation)', () => {
  it('gives each award its own credential and status entry, each verified independently', async () => {
    const db = ctx.database.db;
    const people = await db
      .insert(learners)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          email: `lot${i}@commune.example`,
          name: `Agent ${i}`,
          lang: i % 2 ? ('en' as const) : ('fr' as const),
        })),
      )
      .returning();
    const rows = await db
      .insert(awards)
      .values(
        people.map((p) => ({
          learnerId: p.id,
          badgeKey: 'data-admin',
          method: 'manual' as const,
          evidence: { events: [], attempts: [], badges: [] } as never,
        })),
      )
      .returning();
    const issued = await db.transaction((tx) => signAndStoreCredentials(tx, rows, servicesOf(ctx).credentials.deps));
    expect(issued.map((c) => c.learner.email)).toEqual(people.map((p) => p.email));
    const stored = await db
      .select()
      .from(credentials)
      .where(
        inArray(
          credentials.awardId,
          rows.map((r) => r.id),
        ),
      );
    expect(stored).toHaveLength(7);
    expect(new Set(stored.map((c) => `${c.statusListId}:${c.statusIndex}`)).size).toBe(7);
    const english = stored.find((c) => c.learnerId === people[1]!.id)!;
    expect(english.lang).toBe('en');
    for (const row of stored)
      expect((await independentlyVerify(ctx, JSON.parse(row.json))).verified, row.id).toBe(true);
    expect((await db.select().from(credentials).where(eq(credentials.awardId, rows[0]!.id)))[0]!.id).toBe(
      issued[0]!.id,
    );
  });
});
