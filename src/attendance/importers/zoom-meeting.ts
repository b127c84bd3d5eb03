import { Collector, normaliseEmail } from './collector';
import { cell, findCol, isBlankRow, normHeader, SYNONYMS } from './headers';
import { columnsFromHeader, readRow, record, type Columns } from './rows';
import type { Detector, ImportContext, Importer } from './types';

/**
 * Zoom meeting "Participants" export. Shapes: an optional meeting summary (`Meeting ID,Topic,
 * Start Time,End Time,User Email,…` where User Email is the host's; or sentence-case `Topic,ID,
 * Host,…,Start time,End time`) then a blank line, then `Name (Original Name),User Email,Join Time,
 * Leave Time,Duration (Minutes),Guest[,…,In waiting room]`; "Show unique users" drops Join/Leave;
 * the admin export is one flat table repeating `User Email` (host's, then participant's).
 * E-mail is empty unless the participant was signed in to Zoom; the host is listed.
 */

const NAME = ['name original name', 'user name original name'];
const STAFF_SUFFIX = /\((host|co-host|cohost|hôte|hote|co-animateur|coanimateur|co-organisateur)\)\s*$/i;

const isParticipantHeader = (n: string[]) => findCol(n, NAME) >= 0 && findCol(n, SYNONYMS.email) >= 0;
const isSummaryHeader = (n: string[]) =>
  n.includes('topic') &&
  (n.includes('meeting id') || n.includes('id')) &&
  n.includes('start time') &&
  !n.includes('join time');

export const detectZoomMeeting: Detector = (rows) => {
  const hit = rows.slice(0, 40).some((r) => {
    const n = r.map(normHeader);
    return isParticipantHeader(n) || isSummaryHeader(n);
  });
  return hit
    ? { format: 'zoom-meeting', create: (ctx) => new ZoomMeeting(ctx), dateHint: { order: 'mdy', basis: 'zoom' } }
    : null;
};

class ZoomMeeting implements Importer {
  private readonly sink = new Collector();
  private summary: string[] | null = null;
  private header: string[] | null = null;
  private cols: Columns | null = null;
  private hostEmail = '';
  private hostName = '';
  /** Flat admin export: meeting columns on every row. */
  private flat: { start: number; end: number; hostEmail: number } | null = null;
  private flatWindowSet = false;
  private waitingRoomRows = 0;

  constructor(private readonly ctx: ImportContext) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    if (this.header) return this.dataRow(cells, line, this.cols!);
    const n = cells.map(normHeader);
    if (isParticipantHeader(n)) return this.readHeader(cells, n);
    if (isSummaryHeader(n)) {
      this.summary = cells;
      return;
    }
    if (this.summary) {
      const s = this.summary.map(normHeader);
      this.meeting(cells, line, findCol(s, ['start time']), findCol(s, ['end time']));
      this.hostEmail = normaliseEmail(cell(cells, findCol(s, ['user email', 'host email'])));
      const host = cell(cells, findCol(s, ['host']));
      if (host.includes('@')) this.hostEmail ||= normaliseEmail(host);
      else this.hostName = host.toLowerCase();
      this.summary = null;
    }
  }

  private readHeader(cells: string[], n: string[]): void {
    this.header = cells;
    const c = columnsFromHeader(cells);
    c.name = findCol(n, NAME);
    // Duplicate `User Email`: the participant's is the one after the name column.
    const after = findCol(n, SYNONYMS.email, c.name + 1);
    if (after >= 0) c.email = after;
    if (n.includes('meeting id') && n.includes('join time')) {
      this.flat = {
        start: findCol(n, ['start time']),
        end: findCol(n, ['end time']),
        hostEmail: findCol(n, ['user email']),
      };
      if (this.flat.hostEmail === c.email) this.flat.hostEmail = -1;
      c.duration = findCol(n, SYNONYMS.duration, c.name + 1);
    }
    if (c.joinedAt < 0 && c.duration >= 0) this.ctx.warn('IMPORT_DURATION_ONLY', {});
    this.cols = c;
  }

  private meeting(cells: string[], line: number, startCol: number, endCol: number): void {
    const start = this.ctx.dates.read(cell(cells, startCol), line);
    const end = this.ctx.dates.read(cell(cells, endCol), line);
    if ('ms' in start && 'ms' in end && end.ms > start.ms) this.ctx.setReportWindow(start.ms, end.ms);
  }

  private dataRow(cells: string[], line: number, c: Columns): void {
    if (this.flat) {
      if (!this.flatWindowSet) this.meeting(cells, line, this.flat.start, this.flat.end);
      this.flatWindowSet = true;
      this.hostEmail = normaliseEmail(cell(cells, this.flat.hostEmail));
    }
    const email = normaliseEmail(cell(cells, c.email));
    const name = cell(cells, c.name);
    if (
      (email && email === this.hostEmail) ||
      (this.hostName && name.toLowerCase() === this.hostName) ||
      STAFF_SUFFIX.test(name)
    ) {
      this.sink.addStaff(email, 'host', line);
      return;
    }
    const row = readRow(this.ctx, this.sink, this.header!, c, cells, line);
    if (row?.waitingRoom) this.waitingRoomRows++;
    record(this.ctx, this.sink, row);
  }

  finish(): Collector {
    if (this.waitingRoomRows) this.ctx.warn('IMPORT_WAITING_ROOM_SKIPPED', { count: this.waitingRoomRows });
    return this.sink;
  }
}
