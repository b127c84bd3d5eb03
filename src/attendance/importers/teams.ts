import { Collector } from './collector';
import { hasTwelveHourClock } from './dates';
import { cell, findCol, isBlankRow, normHeader, SYNONYMS } from './headers';
import { readRow, record, type Columns } from './rows';
import type { Detector, ImportContext, Importer } from './types';

/**
 * Microsoft Teams attendance report: UTF-16 with BOM, TAB, LF. Sections `1. Summary` (label/value
 * rows), `2. Participants` (one row per person: first join, last leave, in-meeting duration) and
 * `3. In-Meeting activities` (one row per join/leave). Labels are localised and only `3. Activités
 * en réunion` is verified in French, so sections are read by number and columns by name with a
 * positional fallback. 2021 reports have `Meeting Summary` and an unnumbered table instead.
 */

const TITLE = /^\s*([1-9])\.\s*\S/;
const ORGANISER_ROLE = /organi[sz]/i;
const PRESENTER_ROLE = /pr[ée]sent/i;
// `(Unverified)`, `(Non vérifié)`, `(Guest)`, `(Invité)`… are labels, not part of the name.
const NAME_LABEL = /\s*\((unverified|non v[ée]rifi[ée]e?|guest|invit[ée]e?|external|externe)\)\s*$/i;

const NAME = ['name', 'nom', 'full name', 'nom complet'];
const JOIN = [...SYNONYMS.joinedAt, 'heure de participation', 'premiere participation', 'participation'];
const LEAVE = [...SYNONYMS.leftAt, 'derniere sortie'];
const DURATION = [...SYNONYMS.duration, 'duree de la reunion', 'duree en reunion', 'duree dans la reunion'];
const UPN = ['participant id upn', 'id du participant upn', 'upn'];
const START = ['start time', 'meeting start time', 'heure de debut', 'debut', 'date et heure de debut'];
const END = ['end time', 'meeting end time', 'heure de fin', 'fin', 'date et heure de fin'];
// Column order of the known layouts, used for any header the synonyms do not recognise.
const POSITIONS: Record<
  2 | 3,
  Record<'name' | 'joinedAt' | 'leftAt' | 'duration' | 'email' | 'role' | 'upn', number>
> = {
  2: { name: 0, joinedAt: 1, leftAt: 2, duration: 3, email: 4, upn: 5, role: 6 },
  3: { name: 0, joinedAt: 1, leftAt: 2, duration: 3, email: 4, role: 5, upn: -1 },
};
// 2024+ reports put two breakout-room columns (room type, room name) right after the name in
// section 3 (8 columns, P: a French user's script). Without this shift, a join/leave label the
// synonyms miss (French labels are unverified) fell back onto the room columns: every row was lost.
const BREAKOUT_SECTION_3 = { name: 0, joinedAt: 3, leftAt: 4, duration: 5, email: 6, role: 7, upn: -1 };

const titleNumber = (cells: string[]) =>
  cells.filter((c) => c.trim()).length === 1 ? Number(TITLE.exec(cells[0] ?? '')?.[1] ?? NaN) : NaN;
const isTableHeader = (n: string[]) => findCol(n, NAME) >= 0 && findCol(n, JOIN) >= 0;

export const detectTeams: Detector = (rows) => {
  const head = rows.slice(0, 60);
  const numbers = new Set(head.map(titleNumber));
  const legacy2021 = normHeader(head.find((r) => !isBlankRow(r))?.[0] ?? '') === 'meeting summary';
  if (!(numbers.has(1) && numbers.has(2)) && !legacy2021) return null;
  // Dates such as `19/06/25, 10:00:00` put commas in every row: a comma split can look as regular
  // as the TAB one. Only the delimiter that reveals the participants' header is Teams' own.
  if (!head.some((r) => isTableHeader(r.map(normHeader)))) return null;
  const text = head.flat().map(normHeader).join(' ');
  const french = /\b(resume|activites|participants presents|heure de debut|premiere arrivee|duree)\b/.test(text);
  const twelve = head.some((r) => r.some(hasTwelveHourClock));
  const dateHint = french
    ? ({ order: 'dmy', basis: 'french' } as const)
    : twelve
      ? ({ order: 'mdy', basis: 'twelve-hour' } as const)
      : null;
  return { format: 'teams', create: (ctx) => new Teams(ctx), dateHint };
};

class Teams implements Importer {
  private readonly sinks = { 2: new Collector(), 3: new Collector() };
  // Presenters are read apart: speakers in a meeting that has attendees, everyone when the
  // meeting kept Teams' default "Who can present: Everyone" (then no row says Attendee).
  private readonly presenters = { 2: new Collector(), 3: new Collector() };
  private section = 1;
  private header: string[] | null = null;
  private cols: (Columns & { role: number; upn: number }) | null = null;
  private start: number | null = null;
  private end: number | null = null;
  private joinRows = 0;
  private readonly learnerRows = { 2: 0, 3: 0 };

