import type { FastifyPluginAsync } from 'fastify';
import { loginOrganiser } from '../auth/auth.service';
import { fromKnownDevice, rememberDevice } from '../auth/known-device';
import { normaliseEmail } from '../shared/schemas';
import { AppError } from '../shared/errors';
import { translate } from '../text';
import { formBody, type FieldErrors } from './forms';
import { organiserSignInText } from './organiser.text';
import { isOrganiser, startSession } from './session';
import { textFor } from '../shared/text';
import type { Views } from './views';
import { auditPages } from '../audit/web/audit.routes';
import { dashboardPages } from '../reports/web/dashboard.routes';
import { eventsPages } from '../events/web/events.routes';
import { requireOrganiser, safeNext } from './guard';
import { outboxPages } from '../notifications/web/outbox.routes';
import { importPages } from '../attendance/web/import.routes';
import { learnersPages } from '../learners/web/learners.routes';
import { progressPages } from '../reports/web/progress.routes';
import { organiserSignInPage } from '../auth/web/organiser-sign-in.page';

/** Everything under /organisateur: the sign-in, then pages that all require an organiser session. */
export const organiserPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get<{ Querystring: { suite?: string } }>('/connexion', async (request, reply) => {
    const next = safeNext(request.query.suite);
    if (isOrganiser(request.viewer)) return views.redirect(reply, next);
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, organiserSignInPage(ctx, { next }));
  });

  app.post('/connexion', async (request, reply) => {
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
      const knownDevice = fromKnownDevice(request, normaliseEmail(email));
      const claims = await loginOrganiser(app.db, { email, password: body.password!, ip: request.ip, knownDevice });
      rememberDevice(reply, claims.email);
      // The new session replaces the one this browser had: its token is revoked.
      if (request.viewer) await app.revokeToken(request.viewer);
      startSession(reply, claims);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (error.status === 429 && error.params.seconds) reply.header('retry-after', String(error.params.seconds));
      return refuse(error.status, translate(error.code, error.params, request.lang));
    }
    return views.redirect(reply, next);
  });

  // Every page registered in this scope is guarded: a later page cannot forget it.
  await app.register(async (area) => {
    area.addHook('preHandler', requireOrganiser(views));
    await area.register(dashboardPages, { views });
    await area.register(eventsPages, { views });
    await area.register(importPages, { views });
    await area.register(learnersPages, { views });
    await area.register(progressPages, { views });
    await area.register(outboxPages, { views });
    await area.register(auditPages, { views });
  });
};
