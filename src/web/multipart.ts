import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { UPLOAD_MAX_BYTES } from '../plugins/connection';
import { AppError } from '../shared/errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The file of a multipart page form, its stream not read yet (set by the pages plugin). */
    pageFile: MultipartFile | null;
  }
}

/** Busboy limits for page forms: one file (an attendance export is the largest), a few short fields. */
export const PAGE_MULTIPART_LIMITS = {
  fileSize: UPLOAD_MAX_BYTES + 1,
  files: 1,
  fields: 20,
  fieldSize: 1_048_576,
  parts: 24,
};

/**
 * Reads the fields of a multipart form up to its file and leaves the file unread for the
 * handler: an export of tens of megabytes streams to the importer instead of sitting in memory.
 * The fields become `request.body`, so the CSRF check and `formBody` treat both encodings alike.
 * Forms therefore put their file input last (browsers send fields in document order).
 */
export async function readMultipartFields(request: FastifyRequest): Promise<void> {
  const fields: Record<string, string> = {};
  const parts = request.parts({ limits: PAGE_MULTIPART_LIMITS });
  request.pageFile = null;
  for (let next = await parts.next(); !next.done; next = await parts.next()) {
    const part = next.value;
    if (part.type === 'field') {
      if (!(part.fieldname in fields)) fields[part.fieldname] = String(part.value);
      continue;
    }
    // An empty file input still sends a part, with no name and no bytes.
    if (!part.filename) {
      part.file.resume();
      continue;
    }
    request.pageFile = part;
    break;
  }
  request.body = fields;
}

const tooLarge = (limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', 413, { limit: `${Math.round(limit / 1_048_576)} Mo/MB` });

/** The file's bytes, refused past `limit` (a baked badge image: a few hundred kilobytes). */
export async function readSmallFile(file: MultipartFile, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      file.file.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  if (file.file.truncated) throw tooLarge(limit);
  return Buffer.concat(chunks);
}

export interface SpooledFile {
  /** SHA-256 of the bytes, hex: the import service's `fileHash` of the same file. */
  sha256: string;
  bytes: number;
  open(): AsyncIterable<Buffer>;
  remove(): Promise<void>;
}

/**
 * Copies an upload to a private temporary file while hashing it, so a confirmed import can be
 * checked against its preview's hash before anything is written, then read again by the importer.
 * The caller removes it (finally).
 */
export async function spoolFile(file: MultipartFile, limit = UPLOAD_MAX_BYTES): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'parcours-import-'));
  const path = join(dir, 'upload');
  const hash = createHash('sha256');
  let bytes = 0;
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(
      file.file,
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          if (bytes > limit) return done(tooLarge(limit));
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(path, { mode: 0o600 }),
    );
    if (file.file.truncated) throw tooLarge(limit);
  } catch (error) {
    await remove();
    throw error;
  }
  return { sha256: hash.digest('hex'), bytes, open: () => createReadStream(path), remove };
}
