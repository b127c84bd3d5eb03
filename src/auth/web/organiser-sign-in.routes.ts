import type { FastifyPluginAsync } from 'fastify';
import { errorMessage } from '../../plugins/errors';
import { AppError } from '../../shared/errors';
import { normaliseEmail } from '../../shared/schemas';
import { textFor } from '../../shared/text';
import { formBody, type FieldErrors } from '../../web/forms';
import { safeNext } from '../../web/guard';
import { isOrganiser, startSession } from '../../web/session';
import { paths } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { loginOrganiser } from '../auth.service';
import { fromKnownDevice, rememberDevice } from '../known-device';
import { organiserSignInPage } from './organiser-sign-in.page';
import { organiserSignInText } from './organiser-sign-in.text';

const SIGN_IN = `${paths.organiser.scope}${paths.organiser.signIn}`;

/** The organiser sign-in (outside the organiser guard: it is how one gets past it). */
export const organiserSignInPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { db, config } = services;
  app.get<{ Querystring: { suite?: string } }>(SIGN_IN, async (request, reply) => {
    const next = safeNext(request.query.suite);
    if (isOrganiser(request.viewer)) return views.redirect(reply, next);
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, organiserSignInPage(ctx, { next }));
  });

  app.post(SIGN_IN, async (request, reply) => {
    const body = formBody(request.body);
    const email = (body.email ?? '').trim();
    const next = safeNext(body.suite);
    const t = textFor(organiserSignInText, request.lang);
    const errors: FieldErrors = {};
    if (!email) errors.email = t.emailRequired;
    if (!body.password) errors.password = t.passwordRequired;
    const refuse = (status: number, message?: string) => {
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, organiserSignInPage(ctx, { email, next, errors, message, status }));
    };
    if (Object.keys(errors).length > 0) return refuse(400);
    try {
      // Known browser (an earlier sign-in here): exempt from the per-account lock a third party can cause.
      const knownDevice = fromKnownDevice(config, request, normaliseEmail(email));
      const claims = await loginOrganiser(db, { email, password: body.password!, ip: request.ip, knownDevice });
      rememberDevice(config, reply, claims.email);
      // The new session replaces the one this browser had: its token is revoked.
      if (request.viewer) await app.revokeToken(request.viewer);
      startSession(reply, claims);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (error.status === 429 && error.params.seconds) reply.header('retry-after', String(error.params.seconds));
      return refuse(error.status, errorMessage(error, request.lang));
    }
    return views.redirect(reply, next);
  });
};