  constructor(private readonly ctx: ImportContext) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    const num = titleNumber(cells);
    if (!Number.isNaN(num)) {
      this.section = num;
      this.header = null;
      return;
    }
    const n = this.section === 1 || !this.header ? cells.map(normHeader) : [];
    if (this.section === 1 && isTableHeader(n) && cells.length >= 4) this.section = 2; // 2021: unnumbered table
    if (this.section === 1) return this.summaryRow(cells, n, line);
    if (this.section !== 2 && this.section !== 3) return;
    if (!this.header) return this.readHeader(cells, n, this.section);
    const sink = this.sinks[this.section];
    const c = this.cols!;
    const upn = cell(cells, c.upn);
    const emailCell = cell(cells, c.email) || (/^[^#\s]+@[^#\s]+$/.test(upn) ? upn : '');
    const withEmail = [...cells];
    if (c.email >= 0) withEmail[c.email] = emailCell;
    if (this.section === 3) this.joinRows++;
    const role = cell(cells, c.role);
    if (ORGANISER_ROLE.test(role)) return sink.addStaff(emailCell, role, line);
    if (PRESENTER_ROLE.test(role)) {
      sink.addStaff(emailCell, role, line);
      return this.readPerson(this.presenters[this.section], c, withEmail, line, cells);
    }
    this.learnerRows[this.section]++;
    this.readPerson(sink, c, withEmail, line, cells);
  }

  private readPerson(
    sink: Collector,
    c: Columns & { name: number },
    withEmail: string[],
    line: number,
    cells: string[],
  ): void {
    if (c.name >= 0) withEmail[c.name] = cell(cells, c.name).replace(NAME_LABEL, '');
    record(
      this.ctx,
      sink,
      readRow(this.ctx, sink, this.header!, c, withEmail, line, { aggregated: this.section === 2 }),
    );
  }

  private summaryRow(cells: string[], n: string[], line: number): void {
    const value = cell(cells, 1);
    if (!value) return;
    const r = this.ctx.dates.read(value, line);
    if (!('ms' in r)) return;
    // By label when recognised, else by shape: the first date-valued row is the start, the next the end.
    const slot =
      findCol(n, END) === 0 ? 'end' : findCol(n, START) === 0 ? 'start' : this.start === null ? 'start' : 'end';
    if (this[slot] === null) this[slot] = r.ms;
    if (this.start !== null && this.end !== null && this.end > this.start)
      this.ctx.setReportWindow(this.start, this.end);
  }

  private readHeader(cells: string[], n: string[], section: 2 | 3): void {
    const filled = cells.filter((c) => c.trim()).length;
    const pos = section === 3 && filled >= 8 ? BREAKOUT_SECTION_3 : POSITIONS[section];
    const taken = new Set<number>();
    const pick = (names: readonly string[], fallback: number) => {
      let i = findCol(n, names);
      if (i < 0 && fallback >= 0 && fallback < cells.length && !taken.has(fallback)) i = fallback;
      if (i >= 0) taken.add(i);
      return i;
    };
    const name = pick(NAME, pos.name);
    const joinedAt = pick(JOIN, pos.joinedAt);
    const leftAt = pick(LEAVE, pos.leftAt);
    const duration = pick(DURATION, pos.duration);
    const upn = pick(UPN, pos.upn);
    const email = pick(SYNONYMS.email, pos.email);
    const role = pick(['role'], pos.role);
    this.header = cells;
    this.cols = {
      name,
      joinedAt,
      leftAt,
      duration,
      email,
      role,
      upn,
      firstName: -1,
      lastName: -1,
      organisation: -1,
      durationUnitMs: 60_000,
      rate: -1,
      present: [],
      date: -1,
      waitingRoom: -1,
    };
  }

  finish(): Collector {
    // Section 3 has every join/leave: prefer it; section 2 only knows first join and last leave.
    const section = this.joinRows > 0 ? 3 : 2;
    const other = section === 3 ? 2 : 3;
    const presenters = this.presenters[section];
    if (this.learnerRows[section] === 0 && (presenters.people.size > 0 || presenters.unmatched.size > 0)) {
      // Everyone was a Presenter: Teams' default option, not a role anyone chose. They are the
      // participants; only organisers stay out.
      const organisers = (sink: Collector) => [...sink.staff].filter(([, s]) => ORGANISER_ROLE.test(s.role));
      for (const [email, s] of [...organisers(this.sinks[section]), ...organisers(this.sinks[other])])
        presenters.staff.set(email, s);
      this.ctx.warn('IMPORT_ALL_PRESENTERS', { count: presenters.people.size + presenters.unmatched.size });
      return presenters;
    }
    const chosen = this.sinks[section];
    for (const [email, s] of this.sinks[other].staff) if (!chosen.staff.has(email)) chosen.staff.set(email, s);
    chosen.staffWithoutEmail = Math.max(chosen.staffWithoutEmail, this.sinks[other].staffWithoutEmail);
    return chosen;
  }
}
