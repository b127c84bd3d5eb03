import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/errors';

/**
 * Charset: BOM first (Teams: UTF-16 LE/BE with BOM; Zoom and Excel "CSV UTF-8": UTF-8 BOM),
 * then chardet on a sample (Excel "CSV (point-virgule)" on French Windows: Windows-1252, no BOM).
 */

export interface Charset {
  encoding: string;
  bomLength: number;
}

// Formats people upload by mistake: a clear message beats "binary file" (zip workbooks are read: workbook.ts).
const MAGIC: Array<[string, number[], 'spreadsheet' | 'binary']> = [
  ['xls', [0xd0, 0xcf, 0x11, 0xe0], 'spreadsheet'],
  ['png', [0x89, 0x50, 0x4e, 0x47], 'binary'],
  ['pdf', [0x25, 0x50, 0x44, 0x46], 'binary'],
  ['jpeg', [0xff, 0xd8, 0xff], 'binary'],
  ['gif', [0x47, 0x49, 0x46, 0x38], 'binary'],
  ['gzip', [0x1f, 0x8b], 'binary'],
];

// Latin-script single-byte guesses: chardet often ranks a Central-European code page first on short
// French text. Every documented single-byte export is Excel on French Windows: Windows-1252,
// which is also what ISO-8859-1 labels mean in practice (WHATWG). Never decode as Latin-1: `Œ œ ’ –`.
const WESTERN = new Set([
  'ISO-8859-1',
  'ISO-8859-2',
  'ISO-8859-9',
  'windows-1250',
  'windows-1252',
  'windows-1254',
  'windows-1257',
  'windows-1258',
]);

export function detectCharset(sample: Buffer, complete: boolean): Charset {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  for (const [kind, bytes, family] of MAGIC) {
    if (bytes.every((b, i) => sample[i] === b)) {
      throw new AppError(family === 'spreadsheet' ? 'IMPORT_SPREADSHEET_FILE' : 'IMPORT_BINARY_FILE', 415, { kind });
    }
  }
  const utf16 = bomlessUtf16(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (sample.includes(0)) throw new AppError('IMPORT_BINARY_FILE', 415, { kind: 'NUL' });
  // Cut at the last line break so a multi-byte character split by the sample does not mislead chardet.
  const cut = complete ? sample : sample.subarray(0, sample.lastIndexOf(0x0a) + 1 || sample.length);
  if (!cut.some((b) => b >= 0x80)) return { encoding: 'utf-8', bomLength: 0 };
  const top = chardet.analyse(cut)[0]?.name;
  if (!top || top === 'UTF-8' || top === 'ASCII') return { encoding: 'utf-8', bomLength: 0 };
  if (WESTERN.has(top)) return { encoding: 'windows-1252', bomLength: 0 };
  if (iconv.encodingExists(top)) return { encoding: top.toLowerCase(), bomLength: 0 };
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** UTF-16 saved without a BOM: ASCII text shows NUL in every other byte. chardet only knows the BOM form. */
function bomlessUtf16(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(sample.length - (sample.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

/** Streaming decoder (keeps split multi-byte sequences between chunks); strips the BOM. */
export function createDecoder(encoding: string): { write(b: Buffer): string; end(): string } {
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

/** A text file has few control characters besides TAB/CR/LF (a PNG decoded as 1252 has many). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (!sample) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) control++;
  }
  return control / sample.length > 0.01;
}
