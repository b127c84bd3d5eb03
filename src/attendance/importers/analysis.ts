import { AppError, type Lang, type Params } from '../../shared/errors';
import { translate } from '../../text';
import { decidePresence, type Evidence, type Interval } from '../presence';
import type { Collector } from './collector';
import type { ImportAnalysis, ImportedPerson, ImportFormat, Warning } from './types';

export interface AnalysisInput {
  format: ImportFormat;
  encoding: string;
  delimiter: string;
  sink: Collector;
  warnings: Warning[];
  rowsRead: number;
  lang: Lang;
  minPresenceRatio: number;
  eventWindow: Interval | null;
  reportWindow: Interval | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const minutes = (ms: number) => Math.floor(ms / 6000) / 10;
// Per preview: a few hours of distinct seconds; reasons are a few hundred in practice.
const MAX_ISO = 50_000;
const MAX_REASONS = 10_000;

/**
 * `iso` remembering its results, for one preview: people share join and leave seconds (tens of
 * thousands of people over a few hours), and formatting a date is a large part of the preview's cost.
 */
function isoStrings(): (ms: number) => string {
  const known = new Map<number, string>();
  return (ms) => {
    let text = known.get(ms);
    if (text === undefined) {
      text = iso(ms);
      if (known.size < MAX_ISO) known.set(ms, text);
    }
    return text;
  };
}

/** Turns aggregated evidence into the preview: staff removed, presence decided, messages rendered. */
export function buildAnalysis(input: AnalysisInput): ImportAnalysis {
  const { sink, lang, warnings } = input;
  const warn = (code: string, params: Record<string, string | number> = {}, line?: number) =>
    warnings.push({ code, params, line });

  // Staff are not learners, even when they also registered as attendees.
  for (const [email, s] of sink.staff) {
    const p = sink.people.get(email);
    if (!p) continue;
    warn('IMPORT_STAFF_ALSO_ATTENDEE', { email, role: s.role, line: p.lines[0]! }, p.lines[0]);
    sink.people.delete(email);
  }
  const staffCount = sink.staff.size + sink.staffWithoutEmail;
  if (staffCount) warn('IMPORT_STAFF_EXCLUDED', { count: staffCount });

  const { window, source } = resolveWindow(input, warn);
  const isoOf = isoStrings();
  const reasonText = reasonTexts(lang);
  const people: ImportedPerson[] = [];
  for (const p of sink.people.values()) {
    const d = decidePresence(p.evidence, window, input.minPresenceRatio);
    const seen = p.evidence.intervals; // sorted and disjoint
    people.push({
      email: p.email,
      name: p.name,
      organisation: p.organisation,
      minutes: minutes(d.ms),
      attended: d.attended,
      reason: { code: d.reason.code, message: reasonText(d.reason.code, d.reason.params) },
      firstSeenAt: seen.length ? isoOf(seen[0]!.start) : null,
      lastSeenAt: seen.length ? isoOf(seen[seen.length - 1]!.end) : null,
      lines: p.lines,
    });
  }
  const unmatched = [...sink.unmatched.values()].map((u) => ({
    line: u.line,
    name: u.name,
    minutes: minutes(decidePresence(u.evidence, window, input.minPresenceRatio).ms),
  }));
  if (sink.errorCount > sink.errors.length)
    warn('IMPORT_ERRORS_TRUNCATED', { shown: sink.errors.length, total: sink.errorCount });
  if (!people.length && !unmatched.length) warn('IMPORT_NO_ROWS');

  return {
    format: input.format,
    encoding: input.encoding,
    delimiter: input.delimiter,
    window: { startsAt: iso(window.start), endsAt: iso(window.end), source },
    people,
    unmatched,
    errors: sink.errors.map((e) => ({
      line: e.line,
      code: e.code,
      message: translate(e.code, e.params, lang),
      ...(e.field ? { field: e.field } : {}),
    })),
    warnings: warnings.map((w) => ({
      code: w.code,
      message: translate(w.code, w.params, lang),
      ...(w.line ? { line: w.line } : {}),
    })),
    rowsRead: input.rowsRead,
  };
}

/**
 * `translate` remembering its results, for one preview: people share a few hundred reasons, and
 * one text per person would hold 100 000 copies.
 */
function reasonTexts(lang: Lang): (code: string, params: Params) => string {
  const known = new Map<string, string>();
  return (code, params) => {
    let key = code;
    for (const name in params) key += `\u0000${name}\u0000${keyPart(params[name])}`;
    let text = known.get(key);
    if (text === undefined) {
      text = translate(code, params, lang);
      if (known.size < MAX_REASONS) known.set(key, text);
    }
    return text;
  };
}

// Typed, and text length-prefixed so that no cell text can make two parameter sets share a key.
// String() would give "0" for -0, which formats as "-0".
function keyPart(v: Params[string]): string {
  if (typeof v === 'number') return Object.is(v, -0) ? 'n-0' : `n${v}`;
  const text = String(v);
  return `${typeof v}${text.length}:${text}`;
}

/** The event's window when given, else the report's own, else the span of the timestamps (with a warning). */
function resolveWindow(
  input: AnalysisInput,
  warn: (code: string) => void,
): { window: Interval; source: 'event' | 'report' } {
  if (input.eventWindow) return { window: input.eventWindow, source: 'event' };
  if (input.reportWindow) return { window: input.reportWindow, source: 'report' };
  let start = Infinity;
  let end = -Infinity;
  const scan = (e: Evidence) => {
    for (const iv of e.intervals) {
      start = Math.min(start, iv.start);
      end = Math.max(end, iv.end);
    }
  };
  for (const p of input.sink.people.values()) scan(p.evidence);
  for (const u of input.sink.unmatched.values()) scan(u.evidence);
  if (end > start) {
    warn('IMPORT_WINDOW_FROM_DATA');
    return { window: { start, end }, source: 'report' };
  }
  throw new AppError('IMPORT_WINDOW_REQUIRED', 422);
}
