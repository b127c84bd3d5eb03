import type { WithServices } from '../services';
import { PassThrough, type Readable } from 'node:stream';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors';
import { translate } from '../text';
import { errorResponses } from '../shared/schemas';
import { EventKey } from '../events/events.schemas';
import { keepConnectionUsable } from '../plugins/connection';
import { IMPORT_MAX_BYTES, readWithoutDestroying } from './byte-limit';
import { ImportQuerySchema, ImportResultSchema } from './attendance.schemas';
import { importAttendance, type ImportProgress } from './import.service';
import { MAPPED_FIELDS, type ParseOptions } from './importers/types';

/** The raw body (any content type) or the first file of a multipart form, as a stream. */
async function fileStream(request: FastifyRequest): Promise<{ stream: AsyncIterable<Buffer>; fileName?: string }> {
  if (request.isMultipart()) {
    const file = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES + 1 } });
    if (!file) throw new AppError('IMPORT_EMPTY_FILE', 400);
    return { stream: readWithoutDestroying(file.file), fileName: file.filename };
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > IMPORT_MAX_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 413, { limit: `${IMPORT_MAX_BYTES / 1_048_576} Mo/MB` });
  return { stream: readWithoutDestroying(request.body as Readable) };
}

/** `?mapping=` as JSON: known fields only, each a header name ("" = no column for that field). */
function parseMapping(raw: string | undefined): ParseOptions['mapping'] {
  if (!raw) return undefined;
  const refuse = (reason: string) =>
    new AppError('VALIDATION_FAILED', 400, { summary: 'mapping' }, [
      { field: 'mapping', location: 'querystring', reason },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw refuse('invalid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw refuse('expected an object: field → header');
  for (const [field, header] of Object.entries(parsed)) {
    if (!(MAPPED_FIELDS as readonly string[]).includes(field))
      throw refuse(`unknown field "${field}" (expected ${MAPPED_FIELDS.join(', ')})`);
    if (typeof header !== 'string') throw refuse(`"${field}": expected a header name as text`);
  }
  return parsed as ParseOptions['mapping'];
}

export const importRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  await app.register(multipart);
  // Export files arrive with any content type (text/csv, application/vnd.ms-excel, octet-stream…):
  // they are streamed to the parser, never buffered by Fastify.
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  // Answers may come before the whole file was read (refused header, 401, 413): the rest is
  // drained or the connection closed, so the next request on a keep-alive connection is answered.
  app.addHook('onSend', async (request, reply, payload) => {
    keepConnectionUsable(request, reply);
    return payload;
  });

  app.post('/:key/imports', {
    schema: {
      tags: ['attendance'],
      summary:
        'Importe un export de présence (aperçu ou validation) / imports an attendance export (preview or commit)',
      description:
        'Body: the file as exported (any content type) or multipart/form-data. `Accept: application/x-ndjson` ' +
        'streams progress lines, then the result.',
      security: [{ bearer: [] }],
      params: Type.Object({ key: EventKey }),
      querystring: ImportQuerySchema,
      response: { 200: ImportResultSchema, 201: ImportResultSchema, ...errorResponses(400, 401, 403, 404, 413, 422) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) => {
      const { stream, fileName } = await fileStream(request);
      const run = (onProgress?: (p: ImportProgress) => void) =>
        importAttendance(services, request.actor!, {
          eventKey: request.params.key,
          input: stream,
          dryRun: request.query.dryRun,
          acceptPartial: request.query.acceptPartial,
          fileName: fileName ?? request.query.fileName,
          mapping: parseMapping(request.query.mapping),
          lang: request.lang,
          onProgress,
        });
      if (!String(request.headers.accept ?? '').includes('application/x-ndjson')) {
        const result = await run();
        return reply.status(request.query.dryRun || !('importId' in result) ? 200 : 201).send(result);
      }
      // Progress as it happens, one JSON object per line; the last line is the result or the error.
      const out = new PassThrough();
      const line = (o: object) => out.write(`${JSON.stringify(o)}\n`);
      let last = 0;
      run((p) => {
        if (Date.now() - last > 200) {
          last = Date.now();
          line({ type: 'progress', ...p });
        }
      })
        .then((result) => line({ type: 'result', ...result }))
        .catch((error: unknown) => {
          const e = error instanceof AppError ? error : new AppError('INTERNAL_ERROR', 500);
          if (!(error instanceof AppError)) request.log.error({ err: error }, 'import failed');
          line({
            type: 'error',
            status: e.status,
            code: e.code,
            message: translate(e.code, e.params, request.lang),
            details: e.details,
          });
        })
        .finally(() => out.end());
      return reply.type('application/x-ndjson').send(out as never);
    },
  });
};
