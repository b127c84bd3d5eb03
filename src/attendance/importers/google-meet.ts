import { Collector } from './collector';
import { hasTwelveHourClock, type LocalDay } from './dates';
import { cell, findCol, isBlankRow, normHeader, SYNONYMS } from './headers';
import { columnsFromHeader, readRow, record, type Columns } from './rows';
import type { Detector, ImportContext, Importer } from './types';

/**
 * Google Meet attendance report (Sheets export or the CSV mailed by meet-recordings-noreply):
 * `First name,Last name,Email,Duration,Time joined,Time exited` or `Name,Email,…`, optionally
 * under a `Meeting title,Date,Start time,End time` header and a blank line. One row per person
 * (first join, last exit); durations are text (`58 min`, `1 hr 2 min`); times often carry no date.
 * Phone participants have no e-mail. Meet has no roles: the organiser is listed like anyone.
 */

const MEETING = ['meeting title', 'titre de la reunion'];
const JOINED = ['time joined', 'heure d arrivee', 'heure de connexion'];
const EXITED = ['time exited', 'heure de depart', 'heure de deconnexion'];

// Recognised by Meet's own English headers only: `Heure d'arrivée` belongs to sign-in sheets too.
const isParticipantHeader = (n: string[]) => {
  if (n.includes('time joined') || n.includes('time exited')) return findCol(n, SYNONYMS.email) >= 0;
  const known = ['first name', 'last name', 'name', 'email', 'duration'];
  return n.includes('email') && n.includes('duration') && n.filter(Boolean).every((h) => known.includes(h));
};

export const detectGoogleMeet: Detector = (rows) => {
  const head = rows.slice(0, 20);
  if (!head.some((r) => isParticipantHeader(r.map(normHeader)))) return null;
  const twelve = rows.some((r) => r.some(hasTwelveHourClock));
  return {
    format: 'google-meet',
    create: (ctx) => new GoogleMeet(ctx),
    dateHint: twelve ? { order: 'mdy', basis: 'twelve-hour' } : null,
  };
};

class GoogleMeet implements Importer {
  private readonly sink = new Collector();
  private meetingHeader: string[] | null = null;
  private header: string[] | null = null;
  private cols: Columns | null = null;
  private day: LocalDay | null = null;

  constructor(private readonly ctx: ImportContext) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    if (this.header) {
      const opts = { aggregated: true, baseDay: this.day };
      return record(this.ctx, this.sink, readRow(this.ctx, this.sink, this.header, this.cols!, cells, line, opts));
    }
    const n = cells.map(normHeader);
    if (findCol(n, MEETING) >= 0) {
      this.meetingHeader = n;
      return;
    }
    if (isParticipantHeader(n)) {
      this.header = cells;
      this.cols = { ...columnsFromHeader(cells), joinedAt: findCol(n, JOINED), leftAt: findCol(n, EXITED) };
    } else if (this.meetingHeader) this.meeting(cells, line, this.meetingHeader);
  }

  /** `Date` gives the day of time-only `Time joined` values; start/end give the report window. */
  private meeting(cells: string[], line: number, h: string[]): void {
    this.meetingHeader = null;
    this.day = this.ctx.dates.readDay(cell(cells, findCol(h, ['date'])), line);
    const day = this.day ?? this.ctx.dates.baseDay;
    const start = this.ctx.dates.read(cell(cells, findCol(h, ['start time', 'heure de debut'])), line, day);
    const end = this.ctx.dates.read(cell(cells, findCol(h, ['end time', 'heure de fin'])), line, day);
    if ('ms' in start && 'ms' in end) {
      // A meeting running past midnight: the end time alone reads as earlier than the start.
      const endMs = end.ms > start.ms ? end.ms : end.ms + 86_400_000;
      this.ctx.setReportWindow(start.ms, endMs);
    }
  }

  finish(): Collector {
    return this.sink;
  }
}
