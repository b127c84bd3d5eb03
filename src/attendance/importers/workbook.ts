import Papa from 'papaparse';
import { Unzip, UnzipInflate, zipSync } from 'fflate';
import readXlsxFile, { type CellValue, type Sheet } from 'read-excel-file/node';
import { AppError } from '../../shared/errors';

/** An .xlsx file is a zip archive whose parts include `[Content_Types].xml` and `xl/…`. */
export function looksLikeXlsx(sample: Buffer): boolean {
  return sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04;
}

// What a workbook may unzip to, counted on the bytes actually inflated (an archive can lie about
// its sizes): a 32 MB upload must not become gigabytes. ~100,000 rows of a report fit.
const MAX_UNZIPPED_BYTES = 128 * 1024 * 1024;
// Excel's day 0 (1899-12-30): a cell before 1900-01-01 holds a time of day or a duration, not a date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_DATE_MS = Date.UTC(1900, 0, 1);

/**
 * The first sheet with data of an .xlsx workbook (Livestorm and others export them), as the CSV
 * text Excel would save: every format and rule then applies to it as to any other file.
 * Dates are written as the wall-clock time the cell shows (read in the event's time zone later),
 * durations as h:mm:ss. A workbook is read whole: CSV files stream, workbooks cannot.
 */
export async function workbookToCsv(bytes: Buffer): Promise<string> {
  const parts = unzipWithin(bytes, MAX_UNZIPPED_BYTES);
  if (!Object.keys(parts).some((name) => name.startsWith('xl/')))
    throw new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'zip (ods/docx…)' });
  let sheets: Sheet[];
  try {
    // Re-packed without compression from the parts inflated above: the reader never inflates anything itself.
    sheets = await readXlsxFile(Buffer.from(zipSync(parts, { level: 0 })));
  } catch {
    throw new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'xlsx' });
  }
  const sheet = sheets.find((s) => s.data.some((row) => row.some((cell) => cell !== null && cell !== ''))) ?? sheets[0];
  return Papa.unparse(
    (sheet?.data ?? []).map((row) => row.map(cellText)),
    { newline: '\r\n' },
  );
}

/** Every part of the archive, inflated by fflate with a running count of the bytes it produced. */
function unzipWithin(bytes: Buffer, budget: number): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = {};
  let produced = 0;
  let failure: AppError | null = null;
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'zip' });
        return;
      }
      produced += chunk.length;
      if (produced > budget) {
        failure = new AppError('IMPORT_WORKBOOK_TOO_LARGE', 413, { limit: `${budget / 1_048_576} Mo/MB` });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts[file.name] = Buffer.concat(chunks);
    };
    try {
      file.start();
    } catch {
      failure ??= new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'zip' });
    }
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    failure ??= new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'zip' });
  }
  if (failure) throw failure;
  return parts;
}

function cellText(cell: CellValue | null): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date)
    return cell.getTime() < FIRST_DATE_MS ? duration(cell.getTime() - EXCEL_EPOCH_MS) : wallClock(cell);
  return String(cell);
}

const two = (n: number) => String(n).padStart(2, '0');

function wallClock(d: Date): string {
  const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 3600)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}
