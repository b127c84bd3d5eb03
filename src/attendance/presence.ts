/**
 * The presence rule, identical for every import format. Pure: epoch milliseconds in,
 * a decision and a reason (message code + params) out.
 */

export interface Interval {
  start: number;
  end: number;
}

/** One presence column value, e.g. `Présent` = `Oui` or `Matin` = `X`. */
export interface Mark {
  column: string;
  value: string;
  present: boolean;
}

/** Everything one file says about one person, merged over their rows. */
export interface Evidence {
  /** Join–leave intervals, kept sorted and merged (two devices at once count once). */
  intervals: Interval[];
  /** First-join→last-leave rows (Teams section 2, Meet) also report in-meeting time: it caps the span. */
  spanCapMs: number | null;
  /** Duration column only (no timestamps anywhere for this person). */
  durationMs: number | null;
  /** Share of the event attended as reported by the tool (Livestorm `attendance_rate`), 0–1. */
  rate: number | null;
  marks: Mark[];
  /** Seen only in the waiting room: never admitted. */
  waitingRoom: boolean;
}

export interface PresenceDecision {
  attended: boolean;
  /** Time counted inside the window, in milliseconds. */
  ms: number;
  reason: { code: string; params: Record<string, string | number> };
}

export function emptyEvidence(): Evidence {
  return { intervals: [], spanCapMs: null, durationMs: null, rate: null, marks: [], waitingRoom: false };
}

/** Inserts an interval, keeping the list sorted and disjoint, so memory stays per person, not per row. */
export function addInterval(list: Interval[], iv: Interval): void {
  let start = iv.start;
  let end = iv.end;
  let i = 0;
  while (i < list.length && list[i]!.end < start) i++;
  let j = i;
  while (j < list.length && list[j]!.start <= end) {
    start = Math.min(start, list[j]!.start);
    end = Math.max(end, list[j]!.end);
    j++;
  }
  list.splice(i, j - i, { start, end });
}

/** Length of the union of the intervals, clipped to the window. */
export function clippedUnionMs(intervals: readonly Interval[], window: Interval): number {
  // Evidence keeps its intervals sorted and disjoint: merging again would only copy them.
  const merged = isSortedAndDisjoint(intervals) ? intervals : mergeAll(intervals);
  let total = 0;
  for (const iv of merged) {
    const s = Math.max(iv.start, window.start);
    const e = Math.min(iv.end, window.end);
    if (e > s) total += e - s;
  }
  return total;
}

/** Each interval well-formed and strictly after the previous one: merging would give the same list. */
function isSortedAndDisjoint(intervals: readonly Interval[]): boolean {
  for (let i = 0; i < intervals.length; i++) {
    const iv = intervals[i]!;
    if (!(iv.start <= iv.end) || (i > 0 && !(intervals[i - 1]!.end < iv.start))) return false;
  }
  return true;
}

function mergeAll(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const iv of intervals) addInterval(merged, iv);
  return merged;
}

export function mergeEvidence(into: Evidence, from: Evidence): void {
  // A person's first interval, copied into an array of one: push() would reserve 17 slots, for each person.
  if (into.intervals.length === 0 && from.intervals.length === 1) {
    const { start, end } = from.intervals[0]!;
    into.intervals = [{ start, end }];
  } else for (const iv of from.intervals) addInterval(into.intervals, iv);
  if (from.spanCapMs !== null) into.spanCapMs = (into.spanCapMs ?? 0) + from.spanCapMs;
  if (from.durationMs !== null) into.durationMs = (into.durationMs ?? 0) + from.durationMs;
  if (from.rate !== null) into.rate = Math.max(into.rate ?? 0, from.rate);
  // One mark per column (a person signing twice counts once), present if any row says so.
  for (const m of from.marks) {
    const i = into.marks.findIndex((x) => x.column === m.column);
    if (i < 0) into.marks.push(m);
    else if (m.present && !into.marks[i]!.present) into.marks[i] = m;
  }
  into.waitingRoom ||= from.waitingRoom;
}

