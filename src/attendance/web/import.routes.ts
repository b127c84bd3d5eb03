import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import { importAttendance, type ImportPreview, type ImportRequest } from '../import.service';
import { matchUnmatchedRow } from '../attendance.service';
import { findImport, findUnmatched, listImports, listUnmatched } from '../attendance.store';
import { keepConnectionUsable } from '../byte-limit';
import { findLearnerById } from '../../learners/learners.store';
import { searchLearners } from '../../learners/learners.query';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import { Email, Uuid } from '../../shared/schemas';
import { programmeEvent, type EventView } from '../../events/web/programme.data';
import { setFlash } from '../../web/flash';
import { formBody } from '../../web/forms';
import { importText } from './import.text';
import { importMappingText } from './import-mapping.text';
import { spoolFile } from '../../web/multipart';
import { textFor } from '../../shared/text';
import type { Views } from '../../web/views';
import {
  importPage,
  importResultPage,
  importResultUrl,
  previewPage,
  type ImportFormData,
  type UnmatchedView,
} from './import.page';
import { FileHead } from './import-headers';
import {
  guessMapping,
  MAPPING_DIGEST_FIELD,
  mappingDigest,
  missingColumns,
  readMappingForm,
  type Mapping,
} from './import-mapping.form';

const KeyParams = {
  type: 'object',
  properties: { key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' } },
  required: ['key'],
} as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const ResultParams = {
  type: 'object',
  properties: { key: KeyParams.properties.key, id: uuid },
  required: ['key', 'id'],
} as const;
const RowParams = { type: 'object', properties: { id: uuid }, required: ['id'] } as const;
/** Name suggestions cost one query per row: only the first rows still to match get them. */
const SUGGESTED_ROWS = 100;

const actorOf = (request: FastifyRequest) => ({ id: request.viewer!.sub, email: request.viewer!.email });

/** Errors of a file in no known layout: the page then asks which column is which. */
const MAPPABLE = new Set([
  'IMPORT_HEADER_NOT_RECOGNISED',
  'IMPORT_MAPPING_COLUMNS_NOT_FOUND',
  'IMPORT_NO_PRESENCE_COLUMN',
]);

interface RunOptions {
  dryRun: boolean;
  acceptPartial?: boolean;
  mapping?: Mapping;
}
type ShowPreview = (
  preview: ImportPreview,
  fileName: string,
  alert?: { title: string; message: string },
  status?: number,
) => unknown;

/**
 * The import, in the browser: choose a file → preview (dry run, nothing stored) → confirm.
 * The confirmation sends the file again with the preview's SHA-256; it is spooled to a private
 * temporary file and compared before the commit, so what is saved is exactly what was previewed
 * and nothing is kept on the server between the two steps (any instance can take either).
 * A file in no known layout gets a mapping form (its columns, read from the file) between the
 * two: the chosen columns are previewed, then carried with the confirmation and checked too.
 */
export const importPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  const deps = { reevaluate: app.reevaluate };
  // A refused upload is answered before its end: the rest is drained (or the connection closed)
  // so the organiser's next click on the same keep-alive connection is answered.
  app.addHook('onSend', async (request, reply, payload) => {
    keepConnectionUsable(request, reply);
    return payload;
  });
  const history = (key: string) => listImports(app.db, key);
  const run = (
    request: FastifyRequest,
    event: EventView,
    input: ImportRequest['input'],
    fileName: string,
    options: RunOptions,
  ) =>
    importAttendance(
      app.db,
      {
        eventKey: event.key,
        input,
        fileName,
        dryRun: options.dryRun,
        acceptPartial: options.acceptPartial ?? false,
        mapping: options.mapping,
        lang: request.lang,
        actor: actorOf(request),
      },
      deps,
    );

  app.get<{ Params: { key: string } }>(
    '/evenements/:key/import',
    { schema: { params: KeyParams } },
    async (request, reply) => {
      const event = await programmeEvent(app.db, app.programme, request.params.key, request.lang);
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, importPage(ctx, { event, history: await history(event.key) }));
    },
  );

  app.post<{ Params: { key: string } }>(
    '/evenements/:key/import',
    { schema: { params: KeyParams } },
    async (request, reply) => {
      const event = await programmeEvent(app.db, app.programme, request.params.key, request.lang);
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
      const showPreview: ShowPreview = (preview, fileName, alert, status) => {
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
          return showPreview(
            await run(request, event, head.through(file.file), fileName, { dryRun: true, mapping }),
            fileName,
          );
        }
        return await confirm(request, reply, event, body, fileName, { mapping, head }, showPreview);
      } catch (error) {
        // The file cannot be read at all (not a CSV, unknown headers, too large): say why on the form.
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const message = translate(error.code, error.params, request.lang);
        // A file in no known layout, or a mapping that does not fit it: offer its columns to map.
        const headers = form || MAPPABLE.has(error.code) ? await head.headers() : [];
        if (headers.length === 0) return refuse(error.status, { message });
        const errors = form ? missingColumns(form.mapping, headers, request.lang) : {};
        return refuse(error.status, {
          message,
          errors,
          mapping: { fileName, headers, choices: form?.mapping ?? guessMapping(headers) },
        });
      }
    },
  );

  async function confirm(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventView,
    body: Record<string, string>,
    fileName: string,
    reading: { mapping: Mapping | undefined; head: FileHead },
    showPreview: ShowPreview,
  ) {
    const t = textFor(importText, request.lang);
    const spooled = await spoolFile(request.pageFile!);
    const { mapping, head } = reading;
    const runSpooled = (options: Omit<RunOptions, 'mapping'>) =>
      run(request, event, head.through(spooled.open()), fileName, { ...options, mapping });
    try {
      if (spooled.sha256 !== body.empreinte) {
        return showPreview(
          await runSpooled({ dryRun: true }),
          fileName,
          { title: t.otherFileTitle, message: t.otherFileBody },
          409,
        );
      }
      // The file is the previewed one; the columns must be too, or the commit would read it differently.
      if (mappingDigest(mapping) !== (body[MAPPING_DIGEST_FIELD] ?? '')) {
        const m = textFor(importMappingText, request.lang);
        return showPreview(
          await runSpooled({ dryRun: true }),
          fileName,
          { title: m.changedTitle, message: m.changedBody },
          409,
        );
      }
      try {
        const result = await runSpooled({ dryRun: false, acceptPartial: body.partiel === 'oui' });
        if (!('importId' in result)) throw new AppError('INTERNAL_ERROR', 500);
        setFlash(reply, result.alreadyImported ? 'importAlready' : 'importDone');
        return views.redirect(reply, importResultUrl(event.key, result.importId));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'IMPORT_HAS_ERRORS') throw error;
        const preview = await runSpooled({ dryRun: true });
        return showPreview(
          preview,
          fileName,
          { title: t.hasErrorsTitle, message: translate(error.code, error.params, request.lang) },
          error.status,
        );
      }
    } finally {
      await spooled.remove();
    }
  }

  async function unmatchedViews(importId: string): Promise<UnmatchedView[]> {
    const rows = await listUnmatched(app.db, importId);
    let suggested = 0;
    const views: UnmatchedView[] = [];
    for (const r of rows) {
      const matched = r.matchedLearnerId ? await findLearnerById(app.db, r.matchedLearnerId) : undefined;
      const suggest = !r.matchedLearnerId && suggested++ < SUGGESTED_ROWS;
      views.push({
        id: r.id,
        line: r.line,
        name: r.name,
        minutes: r.minutes,
        matchedEmail: r.matchedLearnerId ? (matched?.email ?? '?') : null,
        suggestions: suggest ? await suggestionsFor(r.name) : [],
      });
    }
    return views;
  }

  /** Learners whose name contains the row's name, else its longest word (a surname). */
  async function suggestionsFor(name: string) {
    const longest = name
      .split(/\s+/)
      .filter((w) => w.length >= 3)
      .sort((a, b) => b.length - a.length)[0];
    for (const q of [name.trim(), longest]) {
      if (!q) continue;
      const { rows } = await searchLearners(app.db, { q, limit: 3, offset: 0 });
      if (rows.length) return rows.map((l) => ({ id: l.id, email: l.email, name: l.name }));
    }
    return [];
  }

  async function resultView(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    id: string,
    rowError?: { rowId: string; email: string; message: string },
    status?: number,
  ) {
    const record = await findImport(app.db, id);
    if (!record || record.eventKey !== key)
      throw new AppError('NOT_FOUND', 404, { resource: importResultUrl(key, id) });
    const event = await programmeEvent(app.db, app.programme, key, request.lang);
    const rows = await unmatchedViews(id);
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, importResultPage(ctx, { event, record, rows, rowError, status }));
  }

  app.get<{ Params: { key: string; id: string } }>(
    '/evenements/:key/import/:id',
    { schema: { params: ResultParams } },
    async (request, reply) => resultView(request, reply, request.params.key, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/lignes/:id/rattacher',
    { schema: { params: RowParams } },
    async (request, reply) => {
      const row = await findUnmatched(app.db, request.params.id);
      const record = row && (await findImport(app.db, row.importId));
      if (!row || !record) throw new AppError('NOT_FOUND', 404, { resource: `unmatched/${request.params.id}` });
      const body = formBody(request.body);
      const email = (Object.entries(body).find(([k]) => k.startsWith('email-'))?.[1] ?? '').trim();
      const learnerId = Value.Check(Uuid, body.learnerId) ? body.learnerId : undefined;
      const refuse = (message: string, status: number) =>
        resultView(request, reply, record.eventKey, record.id, { rowId: row.id, email, message }, status);
      if (!learnerId && !Value.Check(Email, email))
        return refuse(textFor(importText, request.lang).matchEmailInvalid, 400);
      try {
        const result = await matchUnmatchedRow(app.db, actorOf(request), deps, {
          rowId: row.id,
          ...(learnerId ? { learnerId } : { email }),
        });
        const learner = await findLearnerById(app.db, result.learnerId);
        setFlash(reply, 'rowMatched', { line: String(row.line), name: row.name, email: learner?.email ?? email });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return refuse(translate(error.code, error.params, request.lang), error.status);
      }
      return views.redirect(reply, `${importResultUrl(record.eventKey, record.id)}#ligne-${row.line}`);
    },
  );
};
