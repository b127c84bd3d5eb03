import { Value } from 'typebox/value';
import type { PageOptions } from '../../web/web.plugin';
import type { FastifyPluginAsync } from 'fastify';
import { errorMessage } from '../../plugins/errors';
import { AppError } from '../../shared/errors';
import { Email } from '../../shared/schemas';
import { textFor } from '../../shared/text';
import { formBody } from '../../web/forms';
import { carriedLearnerNext, safeLearnerNext, startSession } from '../../web/session';
import { paths, urls } from '../../web/urls';
import { requestMagicLink, verifyMagicLink } from '../auth.service';
import { confirmLinkPage, linkSentPage, signInPage } from './learner-sign-in.page';
import { signInText } from './learner-sign-in.text';

/** Learner sign-in by e-mailed link: the form, the link sent, the link confirmed. */
export const learnerSignInPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { db, config } = services;
  app.get<{ Querystring: { suite?: string } }>(paths.signIn, async (request, reply) => {
    if (request.viewer?.role === 'learner') return views.redirect(reply, safeLearnerNext(request.query.suite));
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, signInPage(ctx, { next: carriedLearnerNext(request.query.suite) }));
  });

  app.post(paths.signIn, async (request, reply) => {
    const ctx = views.context(request, reply);
    const body = formBody(request.body);
    const email = (body.email ?? '').trim();
    const next = carriedLearnerNext(body.suite);
    if (!Value.Check(Email, email)) {
      const errors = { email: textFor(signInText, ctx.lang).emailInvalid };
      return views.send(reply, ctx, signInPage(ctx, { email, next, errors, status: 400 }));
    }
    try {
      await requestMagicLink(db, { email, lang: ctx.lang, publicUrl: config.publicUrl, ip: request.ip, next });
    } catch (error) {
      // Too many links asked from this client (AUTH_RATE_LIMITED): said plainly, with the wait.
      if (!(error instanceof AppError) || error.status !== 429) throw error;
      if (error.params.seconds) reply.header('retry-after', String(error.params.seconds));
      const message = errorMessage(error, ctx.lang);
      return views.send(reply, ctx, signInPage(ctx, { email, next, message, status: 429 }));
    }
    return views.send(reply, ctx, linkSentPage(ctx, email));
  });

  app.get<{ Querystring: { token?: string; suite?: string } }>(paths.signInLink, async (request, reply) => {
    const token = request.query.token;
    if (!token) return views.redirect(reply, urls.signIn());
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, confirmLinkPage(ctx, token, carriedLearnerNext(request.query.suite)));
  });

  app.post(paths.signInLink, async (request, reply) => {
    const body = formBody(request.body);
    const token = body.token ?? '';
    try {
      const claims = await verifyMagicLink(db, token, request.lang);
      // The new session replaces the one this browser had (another learner's, or an organiser's):
      // the old token is revoked, so a copy of the old cookie is worthless too.
      if (request.viewer) await app.revokeToken(request.viewer);
      startSession(reply, claims);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const ctx = views.context(request, reply);
      const messageTitle = textFor(signInText, ctx.lang).linkErrorTitle;
      const message = errorMessage(error, ctx.lang);
      return views.send(reply, ctx, signInPage(ctx, { messageTitle, message, status: error.status }));
    }
    return views.redirect(reply, safeLearnerNext(body.suite));
  });
};
