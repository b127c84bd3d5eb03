import { Collector } from './collector';
import type { LocalDay } from './dates';
import { isBlankRow } from './headers';
import { readRow, record, type Columns } from './rows';
import type { ImportContext, Importer } from './types';

// `Date : 12/06/2025`, `Le 12 juin 2025` in the title rows of a sign-in sheet.
const DAY_IN_TEXT = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+[a-zà-ÿ]{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})/i;

/**
 * One table under optional title rows (sign-in sheets, mapped files): the header is the first
 * row `columnsOf` accepts; a date in the title rows is the day of time-only cells.
 */
export class TableImporter implements Importer {
  private readonly sink = new Collector();
  private header: string[] | null = null;
  private cols: Columns | null = null;
  private day: LocalDay | null = null;

  constructor(
    private readonly ctx: ImportContext,
    private readonly columnsOf: (cells: string[]) => Columns | null,
  ) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    if (!this.header) {
      this.cols = this.columnsOf(cells);
      if (this.cols) {
        this.header = cells;
        if (this.cols.email < 0) this.ctx.warn('IMPORT_NO_EMAIL_COLUMN', {});
      } else this.titleRow(cells, line);
      return;
    }
    const opts = { baseDay: this.day ?? this.ctx.dates.baseDay };
    record(this.ctx, this.sink, readRow(this.ctx, this.sink, this.header, this.cols!, cells, line, opts));
  }

  private titleRow(cells: string[], line: number): void {
    if (this.day) return;
    for (const c of cells) {
      const m = DAY_IN_TEXT.exec(c);
      if (m && (this.day = this.ctx.dates.readDay(m[1]!, line))) return;
    }
  }

  finish(): Collector {
    return this.sink;
  }
}
