import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '../shared/errors';
import { UPLOAD_MAX_BYTES } from '../plugins/connection';

export const IMPORT_MAX_BYTES = UPLOAD_MAX_BYTES;

/**
 * Passes bytes through while hashing them and refusing past `limit`: the file is never held
 * whole, its SHA-256 (for idempotent re-imports) is known once it has been read.
 */
export function hashingLimit(source: Buffer | AsyncIterable<Buffer>, limit = IMPORT_MAX_BYTES) {
  const hash = createHash('sha256');
  let bytes = 0;
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', 413, { limit: `${Math.round(limit / 1_048_576)} Mo/MB` });
  async function* stream(): AsyncGenerator<Buffer> {
    const chunks: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(source) ? [source] : source;
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (bytes > limit) throw tooLarge();
      hash.update(chunk);
      yield chunk;
    }
  }
  return {
    stream: stream(),
    get bytes() {
      return bytes;
    },
    digest: () => hash.digest('hex'),
  };
}

/**
 * An upload stream that an importer may stop reading early (a refused header, a fatal row)
 * without destroying it: a destroyed request leaves its connection stuck mid-body, and the next
 * request a browser or `fetch` sends on that keep-alive connection never gets an answer.
 * `keepConnectionUsable` (plugins/connection.ts) then drains what is left.
 */
export function readWithoutDestroying(stream: Readable): AsyncIterable<Buffer> {
  return { [Symbol.asyncIterator]: () => stream.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer> };
}
