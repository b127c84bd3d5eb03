import { emptyEvidence } from '../presence';
import { Collector } from './collector';
import { hasTwelveHourClock } from './dates';
import { cell, findCol, isBlankRow, normHeader } from './headers';
import type { Detector, ImportContext, Importer } from './types';

/**
 * Teams attendance list of 2020–early 2021: UTF-16LE BOM, TAB, `Full Name / User Action /
 * Timestamp`, one row per event (`Joined`, `Joined before`, `Left`). No e-mail column, so every
 * person goes to `unmatched` with their time. The list was downloaded during or after the
 * meeting: people without a final `Left` are counted until the last timestamp of the file.
 */

const NAME = ['full name', 'nom complet', 'nom'];
const ACTION = ['user action', 'action de l utilisateur', 'action'];
const TIME = ['timestamp', 'horodatage', 'date et heure'];
const JOIN = /^(joined|joined before|a rejoint|rejoint|a rejoint avant|rejoint avant)$/;
const LEAVE = /^(left|a quitte|quitte|parti)$/;

const headerCols = (r: string[]) => {
  const n = r.map(normHeader);
  return { name: findCol(n, NAME), action: findCol(n, ACTION), time: findCol(n, TIME) };
};

export const detectTeamsLegacy: Detector = (rows) => {
  const hit = rows.slice(0, 10).some((r) => Object.values(headerCols(r)).every((i) => i >= 0));
  if (!hit) return null;
  const twelve = rows.some((r) => r.some(hasTwelveHourClock));
  return {
    format: 'teams-legacy',
    create: (ctx) => new TeamsLegacy(ctx),
    dateHint: twelve ? { order: 'mdy', basis: 'twelve-hour' } : null,
  };
};

class TeamsLegacy implements Importer {
  private readonly sink = new Collector();
  private cols: ReturnType<typeof headerCols> | null = null;
  private header: string[] = [];
  /** Per name: open join times (two devices = two open joins) and the line of the first row. */
  private readonly open = new Map<string, { name: string; line: number; joins: number[] }>();
  private first = Infinity;
  private last = -Infinity;

  constructor(private readonly ctx: ImportContext) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    if (!this.cols) {
      this.cols = headerCols(cells);
      this.header = cells.map((c) => c.trim());
      this.ctx.warn('IMPORT_NO_EMAIL_COLUMN', {});
      return;
    }
    const name = cell(cells, this.cols.name);
    const action = normHeader(cell(cells, this.cols.action));
    const raw = cell(cells, this.cols.time);
    const t = this.ctx.dates.read(raw, line);
    if (!('ms' in t)) {
      const field = this.header[this.cols.time]!;
      this.sink.error(
        line,
        'noDay' in t ? 'IMPORT_DATE_WITHOUT_DAY' : 'IMPORT_DATE_INVALID',
        { field, value: raw },
        field,
      );
      return;
    }
    this.first = Math.min(this.first, t.ms);
    this.last = Math.max(this.last, t.ms);
    const key = name.toLowerCase();
    let p = this.open.get(key);
    if (!p) this.open.set(key, (p = { name, line, joins: [] }));
    if (JOIN.test(action)) p.joins.push(t.ms);
    else if (LEAVE.test(action)) {
      const start = p.joins.shift();
      const ev = emptyEvidence();
      // A `Left` without a join: the person was there from before the list started.
      ev.intervals.push({ start: start ?? this.first, end: t.ms });
      this.sink.addUnmatched(p.name, p.line, ev);
    } else {
      const field = this.header[this.cols.action]!;
      this.sink.error(line, 'IMPORT_ACTION_INVALID', { field, value: cell(cells, this.cols.action) }, field);
    }
  }

  finish(): Collector {
    let still = 0;
    for (const p of this.open.values()) {
      const ev = emptyEvidence();
      for (const start of p.joins) ev.intervals.push({ start, end: Math.max(start, this.last) });
      if (p.joins.length) still++;
      this.sink.addUnmatched(p.name, p.line, ev);
    }
    if (still) this.ctx.warn('IMPORT_STILL_CONNECTED', { count: still });
    return this.sink;
  }
}
