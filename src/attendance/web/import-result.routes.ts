import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { WithServices } from '../../services';
import { findImport, findUnmatched, listUnmatched, matchUnmatchedRow } from '../attendance.service';
import { findLearnerById, searchLearners } from '../../learners/learners.service';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import { Email, Uuid } from '../../shared/schemas';
import { EventKey } from '../../events/events.schemas';
import { programmeEvent } from '../../events/web/programme.data';
import { setFlash } from '../../web/flash';
import { formBody } from '../../web/forms';
import { textFor } from '../../shared/text';
import { paths, urls } from '../../web/urls';
import type { Views } from '../../web/views';
import { importResultText } from './import-result.text';
import { importResultPage, type UnmatchedView } from './import-result.page';

/** Name suggestions cost one query per row: only the first rows still to match get them. */
const SUGGESTED_ROWS = 100;

/** An import's result, and the rows without an e-mail matched to a learner by hand. */
export const importResultPages: FastifyPluginAsyncTypebox<WithServices & { views: Views }> = async (
  app,
  { services, views },
) => {
  const { db } = services;

  async function unmatchedViews(importId: string): Promise<UnmatchedView[]> {
    const rows = await listUnmatched(db, importId);
    let suggested = 0;
    const out: UnmatchedView[] = [];
    for (const r of rows) {
      const matched = r.matchedLearnerId ? await findLearnerById(db, r.matchedLearnerId) : undefined;
      const suggest = !r.matchedLearnerId && suggested++ < SUGGESTED_ROWS;
      out.push({
        id: r.id,
        line: r.line,
        name: r.name,
        minutes: r.minutes,
        matchedEmail: r.matchedLearnerId ? (matched?.email ?? '?') : null,
        suggestions: suggest ? await suggestionsFor(r.name) : [],
      });
    }
    return out;
  }

  /** Learners whose name contains the row's name, else its longest word (a surname). */
  async function suggestionsFor(name: string) {
    const longest = name
      .split(/\s+/)
      .filter((w) => w.length >= 3)
      .sort((a, b) => b.length - a.length)[0];
    for (const q of [name.trim(), longest]) {
      if (!q) continue;
      const { rows } = await searchLearners(db, { q, limit: 3, offset: 0 });
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
    const record = await findImport(db, id);
    if (!record || record.eventKey !== key)
      throw new AppError('NOT_FOUND', 404, { resource: urls.organiser.importResult(key, id) });
    const event = await programmeEvent(db, services.programme, key, request.lang);
    const rows = await unmatchedViews(id);
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, importResultPage(ctx, { event, record, rows, rowError, status }));
  }

  app.get(
    paths.organiser.importResult,
    { schema: { params: Type.Object({ key: EventKey, id: Uuid }) } },
    async (request, reply) => resultView(request, reply, request.params.key, request.params.id),
  );

  app.post(paths.organiser.matchRow, { schema: { params: Type.Object({ id: Uuid }) } }, async (request, reply) => {
    const row = await findUnmatched(db, request.params.id);
    const record = row && (await findImport(db, row.importId));
    if (!row || !record) throw new AppError('NOT_FOUND', 404, { resource: `unmatched/${request.params.id}` });
    const body = formBody(request.body);
    const email = (Object.entries(body).find(([k]) => k.startsWith('email-'))?.[1] ?? '').trim();
    const learnerId = Value.Check(Uuid, body.learnerId) ? body.learnerId : undefined;
    const refuse = (message: string, status: number) =>
      resultView(request, reply, record.eventKey, record.id, { rowId: row.id, email, message }, status);
    if (!learnerId && !Value.Check(Email, email))
      return refuse(textFor(importResultText, request.lang).matchEmailInvalid, 400);
    try {
      const result = await matchUnmatchedRow(services, request.actor!, {
        rowId: row.id,
        ...(learnerId ? { learnerId } : { email }),
      });
      const learner = await findLearnerById(db, result.learnerId);
      setFlash(reply, 'rowMatched', { line: String(row.line), name: row.name, email: learner?.email ?? email });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return refuse(translate(error.code, error.params, request.lang), error.status);
    }
    return views.redirect(reply, `${urls.organiser.importResult(record.eventKey, record.id)}#ligne-${row.line}`);
  });
};
