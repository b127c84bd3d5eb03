import { Readable } from 'node:stream';
import Papa from 'papaparse';

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
    const input = Readable.from(text);
    let line = 1;
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
