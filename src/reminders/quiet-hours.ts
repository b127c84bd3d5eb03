import type { QuietHours } from './reminders.schemas';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock in `timeZone` at an instant (Intl knows the DST rules). */
export function wallClock(at: Date, timeZone: string): WallClock {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

/** The instant at which `timeZone` shows this wall clock (day overflow allowed: day 32 is next month). */
export function fromWallClock(y: number, month: number, day: number, h: number, m: number, timeZone: string): Date {
  const guess = Date.UTC(y, month - 1, day, h, m);
  const offsetAt = (at: number) => {
    const w = wallClock(new Date(at), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(at / 60_000) * 60_000;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

function inQuietHours(minute: number, q: QuietHours): boolean {
  const from = minutesOf(q.from);
  const to = minutesOf(q.to);
  if (from === to) return false;
  return from > to ? minute >= from || minute < to : minute >= from && minute < to;
}

/** True when no reminder may leave at `at` in `timeZone` (night hours, or a weekend when asked). */
export function isQuiet(at: Date, timeZone: string, q: QuietHours): boolean {
  const w = wallClock(at, timeZone);
  if (q.weekends && (w.weekday === 0 || w.weekday === 6)) return true;
  return inQuietHours(w.hour * 60 + w.minute, q);
}

/** `at`, or the first moment after it when a reminder may leave: the end of the quiet hours, on a weekday. */
export function nextAllowed(at: Date, timeZone: string, q: QuietHours): Date {
  let t = at;
  const to = minutesOf(q.to);
  // At most a night and a weekend to skip: a few steps, whatever the input.
  for (let step = 0; step < 8 && isQuiet(t, timeZone, q); step++) {
    const w = wallClock(t, timeZone);
    const minute = w.hour * 60 + w.minute;
    const sameDay = inQuietHours(minute, q) && minute < to;
    t = fromWallClock(w.year, w.month, w.day + (sameDay ? 0 : 1), Math.floor(to / 60), to % 60, timeZone);
  }
  return t;
}
