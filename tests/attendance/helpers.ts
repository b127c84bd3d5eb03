import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseAttendance, type ImportAnalysis, type ParseOptions } from '../../src/attendance/importers/index';
import { AppError } from '../../src/shared/errors';

export const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'attendance', name));

/** An event window from ISO strings with explicit offsets (Paris: +02:00 in summer, +01:00 in winter). */
export const win = (startsAt: string, endsAt: string) => ({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) });

export function parse(
  input: Buffer | AsyncIterable<Buffer>,
  options: Partial<ParseOptions> = {},
): Promise<ImportAnalysis> {
  return parseAttendance(input, { timezone: 'Europe/Paris', minPresenceRatio: 0.5, ...options });
}

/** `email → [attended, reason]`, the shape most assertions compare. */
export const decisions = (a: ImportAnalysis) =>
  Object.fromEntries(a.people.map((p) => [p.email, [p.attended, p.reason.message]]));

export async function expectAppError(promise: Promise<unknown>, code: string, status?: number): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (status) expect((err as AppError).status).toBe(status);
  return err as AppError;
}
