import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordAudit, type Actor } from '../audit/audit.store';
import { AppError } from '../shared/errors';
import { attendance } from '../attendance/attendance.tables';
import { learners } from './learners.tables';
import { findLearnerById } from './learners.store';
import { moveBadgeData } from '../badges/move-learner-data';
import type { Credentials } from '../credentials/credentials.service';

const rank = { absent: 0, replay: 1, present: 2 } as const;

/**
 * Two records of one person become one: for each event the better attendance is kept, then the
 * duplicate is deleted; attempts and awards move with it.
 */
export async function mergeLearners(
  db: Db,
  actor: Actor,
  deps: { reevaluate(tx: Db, ids: string[]): Promise<void>; credentials?: Pick<Credentials, 'revokeForAwards'> },
  fromId: string,
  intoId: string,
) {
  if (fromId === intoId) throw new AppError('LEARNER_MERGE_SELF', 400);
  return db.transaction(async (tx) => {
    // Lock both rows in a fixed order: two merges of the same pair cannot interleave.
    await tx
      .select({ id: learners.id })
      .from(learners)
      .where(inArray(learners.id, [fromId, intoId].sort()))
      .for('update');
    const from = await findLearnerById(tx, fromId);
    const into = await findLearnerById(tx, intoId);
    if (!from) throw new AppError('LEARNER_NOT_FOUND', 404, { id: fromId });
    if (!into) throw new AppError('LEARNER_NOT_FOUND', 404, { id: intoId });

    const theirs = await tx.select().from(attendance).where(eq(attendance.learnerId, fromId));
    for (const row of theirs) {
      const [mine] = await tx
        .select()
        .from(attendance)
        .where(and(eq(attendance.learnerId, intoId), eq(attendance.eventKey, row.eventKey)));
      const better =
        !mine ||
        rank[row.status] > rank[mine.status] ||
        (row.status === mine.status && (row.minutes ?? 0) > (mine.minutes ?? 0));
      if (mine && better) await tx.delete(attendance).where(eq(attendance.id, mine.id));
      if (better)
        await tx.update(attendance).set({ learnerId: intoId, updatedAt: sql`now()` }).where(eq(attendance.id, row.id));
    }
    await moveBadgeData(
      tx,
      fromId,
      intoId,
      (ids) =>
        deps.credentials?.revokeForAwards(tx, actor, ids, `doublon fusionné dans ${into.email} / duplicate merged`) ??
        Promise.resolve(),
    );
    await tx
      .update(learners)
      .set({
        name: into.name ?? from.name,
        organisation: into.organisation ?? from.organisation,
        updatedAt: sql`now()`,
      })
      .where(eq(learners.id, intoId));
    await tx.delete(learners).where(eq(learners.id, fromId));
    await recordAudit(tx, actor, {
      action: 'learner.merge',
      targetType: 'learner',
      targetId: intoId,
      details: { from: fromId, fromEmail: from.email, into: intoId, intoEmail: into.email },
    });
    await deps.reevaluate(tx, [intoId]);
    return { id: intoId };
  });
}
