import { emptyEvidence, mergeEvidence, type Evidence, type Interval, type Mark } from '../presence';

/** What one row says, before the e-mail is checked. */
export interface RowEvidence {
  line: number;
  email: string;
  /** Header of the e-mail column, named in the row error when the address is invalid. */
  emailField: string;
  name: string | null;
  organisation: string | null;
  interval?: Interval;
  /** The interval is first-join → last-leave (not one session): `durationMs` caps it. */
  aggregated?: boolean;
  durationMs?: number;
  rate?: number;
  marks?: Mark[];
  waitingRoom?: boolean;
}

export interface PersonAcc {
  email: string;
  name: string | null;
  organisation: string | null;
  evidence: Evidence;
  lines: number[];
}
export interface UnmatchedAcc {
  line: number;
  name: string;
  evidence: Evidence;
}
export interface RowError {
  line: number;
  code: string;
  params: Record<string, string | number>;
  field?: string;
}

const MAX_ERRORS = 1000;
// Deliberately loose (IDN and `+` tags pass): the goal is catching typos and pasted names, not RFC 5322.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/u;

// ASCII is already in NFC: most addresses skip the Unicode normalisation.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included.
const ASCII = /^[\x00-\x7f]*$/;

export function normaliseEmail(raw: string): string {
  const email = raw.trim().replace(/^mailto:/i, '');
  return (ASCII.test(email) ? email : email.normalize('NFC')).toLowerCase();
}
const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Aggregates rows per e-mail as they arrive: memory grows with people, not rows.
 * Rows without a usable e-mail are aggregated per name for manual matching, never dropped.
 */
export class Collector {
  readonly people = new Map<string, PersonAcc>();
  readonly unmatched = new Map<string, UnmatchedAcc>();
  readonly staff = new Map<string, { role: string; line: number }>();
  staffWithoutEmail = 0;
  readonly errors: RowError[] = [];
  errorCount = 0;

  error(line: number, code: string, params: Record<string, string | number>, field?: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ line, code, params: { line, ...params }, field });
  }

  addStaff(rawEmail: string, role: string, line: number): void {
    const email = normaliseEmail(rawEmail);
    if (!EMAIL.test(email)) this.staffWithoutEmail++;
    else if (!this.staff.has(email)) this.staff.set(email, { role, line });
  }

  add(row: RowEvidence): void {
    const ev = toEvidence(row);
    const email = normaliseEmail(row.email);
    const valid = email !== '' && EMAIL.test(email);
    if (email && !valid) {
      this.error(row.line, 'IMPORT_EMAIL_INVALID', { field: row.emailField, value: row.email.trim() }, row.emailField);
    }
    if (!valid) {
      this.addUnmatched(row.name || row.email.trim(), row.line, ev);
      return;
    }
    const p = this.people.get(email);
    if (p) {
      p.name ??= row.name || null;
      p.organisation ??= row.organisation || null;
      p.lines.push(row.line);
      mergeEvidence(p.evidence, ev);
      return;
    }
    // Most people have one row: `[line]` is sized to it, where push() would reserve 17 slots.
    const evidence = emptyEvidence();
    mergeEvidence(evidence, ev);
    this.people.set(email, {
      email,
      name: row.name || null,
      organisation: row.organisation || null,
      evidence,
      lines: [row.line],
    });
  }

  addUnmatched(name: string, line: number, ev: Evidence): void {
    const key = nameKey(name);
    let u = this.unmatched.get(key);
    if (!u) {
      u = { line, name: name.trim(), evidence: emptyEvidence() };
      this.unmatched.set(key, u);
    }
    mergeEvidence(u.evidence, ev);
  }
}

function toEvidence(row: RowEvidence): Evidence {
  const ev = emptyEvidence();
  if (row.interval) ev.intervals.push(row.interval);
  if (row.interval && row.aggregated && row.durationMs !== undefined) ev.spanCapMs = row.durationMs;
  else if (!row.interval && row.durationMs !== undefined) ev.durationMs = row.durationMs;
  if (row.rate !== undefined) ev.rate = row.rate;
  if (row.marks) ev.marks.push(...row.marks);
  ev.waitingRoom = row.waitingRoom === true;
  return ev;
}
