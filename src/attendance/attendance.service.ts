import type { Db } from '../db/client';
import { recordAudit, type Actor } from '../audit/audit.store';
import { AppError } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';
import { findEvent } from '../events/events.store';
import { findLearnerById, upsertLearner } from '../learners/learners.store';
import {
  findImport,
  findUnmatched,
  markUnmatchedMatched,
  setAttendance,
  type AttendanceStatus,
} from './attendance.store';

export interface Reevaluate {
  reevaluate(tx: Db, learnerIds: string[]): Promise<void>;
}

/** An organiser records attendance by hand (replay, late sign-in, correction); an unknown e-mail creates the learner. */
export async function setManualAttendance(
  db: Db,
  actor: Actor,
  deps: Reevaluate,
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
    await deps.reevaluate(tx, [learner.id]);
    return { learnerId: learner.id, learnerCreated: created, attendance: row };
  });
}

/** A row without an e-mail, matched by an organiser to a learner (by id or e-mail). */
export async function matchUnmatchedRow(
  db: Db,
  actor: Actor,
  deps: Reevaluate,
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
    const attendance = await setAttendance(tx, {
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
    await deps.reevaluate(tx, [learner.id]);
    return { learnerId: learner.id, attendance };
  });
}

async function attendedFromMinutes(db: Db, importId: string, minutes: number) {
  const record = await findImport(db, importId);
  const event = await findEvent(db, record!.eventKey);
  if (!event?.startsAt || !event.endsAt) return { eventKey: record!.eventKey, attended: minutes > 0 };
  const windowMinutes = (event.endsAt.getTime() - event.startsAt.getTime()) / 60_000;
  return { eventKey: event.key, attended: minutes >= event.minPresenceRatio * windowMinutes };
}
