import type { Interval, Mark } from '../presence';
import type { Collector, RowEvidence } from './collector';
import type { LocalDay } from './dates';
import { parseDuration } from './durations';
import { cell, findAll, findCol, isBlankRow, normHeader, readYesNo, SYNONYMS } from './headers';
import type { ImportContext } from './types';

/** Column indexes of one table (-1 or absent = not in the file). */
export interface Columns {
  email: number;
  name: number;
  firstName: number;
  lastName: number;
  organisation: number;
  joinedAt: number;
  leftAt: number;
  duration: number;
  /** Bare numbers in the duration column are minutes (Zoom) or seconds (Livestorm API). */
  durationUnitMs: number;
  rate: number;
  present: number[];
  date: number;
  waitingRoom: number;
}

// A trailing bracket is a hint for whoever fills the sheet (`Présent (O/N)`, `Présence (oui/non)`)
// or a unit (`Durée (h)`, `Attendance duration (minutes)`, `Taux de présence (%)`). Such headers
// were not recognised: the file was refused, or worse its duration column was ignored while an
// `Attended` = Yes column said present. A header is now also matched without its bracket.
const BRACKET = /\s*[([]([^)\]]*)[)\]]\s*$/;
const UNIT_MS: Array<[RegExp, number]> = [
  [/^(s|sec|secs|seconde|secondes|second|seconds)$/, 1000],
  [/^(mn|min|mins|minute|minutes)$/, 60_000],
  [/^(h|hr|hrs|heure|heures|hour|hours)$/, 3_600_000],
];

/** Columns found by synonyms (FR/EN); formats adjust what they know better. */
export function columnsFromHeader(header: readonly string[]): Columns {
  const n = header.map(normHeader);
  const bare = header.map((h) => normHeader(h.replace(BRACKET, '')));
  // The header as written wins; the header without its bracket is the fallback.
  const col = (k: keyof typeof SYNONYMS) => {
    const i = findCol(n, SYNONYMS[k]);
    return i >= 0 ? i : findCol(bare, SYNONYMS[k]);
  };
  // `Présence (min)` is a time and `Participation (%)` a rate, never a yes/no column: a presence
  // word whose bracket holds a unit counts as what the unit says.
  const unit = header.map(bracketUnit);
  const presenceWord = bare.map((b) => (SYNONYMS.present as readonly string[]).includes(b));
  const byUnit = (kind: 'timeMs' | 'percent') => unit.findIndex((u, i) => u !== null && kind in u && presenceWord[i]);
  const named = { duration: col('duration'), rate: col('rate') };
  const duration = named.duration >= 0 ? named.duration : byUnit('timeMs');
  const rate = named.rate >= 0 ? named.rate : byUnit('percent');
  const yesNo = (i: number) => unit[i] === null;
  return {
    email: col('email'),
    name: col('name'),
    firstName: col('firstName'),
    lastName: col('lastName'),
    organisation: col('organisation'),
    joinedAt: col('joinedAt'),
    leftAt: col('leftAt'),
    duration,
    // A bare number counts what the bracket says, else seconds for Livestorm's API name, else minutes.
    durationUnitMs: unit[duration]?.timeMs ?? (n[duration] === 'attendance duration' ? 1000 : 60_000),
    rate,
    present: [...new Set([...findAll(n, SYNONYMS.present), ...findAll(bare, SYNONYMS.present)])]
      .filter(yesNo)
      .sort((a, b) => a - b),
    date: col('date'),
    waitingRoom: col('waitingRoom'),
  };
}

/** The unit a header's trailing bracket names: a time (`(min)`, `(h)`, `(en heures)`) or `(%)`; null otherwise. */
function bracketUnit(raw: string): { timeMs?: number; percent?: true } | null {
  const inside = BRACKET.exec(raw)?.[1]?.trim();
  if (!inside) return null;
  if (inside === '%') return { percent: true };
  const unit = normHeader(inside).replace(/^(en|in) /, '');
  const time = UNIT_MS.find(([re]) => re.test(unit));
  return time ? { timeMs: time[1] } : null;
}

export const hasPresenceEvidence = (c: Columns) =>
  c.joinedAt >= 0 || c.leftAt >= 0 || c.duration >= 0 || c.rate >= 0 || c.present.length > 0;

export function personName(cells: readonly string[], c: Columns): string | null {
  const first = cell(cells, c.firstName);
  const last = cell(cells, c.lastName);
  const full = cell(cells, c.name);
  return (first || last ? [first, last].filter(Boolean).join(' ') : full) || null;
}

/** Header of column `i`, as named in row errors. */
const field = (header: readonly string[], i: number) => (header[i] ?? '').trim();

