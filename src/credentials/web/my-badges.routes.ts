import type { FastifyPluginAsync } from 'fastify';
import type { WithServices } from '../../services';
import { forgetMergedLearner, isOrganiser, learnerSignInUrl } from '../../web/session';
import { paths, urls } from '../../web/urls';
import type { Views } from '../../web/views';
import { loadCredentialCards } from './my-badges.data';
import { myBadgesPage } from './my-badges.page';
import { loadWalletPanel } from '../../wallet/web/wallet-panel.data';
import { authorisedPlatforms } from '../../ob3-api/web/platforms.partial';

/** "Mes badges": each credential with its files, its public link, LinkedIn and a QR code. */
export const myBadgesPages: FastifyPluginAsync<WithServices & { views: Views }> = async (app, { services, views }) => {
  app.get(paths.myBadges, async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer) return views.redirect(reply, learnerSignInUrl(request));
    if (isOrganiser(viewer)) return views.redirect(reply, urls.organiser.dashboard());
    const cards = await loadCredentialCards(services, { learnerId: viewer.sub, lang: request.lang }).catch(
      forgetMergedLearner(reply),
    );
    if (!cards) return views.redirect(reply, urls.signIn());
    const ctx = views.context(request, reply);
    const wallet = await loadWalletPanel(services, viewer.sub);
    return views.send(reply, ctx, myBadgesPage(ctx, cards, wallet, await authorisedPlatforms(services, ctx)));
  });
};
