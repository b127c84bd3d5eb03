import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage } from '../../plugins/errors';
import { AppError } from '../../shared/errors';
import { fmt, textFor } from '../../shared/text';
import { formBody } from '../../web/forms';
import { forgetMergedLearner, isOrganiser, learnerSignInUrl, signOut, startSession } from '../../web/session';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { myDirectory } from '../../directory/directory.service';
import { findLearnerById } from '../../learners/learners.service';
import { confirmErasure, requestErasure } from '../erasure.service';
import { exportFileName, exportZip } from '../export.service';
import { peekRequest } from '../requests.service';
import { confirmEmailChange, rectifyIdentity, requestEmailChange } from '../rectify.service';
import { confirmPage, type DoneKey, messagePage, myDataPage, myDataPaths } from './my-data.page';
import { myDataText } from './my-data.text';

const DONE: readonly DoneKey[] = ['identity', 'email', 'erasure', 'emailChanged', 'listed', 'withdrawn'];

/** « Mes données » and the pages its confirmation links open. */
export const myDataPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const actorOf = (request: FastifyRequest) => {
    const v = request.viewer;
    return v && !isOrganiser(v) ? { id: v.sub, email: v.email, role: 'learner' as const } : null;
  };
  /** A learner's POST: on a refusal (a 4xx AppError) back to the page with the message. */
  const act = async (reply: FastifyReply, run: () => Promise<unknown>, done: DoneKey) => {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return views.redirect(reply, `${urls.myData()}?erreur=${encodeURIComponent(error.code)}`);
    }
    return views.redirect(reply, urls.myData(done));
  };

  app.get<{ Querystring: { fait?: string; erreur?: string } }>(paths.myData, async (request, reply) => {
    const actor = actorOf(request);
    if (!actor) return views.redirect(reply, request.viewer ? urls.organiser.dashboard() : learnerSignInUrl(request));
    const learner = await findLearnerById(services.db, actor.id);
    const listing =
      learner && !learner.erasedAt
        ? await myDirectory(services, actor.id, request.lang).catch(forgetMergedLearner(reply))
        : null;
    if (!learner || !listing) return views.redirect(reply, urls.signIn());
    const ctx = views.context(request, reply);
    const done = DONE.find((d) => d === request.query.fait);
    const code = request.query.erreur;
    const error = code && /^[A-Z_]{3,60}$/.test(code) ? errorMessage(new AppError(code, 400), ctx.lang) : undefined;
    return views.send(reply, ctx, myDataPage(ctx, { learner, listing, done, error }));
  });

  app.get(myDataPaths.exportZip, async (request, reply) => {
    const actor = actorOf(request);
    if (!actor) return views.redirect(reply, urls.signIn(urls.myData()));
    const zip = await exportZip(services.db, actor.id);
    return reply
      .header('content-type', 'application/zip')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${exportFileName(actor.id)}"`)
      .send(Buffer.from(zip));
  });

  app.post(myDataPaths.identity, async (request, reply) => {
    const actor = actorOf(request);
    if (!actor) return views.redirect(reply, urls.signIn(urls.myData()));
    const body = formBody(request.body);
    const run = () =>
      rectifyIdentity(services, actor, { name: body.nom ?? null, organisation: body.organisation ?? null });
    return act(reply, run, 'identity');
  });

  app.post(myDataPaths.email, async (request, reply) => {
    const actor = actorOf(request);
    if (!actor) return views.redirect(reply, urls.signIn(urls.myData()));
    const email = (formBody(request.body).email ?? '').trim();
    return act(reply, () => requestEmailChange(services, actor, { email: email.slice(0, 320) }), 'email');
  });

  app.post(myDataPaths.erasure, async (request, reply) => {
    const actor = actorOf(request);
    if (!actor) return views.redirect(reply, urls.signIn(urls.myData()));
    const revokeCredentials = formBody(request.body).badges === 'revoquer';
    return act(reply, () => requestErasure(services, actor, { revokeCredentials }), 'erasure');
  });

  // The links: a page with one button; the POST acts (a mail scanner following the link changes nothing).
  app.get<{ Querystring: { token?: string } }>(myDataPaths.email, async (request, reply) => {
    const token = request.query.token ?? '';
    const pending = token ? await peekRequest(services.db, token, 'email-change') : undefined;
    const ctx = views.context(request, reply);
    const t = textFor(myDataText, ctx.lang);
    if (!pending) return views.send(reply, ctx, messagePage(ctx, t.errorTitle, invalid(ctx.lang), 400));
    return views.send(reply, ctx, confirmPage(ctx, 'email', token, { email: pending.newEmail ?? '' }));
  });

  app.get<{ Querystring: { token?: string } }>(myDataPaths.erasure, async (request, reply) => {
    const token = request.query.token ?? '';
    const pending = token ? await peekRequest(services.db, token, 'erasure') : undefined;
    const ctx = views.context(request, reply);
    const t = textFor(myDataText, ctx.lang);
    if (!pending) return views.send(reply, ctx, messagePage(ctx, t.errorTitle, invalid(ctx.lang), 400));
    return views.send(reply, ctx, confirmPage(ctx, 'erasure', token));
  });

  app.post(`${myDataPaths.email}/confirmer`, async (request, reply) => {
    const token = formBody(request.body).token ?? '';
    try {
      const changed = await confirmEmailChange(services, token);
      // The session names the person by the address: it follows the change.
      if (request.viewer?.sub === changed.learnerId) {
        await app.revokeToken(request.viewer);
        startSession(reply, { sub: changed.learnerId, role: 'learner', email: changed.email });
        return views.redirect(reply, urls.myData('emailChanged'));
      }
      const ctx = views.context(request, reply);
      const t = textFor(myDataText, ctx.lang);
      return views.send(reply, ctx, messagePage(ctx, t.doneTitle, t['done.emailChanged']));
    } catch (error) {
      return refused(request, reply, error);
    }
  });

  app.post(`${myDataPaths.erasure}/confirmer`, async (request, reply) => {
    const token = formBody(request.body).token ?? '';
    try {
      const erased = await confirmErasure(services, token);
      if (request.viewer && !isOrganiser(request.viewer)) await signOut(reply, request.viewer);
      const ctx = views.context(request, reply);
      const t = textFor(myDataText, ctx.lang);
      return views.send(
        reply,
        ctx,
        messagePage(ctx, t.erasedTitle, fmt(t.erasedLead, { reference: erased.reference })),
      );
    } catch (error) {
      return refused(request, reply, error);
    }
  });

  const invalid = (lang: 'fr' | 'en') => errorMessage(new AppError('PRIVACY_LINK_INVALID', 400), lang);
  const refused = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const ctx = views.context(request, reply);
    const t = textFor(myDataText, ctx.lang);
    return views.send(reply, ctx, messagePage(ctx, t.errorTitle, errorMessage(error, ctx.lang), error.status));
  };
};
