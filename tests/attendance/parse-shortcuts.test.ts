import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../src/attendance/importers/collector';
import { DateReader } from '../../src/attendance/importers/dates';
import { zonedToUtc } from '../../src/attendance/importers/zoned-time';
import { clippedUnionMs, decidePresence, emptyEvidence, mergeEvidence } from '../../src/attendance/presence';
import { AppError } from '../../src/shared/errors';
import { parse, win } from './helpers';

// The parser remembers what it already read (timestamps, reasons, ISO strings) and skips work it
// can prove useless: these tests pin down that the results are the same as reading every value afresh.

const iso = (r: ReturnType<DateReader['read']>) => ('ms' in r ? new Date(r.ms).toISOString() : r);

describe('timestamps read once per distinct value', () => {
  it('a repeated value reads the same; white space variants too', () => {
    const d = new DateReader('Europe/Paris', null, () => {});
    for (let i = 0; i < 3; i++) expect(iso(d.read('Jun 12, 2025 10:01:12', i))).toBe('2025-06-12T08:01:12.000Z');
    for (const v of [
      ' Jun 12, 2025  10:01:12 ',
      'Jun 12,\t2025 10:01:12',
      'Jun\u00a012, 2025 10:01:12',
      'Jun 12, 2025\u202f10:01:12',
    ]) {
      expect(iso(d.read(v, 1))).toBe('2025-06-12T08:01:12.000Z');
    }
    expect(iso(d.read('Mär 12, 2025 10:00', 1))).toBe('2025-03-12T09:00:00.000Z');
    expect(d.read('Foo 12, 2025 10:00', 1)).toEqual({ invalid: true });
    expect(d.read('Foo 12, 2025 10:00', 1)).toEqual({ invalid: true });
  });

  it('a time alone is read on the day given each time, never remembered', () => {
    const d = new DateReader('Europe/Paris', null, () => {});
    expect(d.read('9h05', 1)).toEqual({ noDay: true });
    expect(iso(d.read('9h05', 2, { y: 2025, mo: 6, d: 26 }))).toBe('2025-06-26T07:05:00.000Z');
    expect(iso(d.read('9h05', 3, { y: 2025, mo: 12, d: 1 }))).toBe('2025-12-01T08:05:00.000Z');
    expect(d.readDay('9h05', 4)).toBeNull();
    d.baseDay = { y: 2026, mo: 3, d: 12 };
    expect(iso(d.read('9h05', 5))).toBe('2026-03-12T08:05:00.000Z');
  });

  it('a value read again still settles nothing new and contradicts what it contradicted', () => {
    const warnings: string[] = [];
    const d = new DateReader('Europe/Paris', null, (code) => warnings.push(code));
    d.hint = { order: 'dmy', basis: 'french' };
    expect(iso(d.read('11/12/2020, 10:00:00', 1))).toBe('2020-12-11T09:00:00.000Z');
    expect(iso(d.read('11/12/2020, 10:00:00', 2))).toBe('2020-12-11T09:00:00.000Z');
    expect(warnings).toEqual(['IMPORT_DATE_ORDER_ASSUMED']);
    expect(() => d.read('11/14/2020, 10:00:00', 3)).toThrow(AppError);
    expect(() => d.read('11/14/2020, 10:00:00', 4)).toThrow(AppError);
  });

  it('is DST-correct with half-hour and 45-minute zones (gap read forward, overlap read first)', () => {
    const at = (tz: string, y: number, mo: number, d: number, h: number, mi: number) =>
      new Date(zonedToUtc({ y, mo, d, h, mi, s: 0 }, tz)).toISOString();
    // Lord Howe moves by 30 minutes: 02:15 on 5 October 2025 does not exist, 01:45 on 6 April happens twice.
    expect(at('Australia/Lord_Howe', 2025, 10, 5, 2, 15)).toBe('2025-10-04T15:45:00.000Z');
    expect(at('Australia/Lord_Howe', 2025, 4, 6, 1, 45)).toBe('2025-04-05T14:45:00.000Z');
    expect(at('America/New_York', 2025, 3, 9, 2, 30)).toBe('2025-03-09T07:30:00.000Z');
    expect(at('America/New_York', 2025, 11, 2, 1, 30)).toBe('2025-11-02T05:30:00.000Z');
    expect(at('Asia/Kathmandu', 2025, 6, 12, 10, 0)).toBe('2025-06-12T04:15:00.000Z');
  });
});

