import type { FastifyPluginAsync } from 'fastify';
import { loadCredentialCards } from './my-badges.data';
import { forgetMergedLearner, isOrganiser, learnerSignInUrl } from '../../web/session';
import type { Views } from '../../web/views';
import { myBadgesPage } from './my-badges.page';

/** "Mes badges": each credential with its files, its public link, LinkedIn and a QR code. */
export const myBadgesPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get('/mes-badges', async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer) return views.redirect(reply, learnerSignInUrl(request));
    if (isOrganiser(viewer)) return views.redirect(reply, '/organisateur');
    const cards = await loadCredentialCards(app, viewer.sub, request.lang).catch(forgetMergedLearner(reply));
    if (!cards) return views.redirect(reply, '/connexion');
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, myBadgesPage(ctx, cards));
  });
};
