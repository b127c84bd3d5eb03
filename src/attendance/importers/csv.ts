import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { AppError } from '../../shared/errors';

export const DELIMITERS = ['\t', ';', ',', '|'];

/** Papaparse's guess first (most consistent column count), then the others as fallbacks for format detection. */
export function delimiterCandidates(sampleText: string): string[] {
  const guessed = Papa.parse<string[]>(sampleText, { preview: 50, delimitersToGuess: DELIMITERS }).meta.delimiter;
  return [guessed, ...DELIMITERS.filter((d) => d !== guessed)];
}

/** The first rows of the sample, for format detection (the last, possibly cut, line is dropped). */
export function sampleRows(sampleText: string, complete: boolean, delimiter: string): string[][] {
  const cut = complete ? sampleText : sampleText.slice(0, Math.max(sampleText.lastIndexOf('\n'), 0));
  return Papa.parse<string[]>(cut, { delimiter, preview: 400 }).data;
}

/**
 * The longest record read (characters between two rows papaparse hands out). papaparse parses a
 * record still open at the end of a chunk again with every next chunk, so a quote never closed
 * would cost quadratic time (an 11 MB file of `"`: 90 s of CPU); a real export's row is a few
 * hundred characters, a very long one 200 KB.
 */
export const MAX_RECORD_CHARS = 1_000_000;

export interface CsvRowHandler {
  row(cells: string[], line: number): void;
  /** Papaparse found an unterminated or malformed quoted field starting on this line. */
  quoteError(line: number): void;
}

/**
 * Streams decoded text through papaparse in step mode. `line` is the 1-based physical line where
 * the record starts: quoted fields may contain line breaks, which papaparse keeps in the value, so
 * each record advances the counter by 1 + the breaks inside its fields.
 */
export function streamRows(text: AsyncIterable<string>, delimiter: string, handler: CsvRowHandler): Promise<void> {
  return new Promise((resolve, reject) => {
    let line = 1;
    let sinceRow = 0;
    async function* bounded(): AsyncGenerator<string> {
      for await (const chunk of text) {
        sinceRow += chunk.length;
        if (sinceRow > MAX_RECORD_CHARS)
          throw new AppError('IMPORT_RECORD_TOO_LONG', 422, { line, limit: MAX_RECORD_CHARS });
        yield chunk;
      }
    }
    const input = Readable.from(bounded());
    let failure: unknown = null;
    const fail = (err: unknown) => {
      if (failure) return;
      failure = err;
      input.destroy();
      reject(err);
    };
    input.on('error', fail);
    Papa.parse<string[]>(input, {
      delimiter,
      skipEmptyLines: false,
      step(results, parser) {
        if (failure) return;
        sinceRow = 0;
        const cells = results.data;
        const start = line;
        const breakChar = results.meta.linebreak === '\r' ? '\r' : '\n';
        let breaks = 0;
        for (const c of cells) for (let i = c.indexOf(breakChar); i >= 0; i = c.indexOf(breakChar, i + 1)) breaks++;
        line += 1 + breaks;
        try {
          if (results.errors.some((e) => e.type === 'Quotes')) handler.quoteError(start);
          else handler.row(cells, start);
        } catch (err) {
          fail(err); // before abort(): abort() calls `complete` synchronously
          parser.abort();
        }
      },
      complete: () => {
        if (!failure) resolve();
      },
      error: (err: Error) => fail(err),
    });
  });
}