describe('a sign-in sheet over several days', () => {
  it('reads the same time alone on the day of its own row', async () => {
    const sheet = Buffer.from(
      [
        "Date;Nom;Prénom;Adresse mail;Heure d'arrivée;Heure de départ",
        '12/03/2026;Dupont;Jean;jean.dupont@mairie.example;9h00;12h00',
        '13/03/2026;Martin;Lucie;lucie.martin@mairie.example;9h00;12h00',
        '12/03/2026;Martin;Lucie;lucie.martin@mairie.example;14:00;17:00',
      ].join('\n'),
    );
    const a = await parse(sheet, { window: win('2026-03-12T09:00:00+01:00', '2026-03-13T12:00:00+01:00') });
    expect(a.people.map((p) => [p.email, p.firstSeenAt, p.lastSeenAt])).toEqual([
      ['jean.dupont@mairie.example', '2026-03-12T08:00:00.000Z', '2026-03-12T11:00:00.000Z'],
      ['lucie.martin@mairie.example', '2026-03-12T13:00:00.000Z', '2026-03-13T11:00:00.000Z'],
    ]);
  });
});

describe('e-mail normalisation', () => {
  it('trims, drops mailto:, composes accents and lowercases, ASCII or not', () => {
    expect(normaliseEmail(' mailto:Agent.1@Commune.EXAMPLE ')).toBe('agent.1@commune.example');
    expect(normaliseEmail('ZOE\u0301@commune.example')).toBe('zoé@commune.example');
    expect(normaliseEmail('ÉLISE@Mairie.example')).toBe('élise@mairie.example');
  });
});

describe('interval union shortcut', () => {
  const MIN = 60_000;
  const w = { start: 0, end: 120 * MIN };
  const at = (from: number, to: number) => ({ start: from * MIN, end: to * MIN });

  it('sorted disjoint lists are summed as they are; anything else is merged first', () => {
    expect(clippedUnionMs([at(0, 10), at(20, 30)], w)).toBe(20 * MIN);
    expect(clippedUnionMs([at(20, 30), at(0, 10)], w)).toBe(20 * MIN);
    expect(clippedUnionMs([at(0, 10), at(10, 30)], w)).toBe(30 * MIN);
    expect(clippedUnionMs([at(0, 20), at(10, 30)], w)).toBe(30 * MIN);
    // A reversed interval counts for nothing, and its neighbours are merged as before.
    expect(clippedUnionMs([at(0, 100), at(110, 50), at(60, 70)], w)).toBe(100 * MIN);
  });

  it('a first interval is copied into the evidence, not shared with the row', () => {
    const into = emptyEvidence();
    const from = { ...emptyEvidence(), intervals: [at(0, 60)] };
    mergeEvidence(into, from);
    from.intervals[0]!.end = 120 * MIN;
    expect(into.intervals).toEqual([at(0, 60)]);
    expect(decidePresence(into, w, 0.5).attended).toBe(true);
  });
});

describe('reasons rendered once per distinct decision', () => {
  /** Zoom webinar report with one attendee row per (join, leave) pair, in the given order. */
  const report = (rows: Array<[string, string]>) =>
    Buffer.from(
      [
        'Attendee Report,',
        'Attendee Details,',
        'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes)',
        ...rows.map(
          ([from, to], i) => `Yes,Agent ${i},agent${i}@commune.example,"Jun 12, 2025 ${from}","Jun 12, 2025 ${to}",1`,
        ),
      ].join('\n'),
    );

  it('each person gets the text of their own figures, in the asked language', async () => {
    const rows: Array<[string, string]> = [
      ['10:00:00', '11:00:00'],
      ['10:00:00', '10:59:54'],
      ['10:00:00', '11:00:00'],
      ['10:30:00', '12:00:00'],
      ['10:00:00', '10:59:54'],
    ];
    const a = await parse(report(rows), {
      window: win('2025-06-12T10:00:00+02:00', '2025-06-12T12:00:00+02:00'),
      lang: 'en',
    });
    expect(a.people.map((p) => [p.reason.message, p.firstSeenAt, p.lastSeenAt])).toEqual([
      ['60 min of 120 (50%) ≥ 50%', '2025-06-12T08:00:00.000Z', '2025-06-12T09:00:00.000Z'],
      ['59.9 min of 120 (49%) < 50%', '2025-06-12T08:00:00.000Z', '2025-06-12T08:59:54.000Z'],
      ['60 min of 120 (50%) ≥ 50%', '2025-06-12T08:00:00.000Z', '2025-06-12T09:00:00.000Z'],
      ['90 min of 120 (75%) ≥ 50%', '2025-06-12T08:30:00.000Z', '2025-06-12T10:00:00.000Z'],
      ['59.9 min of 120 (49%) < 50%', '2025-06-12T08:00:00.000Z', '2025-06-12T08:59:54.000Z'],
    ]);
  });
});
