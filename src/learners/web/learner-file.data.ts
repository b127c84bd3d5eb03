import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../shared/errors';
import { AppError } from '../../shared/errors';
import { findImport, listAttendanceOfLearner, type AttendanceRow } from '../../attendance/attendance.store';
import { listAwardsOf, type Award } from '../../badges/awards.store';
import { findLearnerById, type Learner } from '../learners.store';
import { learnerCredentials } from '../../credentials/learner-credentials.service';
import type { CredentialSummary } from '../../credentials/credentials.schemas';
import { attemptsOfLearner, type AttemptRow } from '../../quizzes/attempts.store';
import type { BadgeProgress } from '../../badges/progress';
import { programmeEvents, type EventView } from '../../events/web/programme.data';

export interface AttendanceLine {
  event: EventView;
  row: AttendanceRow | null;
  /** The file an imported attendance came from. */
  source: { fileName: string | null; format: string; importId: string } | null;
}

export interface LearnerFile {
  learner: Learner;
  attendance: AttendanceLine[];
  attempts: AttemptRow[];
  badges: BadgeProgress[];
  awards: Award[];
  credentials: CredentialSummary[];
}

/** Everything the organiser's learner page shows, each part from its area's store or service. */
export async function loadLearnerFile(app: FastifyInstance, id: string, lang: Lang): Promise<LearnerFile> {
  const learner = await findLearnerById(app.db, id);
  if (!learner) throw new AppError('LEARNER_NOT_FOUND', 404, { id });
  const [events, rows, attempts, progress, awards, credentials] = await Promise.all([
    programmeEvents(app.db, app.programme, lang),
    listAttendanceOfLearner(app.db, id),
    attemptsOfLearner(app.db, id),
    app.awards.progress(app.db, id, lang),
    listAwardsOf(app.db, [id]),
    learnerCredentials(app.db, app.programme, app.config.publicUrl, id, lang),
  ]);
  const byEvent = new Map(rows.map((r) => [r.eventKey, r]));
  const importIds = [...new Set(rows.map((r) => r.importId).filter((x): x is string => Boolean(x)))];
  const imports = new Map(
    await Promise.all(importIds.map(async (importId) => [importId, await findImport(app.db, importId)] as const)),
  );
  return {
    learner,
    attendance: events.map((event) => {
      const row = byEvent.get(event.key) ?? null;
      const record = row?.importId ? imports.get(row.importId) : undefined;
      return {
        event,
        row,
        source: record ? { fileName: record.fileName, format: record.format, importId: record.id } : null,
      };
    }),
    attempts,
    badges: progress.badges,
    awards,
    credentials,
  };
}
