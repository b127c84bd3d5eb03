import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import readXlsxFile, { type CellValue, type Sheet } from 'read-excel-file/node';
import { AppError } from '../../shared/errors';

/** An .xlsx file is a zip archive whose parts include `[Content_Types].xml` and `xl/…`. */
export function looksLikeXlsx(sample: Buffer): boolean {
  return sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04;
}

// The archive says how large its parts are once unzipped: a small file that would fill the memory is refused first.
const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
// Excel's day 0 (1899-12-30): a cell before 1900-01-01 holds a time of day or a duration, not a date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_DATE_MS = Date.UTC(1900, 0, 1);

/**
 * The first sheet with data of an .xlsx workbook (Livestorm and others export them), as the CSV
 * text Excel would save: every format and rule then applies to it as to any other file.
 * Dates are written as the wall-clock time the cell shows (read in the event's time zone later),
 * durations as h:mm:ss.
 */
export async function workbookToCsv(bytes: Buffer): Promise<string> {
  let unzipped = 0;
  let isXlsx = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unzipped += file.originalSize;
        if (file.name.startsWith('xl/')) isXlsx = true;
        return false; // only the central directory is read here
      },
    });
  } catch {
    throw new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'zip' });
  }
  if (!isXlsx) throw new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'zip (ods/docx…)' });
  if (unzipped > MAX_UNZIPPED_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 413, { limit: `${MAX_UNZIPPED_BYTES / 1_048_576} Mo/MB (xlsx)` });
  let sheets: Sheet[];
  try {
    sheets = await readXlsxFile(bytes);
  } catch {
    throw new AppError('IMPORT_SPREADSHEET_FILE', 415, { kind: 'xlsx' });
  }
  const sheet = sheets.find((s) => s.data.some((row) => row.some((cell) => cell !== null && cell !== ''))) ?? sheets[0];
  return Papa.unparse((sheet?.data ?? []).map((row) => row.map(cellText)), { newline: '\r\n' });
}

function cellText(cell: CellValue | null): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.getTime() < FIRST_DATE_MS ? duration(cell.getTime() - EXCEL_EPOCH_MS) : wallClock(cell);
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
