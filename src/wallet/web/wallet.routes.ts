import type { FastifyPluginAsync } from 'fastify';
import type { PageOptions } from '../../web/web.plugin';
import { formBody } from '../../web/forms';
import { urls } from '../../web/urls';
import { qrDataUri } from '../../credentials/web/qr';
import { createExchange } from '../exchange.service';
import { setNameShown } from '../name.service';
import { exchangePage } from './exchange.page';
import { walletPaths } from './my-badges.partials';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** « Mes badges »' wallet forms: make an add-to-wallet link (shown once, with its QR codes); name on/off. */
export const walletPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  app.post(walletPaths.exchange, async (request, reply) => {
    if (request.actor?.role !== 'learner') return views.redirect(reply, urls.myBadges());
    const id = formBody(request.body).credentialId ?? '';
    const links = await createExchange(
      services,
      request.actor,
      UUID.test(id) ? { credentialId: id.toLowerCase() } : {},
    );
    const [lcw, learnCard, offer] = await Promise.all([links.lcw, links.learnCard, links.offer].map(qrDataUri));
    reply.header('cache-control', 'no-store');
    const ctx = views.context(request, reply);
    return views.send(
      reply,
      ctx,
      exchangePage(ctx, { ...links, qr: { lcw: lcw!, learnCard: learnCard!, offer: offer! } }),
    );
  });

  app.post(walletPaths.name, async (request, reply) => {
    if (request.actor?.role !== 'learner') return views.redirect(reply, urls.myBadges());
    await setNameShown(services, request.actor, { shown: formBody(request.body).shown === 'on' });
    return views.redirect(reply, `${urls.myBadges()}#nom`);
  });
};
