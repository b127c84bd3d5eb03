import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WithServices } from '../../services';
import { asPreview, importAttendance, type ImportPreview, type ImportRequest } from '../import.service';
import { listImports } from '../attendance.service';
import { keepConnectionUsable } from '../../plugins/connection';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import { EventKey } from '../../events/events.schemas';
import { programmeEvent, type EventView } from '../../events/web/programme.data';
import { formBody } from '../../web/forms';
import { textFor } from '../../shared/text';
import { paths } from '../../web/urls';
import type { Views } from '../../web/views';
import { importText } from './import.text';
import { importMappingText } from './import-mapping.text';
import { importPage, type ImportFormData } from './import.page';
import { previewPage } from './import-preview.page';
import { FileHead } from './import-headers';
import { guessMapping, missingColumns, readMappingForm, type Mapping } from './import-mapping.form';
import { confirmImport, type RunOptions, type ShowPreview } from './import-confirm';
import { importResultPages } from './import-result.routes';

/** Errors of a file in no known layout: the page then asks which column is which. */
const MAPPABLE = new Set([
  'IMPORT_HEADER_NOT_RECOGNISED',
  'IMPORT_MAPPING_COLUMNS_NOT_FOUND',
  'IMPORT_NO_PRESENCE_COLUMN',
]);

/**
 * The import, in the browser: choose a file → preview (dry run, nothing stored) → confirm
 * (import-confirm.ts). A file in no known layout gets a mapping form (its columns, read from the
 * file) between the two. The result and the matching of rows without an e-mail: import-result.routes.ts.
 */
export const importPages: FastifyPluginAsyncTypebox<WithServices & { views: Views }> = async (
  app,
  { services, views },
) => {
  // A refused upload is answered before its end: the rest is drained (or the connection closed)
  // so the organiser's next click on the same keep-alive connection is answered.
  app.addHook('onSend', async (request, reply, payload) => {
    keepConnectionUsable(request, reply);
    return payload;
  });
  const history = (key: string) => listImports(services.db, key);
  const run = (
    request: FastifyRequest,
    event: EventView,
    input: ImportRequest['input'],
    fileName: string,
    options: RunOptions,
  ) =>
    importAttendance(services, request.actor!, {
      eventKey: event.key,
      input,
      fileName,
      dryRun: options.dryRun,
      acceptPartial: options.acceptPartial ?? false,
      mapping: options.mapping,
      lang: request.lang,
    });
  await app.register(importResultPages, { services, views });
  const params = { params: Type.Object({ key: EventKey }) };

  app.get(paths.organiser.import, { schema: params }, async (request, reply) => {
    const event = await programmeEvent(services.db, services.programme, request.params.key, request.lang);
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, importPage(ctx, { event, history: await history(event.key) }));
  });

  app.post(paths.organiser.import, { schema: params }, async (request, reply) => {
    const event = await programmeEvent(services.db, services.programme, request.params.key, request.lang);
    const body = formBody(request.body);
    const file = request.pageFile;
    // The mapping form's choices, or the previewed mapping the confirmation carries.
    const form = readMappingForm(body, request.lang);
    const mapping = form?.mapping;
    const head = new FileHead();
    const refuse = async (status: number, state: Pick<ImportFormData, 'message' | 'errors' | 'mapping'>) => {
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, importPage(ctx, { event, history: await history(event.key), status, ...state }));
    };
    const showPreview: ShowPreview = (preview: ImportPreview, fileName, alert, status) => {
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, previewPage(ctx, { event, fileName, preview, mapping, alert, status }));
    };
    if (!file) return refuse(400, { errors: { fichier: textFor(importText, request.lang).fileMissing } });
    const fileName = file.filename;
    try {
      if (form && Object.keys(form.errors).length > 0) {
        // Choices refused before the import runs: the file's first lines still list its columns.
        await head.read(file.file);
        const headers = await head.headers();
        if (headers.length === 0)
          return refuse(422, { errors: { fichier: textFor(importMappingText, request.lang).noHeaders } });
        return refuse(400, { errors: form.errors, mapping: { fileName, headers, choices: form.mapping } });
      }
      if (body.etape !== 'confirmer') {
        const preview = await run(request, event, head.through(file.file), fileName, { dryRun: true, mapping });
        return showPreview(asPreview(preview), fileName);
      }
      const runSpooled = (input: AsyncIterable<Buffer>, options: Omit<RunOptions, 'mapping'>) =>
        run(request, event, head.through(input), fileName, { ...options, mapping });
      return await confirmImport({ request, reply, views, event, body, fileName, mapping }, runSpooled, showPreview);
    } catch (error) {
      // The file cannot be read at all (not a CSV, unknown headers, too large): say why on the form.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const message = translate(error.code, error.params, request.lang);
      // A file in no known layout, or a mapping that does not fit it: offer its columns to map.
      const headers = form || MAPPABLE.has(error.code) ? await head.headers() : [];
      if (headers.length === 0) return refuse(error.status, { message });
      const errors = form ? missingColumns(form.mapping, headers, request.lang) : {};
      const choices: Mapping = form?.mapping ?? guessMapping(headers);
      return refuse(error.status, { message, errors, mapping: { fileName, headers, choices } });
    }
  });
};
