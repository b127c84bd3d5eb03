import type { FastifyPluginAsync } from 'fastify';
import { Value } from 'typebox/value';
import { requestMagicLink, verifyMagicLink } from '../auth/auth.service';
import { AppError } from '../shared/errors';
import { translate } from '../text';
import { Email } from '../shared/schemas';
import { programmeBadges, programmeEvents } from '../events/web/programme.data';
import { loadLearnerProgress, loadLearnerQuizzes } from '../badges/web/pathway.data';
import { learnerCredentials } from '../credentials/learner-credentials.service';
import { setFlash } from './flash';
import { formBody } from './forms';
import { signInText } from '../badges/web/learner.text';
import {
  carriedLearnerNext,
  forgetMergedLearner,
  isOrganiser,
  learnerSignInUrl,
  safeLearnerNext,
  signOut,
  startSession,
} from './session';
import { textFor } from '../shared/text';
import type { Views } from './views';
import { pathwayPage } from '../badges/web/pathway.page';
import { quizPages } from '../quizzes/web/quiz.routes';
import { myBadgesPages } from '../credentials/web/my-badges.routes';
import { confirmLinkPage, linkSentPage, signInPage, signOutPage } from '../auth/web/learner-sign-in.page';

/** Learner sign-in by e-mailed link, sign-out, and "Mon parcours". */
export const learnerPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get<{ Querystring: { suite?: string } }>('/connexion', async (request, reply) => {
    if (request.viewer?.role === 'learner') return views.redirect(reply, safeLearnerNext(request.query.suite));
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, signInPage(ctx, { next: carriedLearnerNext(request.query.suite) }));
  });

  app.post('/connexion', async (request, reply) => {
    const ctx = views.context(request, reply);
    const body = formBody(request.body);
    const email = (body.email ?? '').trim();
    const next = carriedLearnerNext(body.suite);
    if (!Value.Check(Email, email)) {
      return views.send(
        reply,
        ctx,
        signInPage(ctx, { email, next, errors: { email: textFor(signInText, ctx.lang).emailInvalid }, status: 400 }),
      );
    }
    try {
      await requestMagicLink(app.db, { email, lang: ctx.lang, publicUrl: app.config.publicUrl, ip: request.ip, next });
    } catch (error) {
      // Too many links asked from this client (AUTH_RATE_LIMITED): said plainly, with the wait.
      if (!(error instanceof AppError) || error.status !== 429) throw error;
      if (error.params.seconds) reply.header('retry-after', String(error.params.seconds));
      return views.send(
        reply,
        ctx,
        signInPage(ctx, { email, next, message: translate(error.code, error.params, ctx.lang), status: 429 }),
      );
    }
    return views.send(reply, ctx, linkSentPage(ctx, email));
  });

  app.get<{ Querystring: { token?: string; suite?: string } }>('/connexion/lien', async (request, reply) => {
    const token = request.query.token;
    if (!token) return views.redirect(reply, '/connexion');
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, confirmLinkPage(ctx, token, carriedLearnerNext(request.query.suite)));
  });

  app.post('/connexion/lien', async (request, reply) => {
    const body = formBody(request.body);
    const token = body.token ?? '';
    try {
      const claims = await verifyMagicLink(app.db, token, request.lang);
      // The new session replaces the one this browser had (another learner's, or an organiser's):
      // the old token is revoked, so a copy of the old cookie is worthless too.
      if (request.viewer) await app.revokeToken(request.viewer);
      startSession(reply, claims);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const ctx = views.context(request, reply);
      const t = textFor(signInText, ctx.lang);
      return views.send(
        reply,
        ctx,
        signInPage(ctx, {
          messageTitle: t.linkErrorTitle,
          message: translate(error.code, error.params, ctx.lang),
          status: error.status,
        }),
      );
    }
    return views.redirect(reply, safeLearnerNext(body.suite));
  });

  app.get('/deconnexion', async (request, reply) => {
    if (!request.viewer) return views.redirect(reply, '/');
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, signOutPage(ctx));
  });

  app.post('/deconnexion', async (request, reply) => {
    await signOut(reply, request.viewer);
    setFlash(reply, 'signedOut');
    return views.redirect(reply, '/');
  });

  app.get('/mon-parcours', async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer) return views.redirect(reply, learnerSignInUrl(request));
    if (isOrganiser(viewer)) return views.redirect(reply, '/organisateur');
    const progress = await loadLearnerProgress(app, viewer.sub, request.lang).catch(forgetMergedLearner(reply));
    if (!progress) return views.redirect(reply, '/connexion');
    const ctx = views.context(request, reply);
    return views.send(
      reply,
      ctx,
      pathwayPage(ctx, {
        badges: programmeBadges(app.programme, ctx.lang),
        events: await programmeEvents(app.db, app.programme, ctx.lang),
        progress,
        quizzes: await loadLearnerQuizzes(app, viewer.sub, ctx.lang),
        revoked: new Set(
          (await learnerCredentials(app.db, app.programme, app.config.publicUrl, viewer.sub, ctx.lang))
            .filter((c) => c.status === 'revoked')
            .map((c) => c.badgeKey),
        ),
      }),
    );
  });

  await app.register(quizPages, { views });
  await app.register(myBadgesPages, { views });
};
