import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { awards } from '../../src/badges/awards.tables';
import { credentials } from '../../src/credentials/credentials.tables';
import { learners } from '../../src/learners/learners.tables';
import { buildCredentialsService } from '../../src/credentials/credentials.service';
import { issueCredentials } from '../../src/credentials/issue.service';
import { INLINE } from '../../src/ob3/signing-pool';
import { independentlyVerify, insertAwards } from './app-helpers';

const PUBLIC_URL = 'https://badges.parcours.example';
const BATCH = INLINE + 8; // more than the main thread signs itself: the rest goes to the threads

let ctx: TestContext;
beforeAll(async () => {
  // did:web: verifying our credentials needs our DID document and our status list.
  ctx = await buildTestApp({ publicUrl: PUBLIC_URL, signingThreads: 2 });
});
afterAll(async () => ctx?.close());

const deps = () => ctx.services.credentials.deps;
const credentialsOf = (ids: string[]) =>
  ctx.database.db.select().from(credentials).where(inArray(credentials.awardId, ids));

describe('Data Integrity proofs on signing threads', () => {
  it('issues a batch whose every proof verifies independently', async () => {
    expect(deps().signer?.threads).toBe(2);
    const rows = await insertAwards(ctx.database.db, BATCH, 'pool');
    const ids = await ctx.database.db.transaction((tx) => issueCredentials(tx, rows, deps()));
    expect(ids).toHaveLength(BATCH);
    const stored = await credentialsOf(rows.map((r) => r.id));
    expect(stored).toHaveLength(BATCH);
    for (const row of stored) {
      const result = await independentlyVerify(ctx, JSON.parse(row.json));
      expect(result.verified, row.id).toBe(true);
    }
  });

  it('rolls back with the awards: awards and credentials stand or fall together', async () => {
    const { db } = ctx.database;
    const emails = Array.from({ length: BATCH }, (_, i) => `rollback${i}@commune.example`);
    // A failure after the proofs are signed…
    await expect(
      db.transaction(async (tx) => {
        const rows = await insertAwardsIn(tx, emails);
        await issueCredentials(tx, rows, deps());
        throw new Error('panne après la signature');
      }),
    ).rejects.toThrow('panne après la signature');
    // …or one proof failing on its thread while the others sign.
    let n = 0;
    const signer = deps().signer!;
    const failing = {
      ...deps(),
      signer: {
        ...signer,
        issue: ((c, o) =>
          ++n === BATCH - 1 ? Promise.reject(new Error('thread')) : signer.issue(c, o)) as typeof signer.issue,
      },
    };
    await expect(
      db.transaction(async (tx) => issueCredentials(tx, await insertAwardsIn(tx, emails), failing)),
    ).rejects.toThrow('thread');
    expect(await db.select().from(learners).where(inArray(learners.email, emails))).toEqual([]);
  });
});

async function insertAwardsIn(tx: typeof ctx.database.db, emails: string[]) {
  const people = await tx
    .insert(learners)
    .values(emails.map((email) => ({ email })))
    .returning();
  return tx
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
}

describe('POST /api/verify reads our own documents locally', () => {
  it('verifies our credential with no network at all, and sees a revocation at once', async () => {
    // Any outside fetch fails: the DID document and the status list can only come from here.
    const offline = buildCredentialsService({
      config: { publicUrl: PUBLIC_URL, keySecret: undefined },
      programme: ctx.services.programme,
      fetch: async (url) => {
        throw new Error(`fetched ${String(url)}`);
      },
    });
    const [award] = await insertAwards(ctx.database.db, 1, 'offline');
    await ctx.database.db.transaction((tx) => issueCredentials(tx, [award!], deps()));
    const [issued] = await credentialsOf([award!.id]);
    const before = await offline.verify(ctx.database.db, issued!.json);
    expect(before.checks.filter((c) => c.ok !== true)).toEqual([]);
    expect(before).toMatchObject({
      valid: true,
      issuedByThisPlatform: true,
      issuerId: 'did:web:badges.parcours.example',
    });
    const revoke = await ctx.app.inject({
      method: 'POST',
      url: `/api/credentials/${issued!.id}/revoke`,
      headers: await ctx.adminAuth(),
      payload: { reason: 'Attribué par erreur' },
    });
    expect(revoke.statusCode).toBe(200);
    const after = await offline.verify(ctx.database.db, issued!.json);
    expect(after.valid).toBe(false);
    expect(after.checks.find((c) => c.check === 'status')?.code).toBe('VERIFY_STATUS_REVOKED');
    await offline.close();
  });
});
