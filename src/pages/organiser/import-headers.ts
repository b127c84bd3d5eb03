import { delimiterCandidates, sampleRows } from '../../attendance/importers/csv';
import { createDecoder, detectCharset } from '../../attendance/importers/decode';
import { isBlankRow } from '../../attendance/importers/headers';

/** The importer recognises a format from its first 64 KB: the header row is within them. */
const HEAD_BYTES = 64 * 1024;

/**
 * The first bytes of an uploaded file, kept while the file streams to the importer (or read on
 * their own when the importer is not run), so that a file in no known layout can still offer its
 * column names to the mapping form. The error's params only hold them as one joined string.
 */
export class FileHead {
  private chunks: Buffer[] = [];
  private size = 0;
  private complete = false;

  /** The same bytes, passed on untouched; each call starts over (the confirmation reads its file more than once). */
  through(input: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
    this.chunks = [];
    this.size = 0;
    this.complete = false;
    const keep = (chunk: Buffer) => this.keep(chunk);
    const done = () => { this.complete = true; };
    // Stopping early (the importer gave up) ends the loop, which closes the upload stream as before.
    return (async function* () {
      for await (const chunk of input) {
        keep(chunk);
        yield chunk;
      }
      done();
    })();
  }

  /** Reads only the head, then lets the rest of the upload go. */
  async read(input: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of this.through(input)) if (this.size >= HEAD_BYTES) return;
  }

  /** Column names of the row that looks most like a header; none when the bytes are not CSV text. */
  headers(): string[] {
    try {
      const sample = Buffer.concat(this.chunks);
      if (sample.length === 0) return [];
      const { encoding } = detectCharset(sample, this.complete);
      const text = createDecoder(encoding).write(sample);
      const rows = sampleRows(text, this.complete, delimiterCandidates(text)[0]!);
      return uniqueNames(mostHeaderLike(rows));
    } catch {
      return []; // a binary or spreadsheet file: its own error says so
    }
  }

  private keep(chunk: Buffer) {
    if (this.size >= HEAD_BYTES) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
}

/** The first row with the most non-empty cells among the first lines, as the importer's own error does. */
function mostHeaderLike(rows: string[][]): string[] {
  let best: string[] = [];
  for (const r of rows.slice(0, 20)) {
    if (isBlankRow(r)) continue;
    if (r.filter((c) => c.trim()).length > best.filter((c) => c.trim()).length) best = r;
  }
  return best;
}

/** Blank cells cannot be chosen, and a name seen twice would be the same option twice. */
function uniqueNames(cells: string[]): string[] {
  return [...new Set(cells.map((c) => c.trim()).filter(Boolean))];
}