const floor1 = (n: number) => Math.floor(n * 10) / 10;
// Percentages are floored so the displayed figure never contradicts the decision.
const percentOf = (ratio: number) => Math.floor(ratio * 100 + 1e-9);
const thresholdPercent = (ratio: number) => Math.round(ratio * 10000) / 100;

function byTime(ms: number, windowMs: number, minRatio: number, basis: string): PresenceDecision {
  // Whole-second timestamps: a half-millisecond tolerance absorbs float error at the exact boundary.
  const attended = ms > 0 && ms + 0.5 >= minRatio * windowMs;
  const params = {
    minutes: floor1(ms / 60_000),
    total: floor1(windowMs / 60_000),
    percent: percentOf(ms / windowMs),
    threshold: thresholdPercent(minRatio),
    basis,
  };
  return { attended, ms, reason: { code: attended ? 'PRESENCE_TIME_MET' : 'PRESENCE_TIME_SHORT', params } };
}

/**
 * Real timestamps decide whenever the person has them; a duration column is used only when
 * there are none (Zoom rounds its minutes up); a rate next; a presence column last, where a
 * single `Présent` = Oui counts as full presence and several (Matin, Après-midi) count by share.
 * The boundary counts: time exactly at `minRatio` × window is attended.
 */
export function decidePresence(e: Evidence, window: Interval, minRatio: number): PresenceDecision {
  const windowMs = window.end - window.start;
  if (e.intervals.length > 0) {
    const union = clippedUnionMs(e.intervals, window);
    const capped = e.spanCapMs !== null && e.spanCapMs < union;
    return byTime(capped ? e.spanCapMs! : union, windowMs, minRatio, capped ? 'capped' : 'times');
  }
  if (e.durationMs !== null) return byTime(Math.min(e.durationMs, windowMs), windowMs, minRatio, 'duration');
  if (e.rate !== null) {
    const attended = e.rate > 0 && e.rate + 1e-9 >= minRatio;
    // Floored like the other percentages: rounding showed a 49,9 % rate as « 50 % < 50 % ».
    const params = { percent: percentOf(e.rate), threshold: thresholdPercent(minRatio) };
    return {
      attended,
      ms: e.rate * windowMs,
      reason: { code: attended ? 'PRESENCE_RATE_MET' : 'PRESENCE_RATE_SHORT', params },
    };
  }
  if (e.marks.length > 0) return byMarks(e.marks, windowMs, minRatio);
  if (e.waitingRoom) return { attended: false, ms: 0, reason: { code: 'PRESENCE_WAITING_ROOM_ONLY', params: {} } };
  return { attended: false, ms: 0, reason: { code: 'PRESENCE_NO_EVIDENCE', params: {} } };
}

function byMarks(marks: Mark[], windowMs: number, minRatio: number): PresenceDecision {
  // Count each column once even if a caller did not merge (one person signed on two rows).
  const byColumn = new Map<string, Mark>();
  for (const m of marks) if (!byColumn.get(m.column)?.present) byColumn.set(m.column, m);
  const cols = [...byColumn.values()];
  const checked = cols.filter((m) => m.present).length;
  const share = checked / cols.length;
  const attended = checked > 0 && share + 1e-9 >= minRatio;
  const ms = share * windowMs;
  if (cols.length === 1) {
    const m = cols[0]!;
    const code = m.present ? 'PRESENCE_MARKED_PRESENT' : 'PRESENCE_MARKED_ABSENT';
    return { attended, ms, reason: { code, params: { column: m.column, value: m.value } } };
  }
  const list = cols.map((m) => `${m.column} = ${m.value || '∅'}`).join(', ');
  const params = {
    list,
    checked,
    of: cols.length,
    percent: percentOf(share),
    threshold: thresholdPercent(minRatio),
    met: attended ? 1 : 0,
  };
  return { attended, ms, reason: { code: 'PRESENCE_MARKS_SHARE', params } };
}
