import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attendanceErrors } from '../../src/attendance/attendance.text';
import { importRowTexts } from '../../src/attendance/import-rows.text';
import { commonErrors } from '../../src/shared/common.text';
import { translate } from '../../src/text';
import { say } from '../../src/shared/text';

// Every file of the attendance area (importers, presence rule, import service) uses this catalogue.
const src = join(import.meta.dirname, '..', '..', 'src', 'attendance');
const files = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.text.ts'))
  .map((f) => join(src, f));
const used = new Set(
  files
    .flatMap((f) => readFileSync(f, 'utf8').match(/'(IMPORT|PRESENCE)_[A-Z0-9_]+'/g) ?? [])
    .map((c) => c.slice(1, -1)),
);
const params = {
  line: 12,
  field: 'Courriel',
  value: 'x',
  count: 2,
  headers: 'a, b',
  missing: 'c',
  kind: 'png',
  bytes: 3,
  timezone: 'X',
  order: 'dmy',
  basis: 'french',
  email: 'a@b.fr',
  role: 'host',
  format: 'teams',
  encoding: 'utf-8',
  minutes: 87,
  total: 120,
  percent: 72,
  threshold: 50,
  column: 'Présent',
  list: 'Matin = X',
  checked: 1,
  of: 2,
  met: 1,
  joined: '10:00',
  left: '09:00',
  shown: 1,
  title: 'T',
  limit: '128 Mo/MB',
};

describe('attendance message catalogue', () => {
  it('has French and English text for every code the attendance area uses', () => {
    expect(used.size).toBeGreaterThan(40);
    for (const code of used) {
      expect(translate(code), code).not.toBe(code);
      for (const lang of ['fr', 'en'] as const) {
        const text = translate(code, params, lang);
        expect(text, `${code} ${lang}`).toMatch(/\S/);
        expect(text, `${code} ${lang}`).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('declares no unused code and none that collides with the shared catalogue', () => {
    const codes = [...Object.keys(attendanceErrors.fr), ...Object.keys(importRowTexts.fr)];
    expect(codes.filter((c) => !used.has(c))).toEqual([]);
    expect(codes.filter((c) => c in commonErrors.fr)).toEqual([]);
  });

  it('renders the reason like the brief: `87 min sur 120 (72 %) ≥ 50 %`', () => {
    expect(say(importRowTexts, 'fr', 'PRESENCE_TIME_MET', params)).toBe('87 min sur 120 (72 %) ≥ 50 %');
    expect(say(importRowTexts, 'en', 'PRESENCE_TIME_MET', params)).toBe('87 min of 120 (72%) ≥ 50%');
    expect(say(importRowTexts, 'fr', 'IMPORT_EMAIL_INVALID', params)).toMatch(/^Ligne 12 : .*« Courriel »/);
  });
});
