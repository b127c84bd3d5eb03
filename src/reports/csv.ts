import Papa from 'papaparse';
import type { Lang } from '../shared/errors';
import { formatNumber } from '../shared/format';

/** A cell of a CSV we write: text (names, labels, free text), a number we computed, or empty. */
export type CsvCell = string | number | null | undefined;

/**
 * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (or
 * run DDE), including the full-width forms some of them accept. Tab and CR too: a leading one
 * is stripped by some importers, which then see the `=` behind it.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/**
 * A text cell made inert for spreadsheets: a leading `'` (shown by none of them, it makes the
 * cell text) when it starts like a formula. Checked on the first character only, whatever
 * follows (papaparse's `escapeFormulae` misses a formula followed by a line break).
 */
export function neutraliseCell(value: string): string {
  return value.length > 0 && FORMULA_START.has(value[0]!) ? `'${value}` : value;
}

/**
 * Every CSV the platform writes for people to open goes through here: text cells neutralised,
 * numbers we computed written as numbers (decimal comma in French, never prefixed: `-3` stays a
 * number). French Excel's dialect by default: UTF-8 with a BOM (else accents break), `;` between
 * fields (`,` is the decimal separator), CRLF, a final CRLF.
 */
export function spreadsheetCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[], lang: Lang): string {
  const cell = (value: CsvCell) =>
    typeof value === 'number' ? formatNumber(value, lang) : neutraliseCell(value ?? '');
  const text = Papa.unparse(
    { fields: fields.map((f) => neutraliseCell(f)), data: rows.map((row) => row.map(cell)) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: false, quotes: false },
  );
  return `\uFEFF${text}\r\n`;
}
