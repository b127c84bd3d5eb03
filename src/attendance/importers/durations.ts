/**
 * Durations as tools print them: `78` (Zoom minutes, rounded up), `21m 7s` / `1h 30m 51s`
 * (Teams EN), `1 h 2 min 3 s` (Teams FR), `58 min` / `1 hr 2 min` / `42m` (Google Meet),
 * `01:02:03` (Excel), `3720` seconds (Livestorm API `attendance_duration`).
 * Returns milliseconds, `undefined` for an empty cell, `null` when unreadable.
 */

const UNITS: Array<[RegExp, number]> = [
  [/^(h|hr|hrs|hour|hours|heure|heures)$/, 3_600_000],
  [/^(m|mn|min|mins|minute|minutes)$/, 60_000],
  [/^(s|sec|secs|second|seconds|seconde|secondes)$/, 1_000],
];
const TOKEN = /(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?/gi;

const num = (s: string) => Number(s.replace(',', '.'));

export function parseDuration(raw: string, bareUnitMs = 60_000): number | null | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '' || /^([-–—]+|n\/?a)$/.test(v)) return undefined;
  if (/^\d+(?:[.,]\d+)?$/.test(v)) return Math.round(num(v) * bareUnitMs);
  let m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (m) return ((+m[1]! * 60 + +m[2]!) * 60 + +(m[3] ?? 0)) * 1000;
  // French `1 h 05` leaves the minutes unit implicit.
  m = /^(\d+)\s*h\s*(\d{1,2})$/.exec(v);
  if (m) return (+m[1]! * 60 + +m[2]!) * 60_000;
  let total = 0;
  let tokens = 0;
  for (const t of v.matchAll(TOKEN)) {
    const unit = UNITS.find(([re]) => re.test(t[2]!));
    if (!unit) return null;
    total += num(t[1]!) * unit[1];
    tokens++;
  }
  // Everything but separators must have been read, or `12 abc` would pass as 12.
  const rest = v.replace(TOKEN, '').replace(/[\s,]+/g, '');
  return tokens > 0 && !rest ? Math.round(total) : null;
}
