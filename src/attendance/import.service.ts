import type { Db } from '../db/client';
import type { Reevaluate } from '../badges/awards.service';
import { type Actor, recordAudit } from '../audit/audit.service';
import { AppError, type Lang } from '../shared/errors';
import { findEvent } from '../events/events.service';
import { setAsideErased } from '../privacy/suppression.service';
import { parseAttendance } from './importers';
import { MAPPED_FIELDS, type ImportAnalysis, type ParseOptions } from './importers/types';
import { hashingLimit } from './byte-limit';
import { findImportByHash, insertImport, insertUnmatched, updateImportCounts } from './attendance.store';
import {
  analyseStaging,
  createStaging,
  stagePeople,
  upsertStagedAttendance,
  upsertStagedLearners,
} from './import.staging';

/** Progress is told every so many people staged. */
const PROGRESS_EVERY = 10_000;

export interface ImportRequest {
  eventKey: string;
  input: Buffer | AsyncIterable<Buffer>;
  dryRun: boolean;
  acceptPartial: boolean;
  fileName?: string;
  mapping?: ParseOptions['mapping'];
  lang: Lang;
  actor: Actor;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'parse' | 'commit';
  rowsRead?: number;
  bytesRead?: number;
  committed?: number;
  total?: number;
}

/** What an import reads of the platform's services (callers pass `services`). */
export interface ImportDeps {
  db: Db;
  /** Re-evaluates the badges of the learners whose data changed, in the same transaction. */
  awards: { reevaluate: Reevaluate };
  /**
   * Called after each step: `parsed` (before the transaction), then inside it `staged`,
   * `learners`, `attendance`, `badges`. Tests force failures here; the benchmark times the steps.
   */
  afterStep?(step: string): void | Promise<void>;
}

export interface ImportCounts {
  peopleCount: number;
  attendedCount: number;
  learnersCreated: number;
  attendanceCreated: number;
  attendanceUpdated: number;
  unchanged: number;
  unmatchedCount: number;
  errorCount: number;
}

export type ImportPreview = ImportAnalysis & {
  fileHash: string;
  alreadyImported: string | null;
  /** People whose address is on the suppression list (they asked for erasure): read, never written. */
  erased?: Array<{ lines: number[]; message: string }>;
};

/** The mapping as part of what makes an import a repeat: canonical, and '' when the file's format was known. */
function mappingKey(format: string, mapping: ParseOptions['mapping']): string {
  if (format !== 'mapped' || !mapping) return '';
  return JSON.stringify(MAPPED_FIELDS.filter((f) => mapping[f] !== undefined).map((f) => [f, mapping[f]]));
}
/**
 * A commit answers with counts, errors, warnings and the unmatched rows, not the people: echoing
 * 100,000 of them doubled the server's memory and time. They are paged at GET /api/imports/:id/people.
 */
export type ImportCommit = Omit<ImportPreview, 'people'> & ImportCounts & { importId: string };

/** A dry run's answer, with its people (a caller that asked for a preview gets one). */
export function asPreview(result: ImportPreview | ImportCommit): ImportPreview {
  if (!('people' in result)) throw new AppError('INTERNAL_ERROR', 500);
  return result;
}

export async function analyseImport(db: Db, request: ImportRequest): Promise<ImportPreview> {
  const event = await findEvent(db, request.eventKey);
  if (!event) throw new AppError('EVENT_NOT_FOUND', 404, { key: request.eventKey });
  const source = hashingLimit(request.input);
  const analysis = await parseAttendance(source.stream, {
    window: event.startsAt && event.endsAt ? { startsAt: event.startsAt, endsAt: event.endsAt } : undefined,
    timezone: event.timezone,
    minPresenceRatio: event.minPresenceRatio,
    mapping: request.mapping,
    lang: request.lang,
    onProgress: (rowsRead: number, bytesRead: number) => request.onProgress?.({ phase: 'parse', rowsRead, bytesRead }),
  });
  const fileHash = source.digest();
  const previous = await findImportByHash(db, request.eventKey, fileHash, mappingKey(analysis.format, request.mapping));
  const { people, erased, warnings } = await setAsideErased(db, analysis.people, request.lang);
  return {
    ...analysis,
    people,
    warnings: [...analysis.warnings, ...warnings],
    fileHash,
    alreadyImported: previous?.id ?? null,
    erased,
  };
}

