import { describe, expect, it } from 'vitest';
import {
  addInterval,
  clippedUnionMs,
  decidePresence,
  emptyEvidence,
  mergeEvidence,
  type Evidence,
} from '../../src/attendance/presence';

const MIN = 60_000;
const window = { start: 0, end: 120 * MIN };
const at = (from: number, to: number) => ({ start: from * MIN, end: to * MIN });
const evidence = (patch: Partial<Evidence>): Evidence => ({ ...emptyEvidence(), ...patch });

describe('interval union', () => {
  it('merges overlapping and touching intervals, keeps gaps', () => {
    const list = [at(0, 10)];
    addInterval(list, at(30, 40));
    addInterval(list, at(5, 20));
    addInterval(list, at(20, 25));
    addInterval(list, at(50, 60));
    expect(list).toEqual([at(0, 25), at(30, 40), at(50, 60)]);
    addInterval(list, at(-5, 55));
    expect(list).toEqual([at(-5, 60)]);
  });

  it('counts two devices at once once, and clips to the window', () => {
    expect(clippedUnionMs([at(10, 50), at(20, 60)], window)).toBe(50 * MIN);
    expect(clippedUnionMs([at(-30, 45)], window)).toBe(45 * MIN);
    expect(clippedUnionMs([at(100, 200)], window)).toBe(20 * MIN);
    expect(clippedUnionMs([at(-60, -1), at(121, 130)], window)).toBe(0);
  });
});

describe('decidePresence', () => {
  it('attends exactly at the threshold, not one second below', () => {
    const exact = decidePresence(evidence({ intervals: [at(30, 90)] }), window, 0.5);
    expect(exact.attended).toBe(true);
    expect(exact.reason).toEqual({
      code: 'PRESENCE_TIME_MET',
      params: { minutes: 60, total: 120, percent: 50, threshold: 50, basis: 'times' },
    });
    const below = decidePresence(evidence({ intervals: [{ start: 30 * MIN, end: 90 * MIN - 1000 }] }), window, 0.5);
    expect(below.attended).toBe(false);
    expect(below.reason.params).toMatchObject({ minutes: 59.9, percent: 49 });
  });

  it('adds rejoins up, but not overlapping devices', () => {
    const rejoins = evidence({ intervals: [] });
    for (const iv of [at(0, 30), at(40, 70)]) addInterval(rejoins.intervals, iv);
    expect(decidePresence(rejoins, window, 0.5).ms).toBe(60 * MIN);
    const devices = evidence({ intervals: [] });
    for (const iv of [at(0, 40), at(10, 50)]) addInterval(devices.intervals, iv);
    expect(decidePresence(devices, window, 0.5)).toMatchObject({ attended: false, ms: 50 * MIN });
  });

  it('prefers timestamps over a duration column (Zoom rounds minutes up)', () => {
    const d = decidePresence(evidence({ intervals: [at(0, 59)], durationMs: 61 * MIN }), window, 0.5);
    expect(d).toMatchObject({ attended: false, ms: 59 * MIN });
  });

  it('uses a duration column only when there are no timestamps, capped at the window', () => {
    expect(decidePresence(evidence({ durationMs: 60 * MIN }), window, 0.5).reason).toMatchObject({
      code: 'PRESENCE_TIME_MET',
      params: { basis: 'duration' },
    });
    expect(decidePresence(evidence({ durationMs: 500 * MIN }), window, 0.5).ms).toBe(120 * MIN);
  });

  it('caps a first-join→last-leave span by the reported in-meeting time', () => {
    const d = decidePresence(evidence({ intervals: [at(0, 120)], spanCapMs: 40 * MIN }), window, 0.5);
    expect(d).toMatchObject({ attended: false, ms: 40 * MIN });
    expect(d.reason.params.basis).toBe('capped');
  });

  it('counts a single presence column as full presence, several by share', () => {
    const oui = decidePresence(evidence({ marks: [{ column: 'Présent', value: 'Oui', present: true }] }), window, 0.9);
    expect(oui).toMatchObject({
      attended: true,
      ms: 120 * MIN,
      reason: { code: 'PRESENCE_MARKED_PRESENT', params: { column: 'Présent', value: 'Oui' } },
    });
    const non = decidePresence(evidence({ marks: [{ column: 'Présent', value: 'Non', present: false }] }), window, 0);
    expect(non).toMatchObject({ attended: false, reason: { code: 'PRESENCE_MARKED_ABSENT' } });
    const half = evidence({
      marks: [
        { column: 'Matin', value: 'X', present: true },
        { column: 'Après-midi', value: '', present: false },
      ],
    });
    expect(decidePresence(half, window, 0.5)).toMatchObject({
      attended: true,
      reason: { code: 'PRESENCE_MARKS_SHARE', params: { checked: 1, of: 2 } },
    });
    expect(decidePresence(half, window, 0.75).attended).toBe(false);
  });

  it('reads a reported attendance rate against the threshold', () => {
    expect(decidePresence(evidence({ rate: 0.5 }), window, 0.5)).toMatchObject({
      attended: true,
      reason: { code: 'PRESENCE_RATE_MET' },
    });
    expect(decidePresence(evidence({ rate: 0.49 }), window, 0.5).attended).toBe(false);
    // A 49,9 % rate is shown as 49 %, never as a contradictory « 50 % < 50 % ».
    expect(decidePresence(evidence({ rate: 0.499 }), window, 0.5)).toMatchObject({
      attended: false,
      reason: { params: { percent: 49 } },
    });
  });

  it('explains waiting-room-only and no evidence', () => {
    expect(decidePresence(evidence({ waitingRoom: true }), window, 0.5).reason.code).toBe('PRESENCE_WAITING_ROOM_ONLY');
    expect(decidePresence(emptyEvidence(), window, 0.5).reason.code).toBe('PRESENCE_NO_EVIDENCE');
  });

  it('merges evidence: one mark per column, present if any row says so', () => {
    const a = evidence({ marks: [{ column: 'Présent', value: '', present: false }] });
    mergeEvidence(a, evidence({ marks: [{ column: 'Présent', value: 'X', present: true }], intervals: [at(0, 10)] }));
    expect(a.marks).toEqual([{ column: 'Présent', value: 'X', present: true }]);
    expect(a.intervals).toEqual([at(0, 10)]);
  });
});
