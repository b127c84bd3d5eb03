import { describe, expect, it } from 'vitest';
import { DateReader } from '../../src/attendance/importers/dates';
import { parseDuration } from '../../src/attendance/importers/durations';
import { AppError } from '../../src/shared/errors';

const warnings: Array<{ code: string; params: Record<string, string | number> }> = [];
const reader = (window: { start: number; end: number } | null = null, tz = 'Europe/Paris') => {
  warnings.length = 0;
  return new DateReader(tz, window, (code, params) => warnings.push({ code, params }));
};
const ms = (r: ReturnType<DateReader['read']>) => ('ms' in r ? new Date(r.ms).toISOString() : r);
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : e;
  }
  return null;
};

describe('timestamps as export tools write them, read in the import time zone', () => {
  it('reads Zoom, Teams, Excel and ISO forms', () => {
    const d = reader();
    expect(ms(d.read('Jun 12, 2025 10:01:12', 1))).toBe('2025-06-12T08:01:12.000Z');
    expect(ms(d.read('Mar 28, 2020 8:07 AM', 1))).toBe('2020-03-28T07:07:00.000Z');
    expect(ms(d.read('Mar 28, 2020 2:20 PM', 1))).toBe('2020-03-28T13:20:00.000Z');
    expect(ms(d.read('12 juin 2025 à 10:01', 1))).toBe('2025-06-12T08:01:00.000Z');
    expect(ms(d.read('2025-06-12T10:01:12Z', 1))).toBe('2025-06-12T10:01:12.000Z');
    expect(ms(d.read('2025-06-12 10:01', 1))).toBe('2025-06-12T08:01:00.000Z');
    expect(ms(d.read('2025-06-12T10:01:12+05:30', 1))).toBe('2025-06-12T04:31:12.000Z');
    expect(d.read('--', 1)).toEqual({ empty: true });
    expect(d.read('NA', 1)).toEqual({ empty: true });
    expect(d.read('hier soir', 1)).toEqual({ invalid: true });
    expect(d.read('31/02/2025 10:00', 1)).toEqual({ invalid: true });
  });

  it('is DST-correct with Intl offsets (winter +1, summer +2, gap, overlap)', () => {
    const d = reader();
    expect(ms(d.read('2025-01-15 10:00', 1))).toBe('2025-01-15T09:00:00.000Z');
    expect(ms(d.read('2025-07-15 10:00', 1))).toBe('2025-07-15T08:00:00.000Z');
    // 30 March 2025 02:30 does not exist in Paris: read with the pre-transition offset (= 03:30 CEST).
    expect(ms(d.read('2025-03-30 02:30', 1))).toBe('2025-03-30T01:30:00.000Z');
    // 26 October 2025 02:30 happens twice: the first (summer-time) instant.
    expect(ms(d.read('2025-10-26 02:30', 1))).toBe('2025-10-26T00:30:00.000Z');
    expect(ms(reader(null, 'America/New_York').read('Jun 12, 2025 10:00 AM', 1))).toBe('2025-06-12T14:00:00.000Z');
  });

  it('reads a time alone on the base day, or says it has none', () => {
    const d = reader();
    expect(d.read('9h05', 1)).toEqual({ noDay: true });
    d.baseDay = { y: 2025, mo: 6, d: 26 };
    expect(ms(d.read('9h05', 1))).toBe('2025-06-26T07:05:00.000Z');
    expect(ms(d.read('2:01 PM', 1))).toBe('2025-06-26T12:01:00.000Z');
    expect(ms(d.read('14:05:30', 1))).toBe('2025-06-26T12:05:30.000Z');
  });
});

describe('day/month order: from the values, never guessed silently', () => {
  it('a value with a first part > 12 decides day first, a second part > 12 month first', () => {
    const dmy = reader();
    expect(ms(dmy.read('14/11/22, 09:29:07', 1))).toBe('2022-11-14T08:29:07.000Z');
    expect(ms(dmy.read('03/11/22, 09:29:07', 2))).toBe('2022-11-03T08:29:07.000Z');
    const mdy = reader();
    expect(ms(mdy.read('7/22/26, 7:00:11 PM', 1))).toBe('2026-07-22T17:00:11.000Z');
    expect(ms(mdy.read('7/03/26, 7:00:11 PM', 2))).toBe('2026-07-03T17:00:11.000Z');
  });

  it('the first rows settle the order before an earlier ambiguous value is read', () => {
    const d = reader();
    d.prescan([
      ['Start time', '03/11/22, 09:29:07'],
      ['x', '14/11/22, 09:30:00'],
    ]);
    expect(ms(d.read('03/11/22, 09:29:07', 1))).toBe('2022-11-03T08:29:07.000Z');
    expect(warnings).toEqual([]);
  });

  it('ambiguous values: the event dates decide', () => {
    const june12 = Date.UTC(2025, 5, 12, 8);
    expect(ms(reader({ start: june12, end: june12 + 7_200_000 }).read('06/12/2025 10:00', 1))).toBe(
      '2025-06-12T08:00:00.000Z',
    );
    expect(ms(reader({ start: june12, end: june12 + 7_200_000 }).read('12/06/2025 10:00', 1))).toBe(
      '2025-06-12T08:00:00.000Z',
    );
    expect(warnings).toEqual([]);
  });

  it('ambiguous values: the file language decides, with a warning', () => {
    const d = reader();
    d.hint = { order: 'dmy', basis: 'french' };
    expect(ms(d.read('11/12/2020, 10:00:00', 7))).toBe('2020-12-11T09:00:00.000Z');
    expect(warnings).toEqual([
      { code: 'IMPORT_DATE_ORDER_ASSUMED', params: { order: 'dmy', basis: 'french', value: '11/12/2020, 10:00:00' } },
    ]);
  });

  it('ambiguous with nothing to decide is fatal; so is a contradiction', () => {
    expect(thrown(() => reader().read('11/12/2020, 10:00:00', 3))).toBe('IMPORT_DATE_ORDER_UNKNOWN');
    const d = reader();
    d.read('14/11/22, 09:29:07', 1);
    expect(thrown(() => d.read('11/14/22, 09:29:07', 9))).toBe('IMPORT_DATE_ORDER_CONFLICT');
    expect(thrown(() => reader().prescan([['14/11/22'], ['11/14/22']]))).toBe('IMPORT_DATE_ORDER_CONFLICT');
    // Same day and month reads the same both ways: nothing to decide.
    expect(ms(reader().read('12/12/2025 10:00', 1))).toBe('2025-12-12T09:00:00.000Z');
  });
});

describe('durations', () => {
  it.each([
    ['78', 78 * 60_000],
    ['21m 7s', 1_267_000],
    ['1h 30m 51s', 5_451_000],
    ['1 h 2 min 3 s', 3_723_000],
    ['58 min', 3_480_000],
    ['1 hr 2 min', 3_720_000],
    ['42m', 2_520_000],
    ['01:02:03', 3_723_000],
    ['1 h 05', 3_900_000],
  ])('%s', (raw, expected) => expect(parseDuration(raw)).toBe(expected));

  it('bare numbers in seconds when the column says so; empty and unreadable apart', () => {
    expect(parseDuration('5760', 1000)).toBe(5_760_000);
    expect(parseDuration('--')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('12 abc')).toBeNull();
    expect(parseDuration('beaucoup')).toBeNull();
  });
});
