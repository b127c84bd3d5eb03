import type { Db } from '../../db/client';
import type { Config } from '../../config';
import type { Programme } from '../../programme/load-programme';
import type { Lang } from '../../shared/errors';
import { AppError } from '../../shared/errors';
import { findImport, listAttendanceOfLearner, type AttendanceRow } from '../../attendance/attendance.service';
import { listAwardsOf, type Award, type Awards } from '../../badges/awards.service';
import { findLearnerById, type Learner } from '../learners.service';
import { learnerCredentials } from '../../credentials/learner-credentials.service';
import type { CredentialSummary } from '../../credentials/credentials.schemas';
import { attemptsOfLearner, type AttemptRow } from '../../quizzes/learner-quizzes.service';
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
export interface LearnerFileDeps {
  db: Db;
  programme: Programme;
  config: Pick<Config, 'publicUrl'>;
  awards: Pick<Awards, 'progress'>;
}

export async function loadLearnerFile(
  { db, programme, config, awards: badges }: LearnerFileDeps,
  { id, lang }: { id: string; lang: Lang },
): Promise<LearnerFile> {
  const learner = await findLearnerById(db, id);
  if (!learner) throw new AppError('LEARNER_NOT_FOUND', 404, { id });
  const [events, rows, attempts, progress, awards, credentials] = await Promise.all([
    programmeEvents(db, programme, lang),
    listAttendanceOfLearner(db, id),
    attemptsOfLearner(db, id),
    badges.progress(db, id, lang),
    listAwardsOf(db, [id]),
    learnerCredentials(db, programme, config.publicUrl, id, lang),
  ]);
  const byEvent = new Map(rows.map((r) => [r.eventKey, r]));
  const importIds = [...new Set(rows.map((r) => r.importId).filter((x): x is string => Boolean(x)))];
  const imports = new Map(
    await Promise.all(importIds.map(async (importId) => [importId, await findImport(db, importId)] as const)),
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
