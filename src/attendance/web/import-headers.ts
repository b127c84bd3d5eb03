import { headerRow } from '../importers/header-row';
import { looksLikeXlsx } from '../importers/workbook';

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
    const done = () => {
      this.complete = true;
    };
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
    for await (const _chunk of this.through(input))
      if (this.size >= HEAD_BYTES && !looksLikeXlsx(this.chunks[0]!)) return;
  }

  /** Column names of the row that looks most like a header; none when the file cannot be read as a table. */
  async headers(): Promise<string[]> {
    try {
      return uniqueNames(await headerRow(Buffer.concat(this.chunks), this.complete));
    } catch {
      return []; // a binary file or a damaged workbook: its own error says so
    }
  }

  private keep(chunk: Buffer) {
    // A workbook's directory is at its end: it is kept whole (uploads are capped at 32 MB).
    if (this.size >= HEAD_BYTES && !looksLikeXlsx(this.chunks[0]!)) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
}

/** Blank cells cannot be chosen, and a name seen twice would be the same option twice. */
function uniqueNames(cells: string[]): string[] {
  return [...new Set(cells.map((c) => c.trim()).filter(Boolean))];
}