/**
 * Preview, or commit in one transaction: learners, attendance, unmatched rows, the import record,
 * the audit entry and the badge re-evaluation stand or fall together.
 */
/**
 * The file name as kept (import record, audit): whatever the client sent — a multipart filename
 * is not checked by anyone — without control characters (U+0000 fails PostgreSQL text and
 * jsonb), at most 255 characters; none when nothing is left.
 */
export function cleanFileName(name: string | undefined): string | undefined {
  const clean = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    ?.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim()
    .slice(0, 255);
  return clean || undefined;
}

/** What the organiser sends: the file and how to read it. */
export type ImportInput = Omit<ImportRequest, 'actor'>;

export async function importAttendance(
  deps: ImportDeps,
  actor: Actor,
  input: ImportInput,
): Promise<ImportPreview | ImportCommit> {
  const { db } = deps;
  const request: ImportRequest = { ...input, actor };
  const fileName = cleanFileName(request.fileName);
  const preview = await analyseImport(db, request);
  if (request.dryRun) return preview;
  if (preview.errors.length > 0 && !request.acceptPartial) {
    throw new AppError(
      'IMPORT_HAS_ERRORS',
      422,
      { count: preview.errors.length },
      preview.errors.map((e) => ({ ...e })),
    );
  }
  const { people, ...summary } = preview;
  await deps.afterStep?.('parsed');
  return db.transaction(async (tx) => {
    const mapping = mappingKey(preview.format, request.mapping);
    const existing = await findImportByHash(tx, request.eventKey, preview.fileHash, mapping);
    if (existing) {
      // The same file again: nothing to write, and saying so is the idempotent answer.
      return { ...summary, importId: existing.id, ...emptyCounts(people, preview), unchanged: people.length };
    }
    const record = await insertImport(tx, {
      eventKey: request.eventKey,
      fileHash: preview.fileHash,
      mapping,
      fileName: fileName ?? null,
      format: preview.format,
      encoding: preview.encoding,
      acceptPartial: request.acceptPartial,
      counts: {},
      importedBy: request.actor.email,
    });
    const counts = emptyCounts(people, preview);
    await createStaging(tx);
    await stagePeople(tx, people, PROGRESS_EVERY, (committed) =>
      request.onProgress?.({ phase: 'commit', committed, total: people.length }),
    );
    await deps.afterStep?.('staged');
    await analyseStaging(tx);
    counts.learnersCreated = await upsertStagedLearners(tx);
    await deps.afterStep?.('learners');
    const written = await upsertStagedAttendance(tx, {
      eventKey: request.eventKey,
      source: `import:${preview.format}`,
      importId: record.id,
      updatedBy: request.actor.email,
    });
    await deps.afterStep?.('attendance');
    counts.attendanceCreated = written.created;
    counts.attendanceUpdated = written.written - written.created;
    counts.unchanged = people.length - written.written;
    await insertUnmatched(tx, record.id, preview.unmatched);
    await updateImportCounts(tx, record.id, { ...counts });
    await recordAudit(tx, request.actor, {
      action: 'attendance.import',
      targetType: 'event',
      targetId: request.eventKey,
      details: { importId: record.id, fileName, format: preview.format, fileHash: preview.fileHash, ...counts },
    });
    // The learners whose attendance this import wrote: its rows, and only they, carry its id.
    await deps.awards.reevaluate(tx, { importId: record.id });
    await deps.afterStep?.('badges');
    return { ...summary, importId: record.id, ...counts };
  });
}

function emptyCounts(people: ImportAnalysis['people'], preview: ImportAnalysis): ImportCounts {
  return {
    peopleCount: people.length,
    attendedCount: people.filter((p) => p.attended).length,
    learnersCreated: 0,
    attendanceCreated: 0,
    attendanceUpdated: 0,
    unchanged: 0,
    unmatchedCount: preview.unmatched.length,
    errorCount: preview.errors.length,
  };
}
