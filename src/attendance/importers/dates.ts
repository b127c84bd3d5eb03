import { AppError } from '../../shared/errors';
import type { Interval } from '../presence';
import { isValidDate, toLocal, zonedToUtc, type LocalDateTime } from './zoned-time';

/**
 * Timestamps as export tools write them: `Mar 28, 2020 08:07:27` (Zoom), `03/28/2020 08:07:27 AM`
 * (Zoom US), `14/11/22, 09:29:07` / `7/22/26, 7:00:11 PM` (Teams, downloader's locale),
 * `12/06/2025 09:05` (Excel FR), ISO 8601, `12 juin 2025 10:01`, or a time alone (`09:05`, `9h05`).
 * Values without an offset are wall-clock times in the import's time zone.
 */

export type DateOrder = 'dmy' | 'mdy';
/** Why an order may be assumed when every value is ambiguous (both parts ≤ 12). */
export interface DateHint {
  order: DateOrder;
  basis: 'french' | 'twelve-hour' | 'zoom';
}
export type DateRead = { ms: number } | { empty: true } | { invalid: true } | { noDay: true };
export type LocalDay = Pick<LocalDateTime, 'y' | 'mo' | 'd'>;

const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'janv', 'janvier'],
  ['feb', 'february', 'fev', 'fevr', 'fevrier'],
  ['mar', 'march', 'mars'],
  ['apr', 'april', 'avr', 'avril'],
  ['may', 'mai'],
  ['jun', 'june', 'juin'],
  ['jul', 'july', 'juil', 'juillet'],
  ['aug', 'august', 'aou', 'aout'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'decembre'],
].forEach((names, i) => {
  for (const n of names) MONTHS[n] = i + 1;
});

// `14 h 05` (spaced, the French typographic rule) is how people type times in a sign-in sheet.
const TIME = /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?|\s?h\s?(\d{2})?)\s*([ap])?\.?\s*(?:m\.?)?$/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
export const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?\s+(?:à\s+)?(.+))?$/i;
const MONTH_FIRST = /^([a-zà-ÿ]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(.+))?$/i;
const DAY_FIRST = /^(\d{1,2})\s+([a-zà-ÿ]{3,9})\.?\s+(\d{4})(?:,?\s+(?:à\s+)?(.+))?$/i;

// A few hours of per-second timestamps, about 100 bytes each; longer text is no timestamp worth keeping.
const MAX_KNOWN = 50_000;
const MAX_KNOWN_LENGTH = 64;

// `--` is Zoom's no-show placeholder; `NA` appears once a report went through R or pandas.
const isEmpty = (v: string) => v === '' || /^([-–—]+|n\/?a)$/i.test(v);
const month = (name: string) =>
  MONTHS[
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
  ];
const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
// Runs of any white space become one space; most values have single spaces only, and are kept as they are.
const collapseSpaces = (v: string) => (/[^\S ]|\s\s/.test(v) ? v.replace(/\s+/g, ' ') : v);

function parseTime(raw: string | undefined): { h: number; mi: number; s: number } | null {
  if (raw === undefined) return { h: 0, mi: 0, s: 0 };
  const m = TIME.exec(raw.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2] ?? m[4] ?? 0);
  const s = Number(m[3] ?? 0);
  const ampm = m[5]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm === 'p' ? 12 : 0);
  }
  return h < 24 && mi < 60 && s < 60 ? { h, mi, s } : null;
}

/** How a numeric `a/b/y` value constrains the order: decisive one way, ambiguous, or neither (a = b). */
export function classifyNumeric(raw: string): DateOrder | 'ambiguous' | 'same' | null {
  const m = NUMERIC.exec(raw.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a === b) return 'same';
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return a <= 12 && b <= 12 ? 'ambiguous' : null;
}

export const hasTwelveHourClock = (raw: string) => NUMERIC.test(raw.trim()) && /\d\s*[ap]\.?m\.?$/i.test(raw.trim());

type Warn = (code: string, params: Record<string, string | number>, line?: number) => void;

/** Reads timestamps of one file; decides its day/month order once, from the values, and never silently. */
export class DateReader {
  order: DateOrder | null = null;
  /** Day used for time-only values (meeting date in the report, else the event's first day). */
  baseDay: LocalDay | null = null;
  hint: DateHint | null = null;
  /**
   * Results per raw value already read: a report repeats its timestamps (at most one per second of
   * the event), so each distinct value is parsed once. Bounded: past the limit, values are parsed each time.
   */
  private readonly known = new Map<string, DateRead>();

  constructor(
    readonly timezone: string,
    private readonly window: Interval | null,
    private readonly warn: Warn,
  ) {
    if (window) this.baseDay = toLocal(window.start, timezone);
  }

