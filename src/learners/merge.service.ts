import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { moveAttendance } from '../attendance/attendance.service';
import type { Reevaluate } from '../badges/awards.service';
import { moveBadgeData } from '../badges/move-learner-data';
import type { Credentials } from '../credentials/credentials.service';
import { learners } from './learners.tables';
import { findLearnerById } from './learners.store';

/** What a merge needs: the duplicate's extra credentials are revoked, the badges re-evaluated. */
export interface MergeDeps {
  db: Db;
  awards: { reevaluate: Reevaluate };
  credentials: Pick<Credentials, 'revokeForAwards'>;
}

/**
 * Two records of one person become one: for each event the better attendance is kept, then the
 * duplicate is deleted; attempts and awards move with it.
 */
export async function mergeLearners(
  { db, awards, credentials }: MergeDeps,
  actor: Actor,
  { fromId, intoId }: { fromId: string; intoId: string },
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

    await moveAttendance(tx, fromId, intoId);
    await moveBadgeData(tx, fromId, intoId, (ids) =>
      credentials.revokeForAwards(tx, actor, ids, `doublon fusionné dans ${into.email} / duplicate merged`),
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
    await awards.reevaluate(tx, [intoId]);
    return { id: intoId };
  });
}
