import { Collector } from './collector';
import { parseDuration } from './durations';
import { cell, findCol, isBlankRow, normHeader } from './headers';
import { columnsFromHeader, readRow, record, type Columns } from './rows';
import type { Detector, ImportContext, Importer } from './types';

/**
 * Zoom webinar "Attendee Report": one CSV holding several tables, each introduced by a title
 * line (`Attendee Details,` — or padded `Attendee Details,,,,,` after Excel): summary, Host,
 * Panelist (`Host/Panelist Details` since 2025), Attendee, Other Attended. One row per join/leave;
 * no-shows are `No,…,--,--`; `Time in Session` is rounded up, so the timestamps decide;
 * custom registration questions (e.g. `Collectivité`) sit before `Country/Region Name`.
 */

type Section = 'preamble' | 'summary' | 'host' | 'panelist' | 'attendee' | 'other' | 'skip';

const TITLES: Record<string, Section> = {
  'attendee report': 'preamble',
  'webinar attendee report': 'preamble',
  'host details': 'host',
  'panelist details': 'panelist',
  'host panelist details': 'panelist',
  'attendee details': 'attendee',
  'other attended': 'other',
};

/** A title line: only its first cell filled. Checked on every row, so it stops at the second filled cell. */
const titleOf = (cells: string[]): string | null => {
  const first = cells[0] ?? '';
  if (first.trim() === '') return null;
  for (let i = 1; i < cells.length; i++) if (cells[i]!.trim() !== '') return null;
  return normHeader(first);
};

export const detectZoomWebinar: Detector = (rows) => {
  const hit = rows.slice(0, 40).some((r) => {
    const n = r.map(normHeader);
    return n[0] === 'attendee report' || n.includes('webinar id') || n[0] === 'attendee details';
  });
  return hit
    ? { format: 'zoom-webinar', create: (ctx) => new ZoomWebinar(ctx), dateHint: { order: 'mdy', basis: 'zoom' } }
    : null;
};

class ZoomWebinar implements Importer {
  private readonly sink = new Collector();
  private section: Section = 'preamble';
  private header: string[] | null = null;
  private cols: Columns | null = null;
  private attendedCol = -1;
  private summaryHeader: string[] | null = null;

  constructor(private readonly ctx: ImportContext) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    const title = titleOf(cells);
    if (title !== null && (Object.hasOwn(TITLES, title) || title.endsWith(' details'))) {
      this.section = Object.hasOwn(TITLES, title) ? TITLES[title]! : 'skip';
      if (this.section === 'skip') this.ctx.warn('IMPORT_SECTION_SKIPPED', { title: cells[0]!.trim(), line }, line);
      this.header = null;
      return;
    }
    if (this.section === 'summary') return this.readSummary(cells, line);
    if (this.section === 'preamble' && cells.some((c) => normHeader(c) === 'webinar id')) {
      this.summaryHeader = cells;
      this.section = 'summary';
      return;
    }
    if (this.section === 'preamble' || this.section === 'skip') return;
    if (!this.header) {
      const n = cells.map(normHeader);
      this.header = cells;
      this.cols = columnsFromHeader(cells);
      // `Attended` is read here, not as a presence mark: for a `Yes` row the timestamps decide.
      this.cols.present = [];
      this.attendedCol = findCol(n, ['attended']);
      return;
    }
    this.dataRow(cells, line, this.cols!);
  }

  private dataRow(cells: string[], line: number, c: Columns): void {
    if (this.section === 'host' || this.section === 'panelist') {
      this.sink.addStaff(cell(cells, c.email), this.section, line);
      return;
    }
    const attended = cell(cells, this.attendedCol);
    if (this.section === 'attendee' && /^no$/i.test(attended)) {
      const row = readRow(
        this.ctx,
        this.sink,
        this.header!,
        { ...c, joinedAt: -1, leftAt: -1, duration: -1 },
        cells,
        line,
      );
      if (row) row.marks = [{ column: this.header![this.attendedCol]!.trim(), value: attended, present: false }];
      return record(this.ctx, this.sink, row);
    }
    // `Other Attended` has no e-mail column: those rows land in `unmatched`.
    record(this.ctx, this.sink, readRow(this.ctx, this.sink, this.header!, c, cells, line));
  }

  private readSummary(cells: string[], line: number): void {
    const n = this.summaryHeader!.map(normHeader);
    const start = this.ctx.dates.read(cell(cells, findCol(n, ['actual start time', 'start time'])), line);
    const minutes = parseDuration(cell(cells, findCol(n, ['actual duration minutes', 'duration minutes'])));
    if ('ms' in start && typeof minutes === 'number') this.ctx.setReportWindow(start.ms, start.ms + minutes);
    this.section = 'preamble';
  }

  finish(): Collector {
    return this.sink;
  }
}
