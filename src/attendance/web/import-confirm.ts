import type { FastifyReply, FastifyRequest } from 'fastify';
import { asPreview, type ImportCommit, type ImportPreview } from '../import.service';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import type { EventView } from '../../events/web/programme.data';
import { setFlash } from '../../web/flash';
import { spoolFile } from '../../web/multipart';
import { textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import type { Views } from '../../web/views';
import { importText } from './import.text';
import { importMappingText } from './import-mapping.text';
import { MAPPING_DIGEST_FIELD, mappingDigest, type Mapping } from './import-mapping.form';

export interface RunOptions {
  dryRun: boolean;
  acceptPartial?: boolean;
  mapping?: Mapping;
}
export type ShowPreview = (
  preview: ImportPreview,
  fileName: string,
  alert?: { title: string; message: string },
  status?: number,
) => unknown;
type RunFile = (
  input: AsyncIterable<Buffer>,
  options: Omit<RunOptions, 'mapping'>,
) => Promise<ImportPreview | ImportCommit>;

interface Confirmation {
  request: FastifyRequest;
  reply: FastifyReply;
  views: Views;
  event: EventView;
  body: Record<string, string>;
  fileName: string;
  mapping: Mapping | undefined;
}

/**
 * The confirmation sends the file again with the preview's SHA-256; it is spooled to a private
 * temporary file and compared before the commit, so what is saved is exactly what was previewed
 * and nothing is kept on the server between the two steps (any instance can take either). The
 * mapping of a file in no known layout is carried with it and checked too.
 */
export async function confirmImport(c: Confirmation, run: RunFile, showPreview: ShowPreview) {
  const { request, reply, views, event, body, fileName, mapping } = c;
  const t = textFor(importText, request.lang);
  const spooled = await spoolFile(request.pageFile!);
  const runSpooled = (options: Omit<RunOptions, 'mapping'>) => run(spooled.open(), options);
  const previewSpooled = async () => asPreview(await runSpooled({ dryRun: true }));
  try {
    if (spooled.sha256 !== body.empreinte) {
      const preview = await previewSpooled();
      return showPreview(preview, fileName, { title: t.otherFileTitle, message: t.otherFileBody }, 409);
    }
    // The file is the previewed one; the columns must be too, or the commit would read it differently.
    if (mappingDigest(mapping) !== (body[MAPPING_DIGEST_FIELD] ?? '')) {
      const m = textFor(importMappingText, request.lang);
      const preview = await previewSpooled();
      return showPreview(preview, fileName, { title: m.changedTitle, message: m.changedBody }, 409);
    }
    try {
      const result = await runSpooled({ dryRun: false, acceptPartial: body.partiel === 'oui' });
      if (!('importId' in result)) throw new AppError('INTERNAL_ERROR', 500);
      setFlash(reply, result.alreadyImported ? 'importAlready' : 'importDone');
      return views.redirect(reply, urls.organiser.importResult(event.key, result.importId));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'IMPORT_HAS_ERRORS') throw error;
      const preview = await previewSpooled();
      const message = translate(error.code, error.params, request.lang);
      return showPreview(preview, fileName, { title: t.hasErrorsTitle, message }, error.status);
    }
  } finally {
    await spooled.remove();
  }
}
