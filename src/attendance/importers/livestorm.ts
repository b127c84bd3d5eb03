import { Collector } from './collector';
import { findCol, isBlankRow, normHeader, SYNONYMS } from './headers';
import { columnsFromHeader, readRow, record, type Columns } from './rows';
import type { Detector, ImportContext, Importer } from './types';

/**
 * Livestorm registrant export — no sample or column documentation was found (unverified). The API
 * names `attended`, `attendance_rate` (%) and `attendance_duration` (seconds) are accepted, plus
 * plausible French/English UI labels; anything else goes through the column mapping. One row per
 * registrant. Evidence order: duration, then rate, then the attended flag.
 */

const MARKERS = [
  'attendance rate',
  'attendance duration',
  'taux de presence',
  'taux de participation',
  'duree de presence',
  'temps de presence',
  'a participe',
  'has attended',
];

const findHeader = (rows: string[][]) =>
  rows.slice(0, 20).findIndex((r) => {
    const n = r.map(normHeader);
    return findCol(n, MARKERS) >= 0 && findCol(n, SYNONYMS.email) >= 0;
  });

export const detectLivestorm: Detector = (rows) =>
  findHeader(rows) >= 0 ? { format: 'livestorm', create: (ctx) => new Livestorm(ctx), dateHint: null } : null;

class Livestorm implements Importer {
  private readonly sink = new Collector();
  private header: string[] | null = null;
  private cols: Columns | null = null;

  constructor(private readonly ctx: ImportContext) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    if (!this.header) {
      const n = cells.map(normHeader);
      if (findCol(n, MARKERS) < 0) return;
      this.header = cells;
      const c = columnsFromHeader(cells);
      const flag = findCol(n, ['attended', 'a participe', 'has attended']);
      this.cols = { ...c, present: flag >= 0 ? [flag] : [], joinedAt: -1, leftAt: -1 };
      return;
    }
    record(this.ctx, this.sink, readRow(this.ctx, this.sink, this.header, this.cols!, cells, line));
  }

  finish(): Collector {
    return this.sink;
  }
}
