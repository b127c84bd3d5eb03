import { setManualAttendance, listAttendanceOfLearner, type AttendanceDeps } from '../attendance/attendance.service';
import { findLearnerByEmail } from '../learners/learners.service';
import type { Programme } from '../programme/load-programme';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';

/** A viewers export is a short list: bounded whatever the file says. */
export const REPLAY_MAX_BYTES = 1_048_576;
const MAX_ROWS = 5_000;
const EMAIL = /^[^\s@;,"]+@[^\s@;,"]+\.[^\s@;,"]+$/;

/** One CSV line into cells (double quotes may hold the delimiter and doubled quotes). */
function cells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

/**
 * The e-mails of a recording-viewers export (Zoom's, or any CSV whose header names an e-mail
 * column: `Email`, `E-mail`, `Adresse e-mail`, `Courriel`), delimiter `,`, `;` or tab.
 */
export function viewerEmails(text: string): { emails: string[]; invalid: number } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, MAX_ROWS + 50);
  const headerAt = lines.findIndex((l) => /e-?mail|courriel/i.test(l));
  if (headerAt < 0)
    throw new AppError('REMINDER_REPLAY_NO_EMAIL_COLUMN', 422, {}, [{ field: 'file', reason: 'no_email_column' }]);
  const header = lines[headerAt]!;
  const delimiter = [',', ';', '\t'].sort((a, b) => header.split(b).length - header.split(a).length)[0]!;
  const column = cells(header, delimiter).findIndex((h) => /e-?mail|courriel/i.test(h));
  const emails = new Set<string>();
  let invalid = 0;
  for (const line of lines.slice(headerAt + 1, headerAt + 1 + MAX_ROWS)) {
    if (line.trim() === '') continue;
    const value = cells(line, delimiter)[column] ?? '';
    if (EMAIL.test(value)) emails.add(normaliseEmail(value));
    else invalid++;
  }
  return { emails: [...emails], invalid };
}

/**
 * Records who watched a webinar's recording as the `replay` attendance status (which meets an
 * `attended` condition), through the same audited use-case as attendance set by hand. Someone
 * already present live stays present. Only for an event that declares its replay.
 */
export async function recordReplayViewers(
  deps: AttendanceDeps & { programme: Programme },
  actor: Actor,
  input: { event: string; text: string },
): Promise<{ recorded: number; alreadyAttended: number; invalid: number }> {
  if (!deps.programme.events.find((e) => e.key === input.event)?.replay)
    throw new AppError('REMINDER_REPLAY_NOT_DECLARED', 400, { event: input.event }, [
      { field: 'event', reason: 'no_replay' },
    ]);
  const { emails, invalid } = viewerEmails(input.text);
  let recorded = 0;
  let alreadyAttended = 0;
  for (const email of emails) {
    const learner = await findLearnerByEmail(deps.db, email);
    const rows = learner ? await listAttendanceOfLearner(deps.db, learner.id) : [];
    if (rows.some((r) => r.eventKey === input.event && r.status !== 'absent')) {
      alreadyAttended++;
      continue;
    }
    await setManualAttendance(deps, actor, {
      eventKey: input.event,
      email,
      status: 'replay',
      note: 'recording viewers export',
    });
    recorded++;
  }
  return { recorded, alreadyAttended, invalid };
}
