import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit.service';
import type { Reevaluate } from '../badges/awards.service';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';
import { findEvent } from '../events/events.service';
import { findLearnerById, upsertLearner } from '../learners/learners.service';
import {
  findImport,
  findUnmatched,
  markUnmatchedMatched,
  setAttendance,
  type AttendanceStatus,
} from './attendance.store';

/** What other areas read of the attendance (a learner's file, the import pages). */
export {
  type AttendanceRow,
  type AttendanceStatus,
  findImport,
  findUnmatched,
  listAttendanceOfLearner,
  listImports,
  listUnmatched,
  moveAttendance,
  pageImportPeople,
} from './attendance.store';

/** What a change of attendance needs: the database, and the badges re-evaluated in its transaction. */
export interface AttendanceDeps {
  db: Db;
  awards: { reevaluate: Reevaluate };
}

/**
 * An organiser records attendance by hand (replay, late sign-in, correction); an unknown e-mail
 * creates the learner.
 */
export async function setManualAttendance(
  { db, awards }: AttendanceDeps,
  actor: Actor,
  input: { eventKey: string; email: string; status: AttendanceStatus; note?: string; minutes?: number },
) {
  const event = await findEvent(db, input.eventKey);
  if (!event) throw new AppError('EVENT_NOT_FOUND', 404, { key: input.eventKey });
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const { learner, created } = await upsertLearner(tx, { email });
    const row = await setAttendance(tx, {
      learnerId: learner.id,
      eventKey: event.key,
      status: input.status,
      minutes: input.minutes ?? null,
      source: 'manual',
      note: input.note ?? null,
      updatedBy: actor.email,
    });
    await recordAudit(tx, actor, {
      action: 'attendance.set',
      targetType: 'learner',
      targetId: learner.id,
      details: { eventKey: event.key, email, status: input.status, note: input.note, learnerCreated: created },
    });
    await awards.reevaluate(tx, [learner.id]);
    return { learnerId: learner.id, learnerCreated: created, attendance: row };
  });
}

/** A row without an e-mail, matched by an organiser to a learner (by id or e-mail). */
export async function matchUnmatchedRow(
  { db, awards }: AttendanceDeps,
  actor: Actor,
  input: { rowId: string; learnerId?: string; email?: string },
) {
  const row = await findUnmatched(db, input.rowId);
  if (!row) throw new AppError('NOT_FOUND', 404, { resource: `unmatched/${input.rowId}` });
  return db.transaction(async (tx) => {
    const learner = input.learnerId
      ? await findLearnerById(tx, input.learnerId)
      : input.email
        ? (await upsertLearner(tx, { email: normaliseEmail(input.email), name: row.name })).learner
        : undefined;
    if (!learner) throw new AppError('LEARNER_NOT_FOUND', 404, { id: input.learnerId ?? input.email ?? '' });
    const { eventKey, attended } = await attendedFromMinutes(tx, row.importId, row.minutes);
    const record = await setAttendance(tx, {
      learnerId: learner.id,
      eventKey,
      status: attended ? 'present' : 'absent',
      minutes: row.minutes,
      source: 'manual',
      importId: row.importId,
      note: `ligne ${row.line} : ${row.name}`,
      updatedBy: actor.email,
    });
    await markUnmatchedMatched(tx, row.id, learner.id);
    await recordAudit(tx, actor, {
      action: 'attendance.match',
      targetType: 'learner',
      targetId: learner.id,
      details: { rowId: row.id, line: row.line, name: row.name, eventKey },
    });
    await awards.reevaluate(tx, [learner.id]);
    return { learnerId: learner.id, attendance: record };
  });
}

async function attendedFromMinutes(db: Db, importId: string, minutes: number) {
  const record = await findImport(db, importId);
  const event = await findEvent(db, record!.eventKey);
  if (!event?.startsAt || !event.endsAt) return { eventKey: record!.eventKey, attended: minutes > 0 };
  const windowMinutes = (event.endsAt.getTime() - event.startsAt.getTime()) / 60_000;
  return { eventKey: event.key, attended: minutes >= event.minPresenceRatio * windowMinutes };
}
