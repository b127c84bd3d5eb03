import type { FastifyPluginAsync } from 'fastify';
import { learnerCredentials } from '../../credentials/learner-credentials.service';
import { programmeBadges, programmeEvents } from '../../events/web/programme.data';
import { learnerQuizzes } from '../../quizzes/learner-quizzes.service';
import { forgetMergedLearner, isOrganiser, learnerSignInUrl } from '../../web/session';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { readProgress } from '../awards.service';
import { pathwayPage } from './pathway.page';

/** "Mon parcours": the learner's badges, their conditions, the workshops and the questionnaires. */
export const pathwayPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { db, programme, config } = services;
  app.get(paths.pathway, async (request, reply) => {
    const actor = request.actor;
    if (!request.viewer || !actor) return views.redirect(reply, learnerSignInUrl(request));
    if (isOrganiser(request.viewer)) return views.redirect(reply, urls.organiser.dashboard());
    const learner = { learnerId: actor.id, lang: request.lang };
    // Same answer as GET /api/me/progress; a learner merged away meanwhile signs in again.
    const progress = await readProgress(services, actor, learner).catch(forgetMergedLearner(reply));
    if (!progress) return views.redirect(reply, urls.signIn());
    const ctx = views.context(request, reply);
    const credentials = await learnerCredentials(db, programme, config.publicUrl, actor.id, ctx.lang);
    return views.send(
      reply,
      ctx,
      pathwayPage(ctx, {
        badges: programmeBadges(programme, ctx.lang),
        events: await programmeEvents(db, programme, ctx.lang),
        progress,
        quizzes: await learnerQuizzes(services, learner),
        revoked: new Set(credentials.filter((c) => c.status === 'revoked').map((c) => c.badgeKey)),
      }),
    );
  });
};