/** A join or leave cell: epoch ms, `undefined` when absent or empty, `null` when unreadable (reported). */
function readTime(
  ctx: ImportContext,
  sink: Collector,
  header: readonly string[],
  cells: readonly string[],
  i: number,
  line: number,
  baseDay: LocalDay | null,
): number | null | undefined {
  if (i < 0) return undefined;
  const raw = cell(cells, i);
  const r = ctx.dates.read(raw, line, baseDay);
  if ('ms' in r) return r.ms;
  if ('empty' in r) return undefined;
  sink.error(
    line,
    'noDay' in r ? 'IMPORT_DATE_WITHOUT_DAY' : 'IMPORT_DATE_INVALID',
    { field: field(header, i), value: raw },
    field(header, i),
  );
  return null;
}

export interface RowOptions {
  /** Times are first join / last leave of a whole meeting, not one session (Teams section 2, Meet). */
  aggregated?: boolean;
  /** Day for time-only cells, when the row itself has no date column. */
  baseDay?: LocalDay | null;
}

/**
 * Reads one data row into evidence, reporting unreadable cells as row errors that name the
 * line and the column. Returns null only for a blank row.
 */
export function readRow(
  ctx: ImportContext,
  sink: Collector,
  header: readonly string[],
  c: Columns,
  cells: readonly string[],
  line: number,
  opts: RowOptions = {},
): RowEvidence | null {
  // No closures here: tsx (esbuild keepNames) would rename each one on every row.
  const row: RowEvidence = {
    line,
    email: cell(cells, c.email),
    emailField: field(header, c.email) || 'email',
    name: personName(cells, c),
    organisation: cell(cells, c.organisation) || null,
  };
  const day = c.date >= 0 && cell(cells, c.date) ? ctx.dates.readDay(cell(cells, c.date), line) : null;
  const baseDay = day ?? opts.baseDay ?? ctx.dates.baseDay;
  const joined = readTime(ctx, sink, header, cells, c.joinedAt, line, baseDay);
  const left = readTime(ctx, sink, header, cells, c.leftAt, line, baseDay);
  if (typeof joined === 'number' && typeof left === 'number') {
    if (left < joined) {
      sink.error(
        line,
        'IMPORT_INTERVAL_REVERSED',
        { field: field(header, c.leftAt), joined: cell(cells, c.joinedAt), left: cell(cells, c.leftAt) },
        field(header, c.leftAt),
      );
    } else row.interval = { start: joined, end: left } satisfies Interval;
  } else if ((typeof joined === 'number' && left === undefined) || (typeof left === 'number' && joined === undefined)) {
    // One time without the other (an unreadable one was already reported): the row's time is not guessed.
    const missing = joined === undefined ? c.joinedAt : c.leftAt;
    if (missing >= 0)
      sink.error(line, 'IMPORT_TIME_MISSING', { field: field(header, missing) }, field(header, missing));
  }
  if (c.duration >= 0) {
    const raw = cell(cells, c.duration);
    const ms = parseDuration(raw, c.durationUnitMs);
    if (ms === null)
      sink.error(
        line,
        'IMPORT_DURATION_INVALID',
        { field: field(header, c.duration), value: raw },
        field(header, c.duration),
      );
    else if (ms !== undefined) row.durationMs = ms;
  }
  row.aggregated = opts.aggregated;
  if (c.rate >= 0) {
    const raw = cell(cells, c.rate);
    const v = Number(raw.replace('%', '').replace(',', '.').trim());
    if (raw && (!Number.isFinite(v) || v < 0 || v > 100))
      sink.error(line, 'IMPORT_RATE_INVALID', { field: field(header, c.rate), value: raw }, field(header, c.rate));
    else if (raw) row.rate = v / 100;
  }
  if (c.present.length) {
    const marks: Mark[] = [];
    for (const i of c.present) {
      const raw = cell(cells, i);
      const yes = readYesNo(raw);
      if (yes === null)
        sink.error(line, 'IMPORT_PRESENCE_INVALID', { field: field(header, i), value: raw }, field(header, i));
      else marks.push({ column: field(header, i), value: raw, present: yes });
    }
    if (marks.length) row.marks = marks;
  }
  if (c.waitingRoom >= 0 && readYesNo(cell(cells, c.waitingRoom)) === true) {
    row.waitingRoom = true;
    delete row.interval;
    delete row.durationMs;
  }
  return isBlankRow(cells) ? null : row;
}

/** Adds a row to the collector; a row with neither e-mail nor name (a footer, a note) is reported, not guessed at. */
export function record(ctx: ImportContext, sink: Collector, row: RowEvidence | null): void {
  if (!row) return;
  if (!row.email && !row.name) ctx.warn('IMPORT_ROW_IGNORED', { line: row.line }, row.line);
  else sink.add(row);
}
