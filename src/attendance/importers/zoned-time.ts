/**
 * Wall-clock time in an IANA zone ↔ UTC, with Intl only (no date library): export files
 * carry local times without an offset, in the host's or downloader's zone.
 */

export interface LocalDateTime {
  y: number;
  mo: number; // 1–12
  d: number;
  h: number;
  mi: number;
  s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 900_000;

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function toLocal(utcMs: number, tz: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { y: parts.year!, mo: parts.month!, d: parts.day!, h: parts.hour! % 24, mi: parts.minute!, s: parts.second! };
}

/**
 * Offset (local − UTC) in ms. Zone transitions fall on quarter hours, so cache per UTC quarter hour:
 * a 100 000-row file needs a handful of Intl calls.
 */
function offsetAt(utcMs: number, tz: string): number {
  const bucket = Math.floor(utcMs / QUARTER_HOUR);
  let zone = offsetCache.get(tz);
  if (!zone) offsetCache.set(tz, (zone = new Map()));
  let off = zone.get(bucket);
  if (off === undefined) {
    const at = bucket * QUARTER_HOUR;
    const l = toLocal(at, tz);
    off = Date.UTC(l.y, l.mo - 1, l.d, l.h, l.mi, l.s) - at;
    if (zone.size > 10_000) zone.clear();
    zone.set(bucket, off);
  }
  return off;
}

/**
 * DST-correct: try the offsets in force 12 h before and after; keep the earliest that maps back
 * (an autumn-overlap time is read as its first, summer-time instant); a spring-gap time, which
 * does not exist, is read with the pre-transition offset (moves forward by the gap).
 */
export function zonedToUtc(t: LocalDateTime, tz: string): number {
  const asUtc = Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s);
  const before = offsetAt(asUtc - 43_200_000, tz);
  const after = offsetAt(asUtc + 43_200_000, tz);
  const withBefore = asUtc - before;
  const withAfter = asUtc - after;
  const beforeMapsBack = asUtc - offsetAt(withBefore, tz) === withBefore;
  // Both offsets are the same outside the days of a transition: one check is enough.
  const afterMapsBack = after === before ? beforeMapsBack : asUtc - offsetAt(withAfter, tz) === withAfter;
  if (beforeMapsBack && afterMapsBack) return Math.min(withBefore, withAfter);
  if (afterMapsBack) return withAfter;
  return withBefore;
}

export function isValidDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
