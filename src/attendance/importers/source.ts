import { AppError } from '../../shared/errors';

const SLICE = 64 * 1024;

/**
 * Bytes from a Buffer or any async iterable of Buffers (an HTTP request, `fs.createReadStream`,
 * a multipart file stream). Reads a sample for sniffing, then hands out the rest without
 * ever holding the whole file.
 */
export class ByteSource {
  bytesRead = 0;
  done = false;
  private readonly it: AsyncIterator<Uint8Array | string>;
  private pending: Buffer[] = [];

  constructor(input: Buffer | Uint8Array | AsyncIterable<Buffer>) {
    if (input instanceof Uint8Array) this.it = slices(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    else if (input && typeof (input as AsyncIterable<Buffer>)[Symbol.asyncIterator] === 'function') {
      this.it = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    } else throw new AppError('IMPORT_INPUT_INVALID', 400);
  }

  /** At least `size` bytes unless the input is shorter. */
  async sample(size: number): Promise<Buffer> {
    let total = this.pending.reduce((n, b) => n + b.length, 0);
    while (total < size) {
      const next = await this.next();
      if (!next) break;
      this.pending.push(next);
      total += next.length;
    }
    const sample = Buffer.concat(this.pending);
    this.pending = [];
    return sample;
  }

  async *rest(): AsyncGenerator<Buffer> {
    yield* this.pending.splice(0);
    for (let b = await this.next(); b; b = await this.next()) yield b;
  }

  /** Everything not read yet, whole: for formats that cannot be streamed (a zip's directory is at its end). */
  async readAll(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const b of this.rest()) parts.push(b);
    return Buffer.concat(parts);
  }

  /** Stops an input stream early (fatal error): lets the caller's socket or file close. */
  async close(): Promise<void> {
    if (!this.done) await this.it.return?.();
    this.done = true;
  }

  private async next(): Promise<Buffer | null> {
    if (this.done) return null;
    const r = await this.it.next();
    if (r.done) {
      this.done = true;
      return null;
    }
    // A stream with setEncoding() yields strings: the charset would already be guessed wrong.
    if (typeof r.value === 'string') throw new AppError('IMPORT_INPUT_INVALID', 400);
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    this.bytesRead += b.length;
    return b;
  }
}

/** A Buffer is served in slices so parsing, progress and memory behave as for a stream. */
async function* slices(buf: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += SLICE) yield buf.subarray(i, i + SLICE);
}
