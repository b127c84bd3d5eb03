import type { PageOptions, PagePlugin } from '../../web/web.plugin';
import { learnerSignInUrl } from '../../web/session';
import { urls } from '../../web/urls';
import { html } from '../../web/html';
import { textFor } from '../../shared/text';
import { registeredClients, setClientEnabled, withdrawGrant } from '../grants.service';
import { OB3_PATHS } from '../scopes';
import { clientsPage } from './clients.page';
import { platformsText } from './platforms.text';

export const CLIENTS_PATH = '/plateformes';

/** « Retirer l'accès » (learner) and the terms page a platform's discovery document points to (public). */
export const platformPages: PagePlugin = async (app, { services, views }: PageOptions) => {
  app.post<{ Params: { id: string } }>('/mes-badges/acces/:id/retirer', async (request, reply) => {
    const viewer = request.viewer;
    if (viewer?.role !== 'learner') return views.redirect(reply, learnerSignInUrl(request));
    await withdrawGrant(services.db, { id: viewer.sub, email: viewer.email }, request.params.id);
    return views.redirect(reply, urls.myBadges());
  });

  app.get(OB3_PATHS.terms, async (request, reply) => {
    const ctx = views.context(request, reply);
    const t = textFor(platformsText, ctx.lang);
    return views.send(reply, ctx, {
      title: t.termsTitle,
      main: html`<section class="narrow"><h1>${t.termsTitle}</h1><p>${t.termsBody}</p>
  <h2 id="confidentialite">${t.privacyTitle}</h2><p>${t.privacyBody}</p></section>`,
    });
  });
};

/** The organisers' list of registered platforms, each one disable-able (inside /organisateur). */
export const clientPages: PagePlugin = async (app, { services, views }: PageOptions) => {
  app.get(CLIENTS_PATH, async (request, reply) => {
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, clientsPage(ctx, await registeredClients(services.db)));
  });
  app.post<{ Params: { id: string }; Body: { etat?: string } }>(`${CLIENTS_PATH}/:id/etat`, async (request, reply) => {
    const enabled = (request.body as { etat?: string } | undefined)?.etat === 'active';
    await setClientEnabled(services.db, request.actor!, request.params.id, enabled);
    return views.redirect(reply, `/organisateur${CLIENTS_PATH}`);
  });
};