  /** Values in the first kilobytes settle the order before any row is read; contradictions are fatal. */
  prescan(rows: string[][]): void {
    for (const row of rows) {
      for (const cell of row) {
        const c = classifyNumeric(cell);
        if (c !== 'dmy' && c !== 'mdy') continue;
        if (this.order && this.order !== c)
          throw new AppError('IMPORT_DATE_ORDER_CONFLICT', 422, { value: cell.trim(), order: this.order });
        this.order = c;
      }
    }
  }

  read(raw: string, line: number, baseDay: LocalDay | null = this.baseDay): DateRead {
    const known = this.known.get(raw);
    if (known) return known;
    const v = collapseSpaces(raw.trim());
    // A time alone reads on `baseDay`, which callers vary, so it is never remembered. Checking it first
    // changes nothing: TIME needs `:` or `h` (after at most one space) right after its first digits, where
    // every dated shape below has a letter other than `h`, a digit, `-`, `/`, `.` or a space.
    if (TIME.test(v)) return baseDay ? this.compose(baseDay.y, baseDay.mo, baseDay.d, v) : { noDay: true };
    const r = this.readDated(v, line);
    if (raw.length <= MAX_KNOWN_LENGTH && this.known.size < MAX_KNOWN) this.known.set(raw, r);
    return r;
  }

  /**
   * A value that names its day. The result depends only on the value: the day/month order, once
   * settled, never changes, and a value that settles it or contradicts it does so on its first read.
   */
  private readDated(v: string, line: number): DateRead {
    if (isEmpty(v)) return { empty: true };
    let m = ISO.exec(v);
    if (m) {
      const t = { y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0) };
      if (!isValidDate(t.y, t.mo, t.d) || t.h > 23 || t.mi > 59 || t.s > 59) return { invalid: true };
      if (!m[7]) return { ms: zonedToUtc(t, this.timezone) };
      const z = m[7].toUpperCase();
      const off = z === 'Z' ? 0 : (z[0] === '-' ? -1 : 1) * (+z.slice(1, 3) * 60 + +z.slice(-2));
      return { ms: Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s) - off * 60_000 };
    }
    if ((m = NUMERIC.exec(v))) {
      const order = this.orderFor(Number(m[1]), Number(m[2]), year(m[3]!), v, line);
      const [d, mo] = order === 'dmy' ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
      return this.compose(year(m[3]!), mo, d, m[4]);
    }
    let mo: number | undefined;
    if ((m = MONTH_FIRST.exec(v)) && (mo = month(m[1]!))) return this.compose(+m[3]!, mo, +m[2]!, m[4]);
    if ((m = DAY_FIRST.exec(v)) && (mo = month(m[2]!))) return this.compose(+m[3]!, mo, +m[1]!, m[4]);
    return { invalid: true };
  }

  /** A calendar day alone (sign-in sheet `Date` column, Meet header `Date`). */
  readDay(raw: string, line: number): LocalDay | null {
    const r = this.read(raw, line, null);
    return 'ms' in r ? toLocal(r.ms, this.timezone) : null;
  }

  private compose(y: number, mo: number, d: number, time: string | undefined): DateRead {
    const t = parseTime(time);
    if (!t || !isValidDate(y, mo, d)) return { invalid: true };
    return { ms: zonedToUtc({ y, mo, d, h: t.h, mi: t.mi, s: t.s }, this.timezone) };
  }

  private orderFor(a: number, b: number, y: number, value: string, line: number): DateOrder {
    if (a === b) return this.order ?? 'dmy';
    const decisive: DateOrder | null = a > 12 && b <= 12 ? 'dmy' : b > 12 && a <= 12 ? 'mdy' : null;
    if (decisive) {
      if (this.order && this.order !== decisive)
        throw new AppError('IMPORT_DATE_ORDER_CONFLICT', 422, { line, value, order: this.order });
      return (this.order = decisive);
    }
    if (this.order) return this.order;
    // Every value so far reads both ways: the event's dates decide, then the file's language.
    const fits = (['dmy', 'mdy'] as const).filter((o) => this.nearWindow(y, o === 'dmy' ? b : a, o === 'dmy' ? a : b));
    if (fits.length === 1) return (this.order = fits[0]!);
    if (this.hint) {
      this.warn('IMPORT_DATE_ORDER_ASSUMED', { order: this.hint.order, basis: this.hint.basis, value }, line);
      return (this.order = this.hint.order);
    }
    throw new AppError('IMPORT_DATE_ORDER_UNKNOWN', 422, { line, value });
  }

  private nearWindow(y: number, mo: number, d: number): boolean {
    if (!this.window || !isValidDate(y, mo, d)) return false;
    const day = Date.UTC(y, mo - 1, d);
    const from = toLocal(this.window.start, this.timezone);
    const to = toLocal(this.window.end, this.timezone);
    return day >= Date.UTC(from.y, from.mo - 1, from.d - 1) && day <= Date.UTC(to.y, to.mo - 1, to.d + 1);
  }
}
