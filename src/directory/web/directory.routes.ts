import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import { badgeName } from '../../badges/programme-context';
import { formBody } from '../../web/forms';
import { isOrganiser } from '../../web/session';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { joinDirectory, leaveDirectory, searchDirectory } from '../directory.service';
import { directoryPage } from './directory.page';
import { directoryPaths } from './my-listing.partial';

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '') || undefined;

/** /relais (public) and the learner's opt-in and withdrawal (forms on « Mes données »). */
export const directoryPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  app.get<{ Querystring: Record<string, unknown> }>(paths.directory, async (request, reply) => {
    const q = request.query;
    const filters = {
      department: str(q.departement, 60),
      collectivite: str(q.collectivite, 200),
      badge: str(q.badge, 100),
    };
    const people = await searchDirectory(services, filters, request.lang);
    const badges = services.programme.badges.map((b) => ({ key: b.key, name: badgeName(b, request.lang) }));
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, directoryPage(ctx, { filters, people, badges }));
  });

  const learner = (request: FastifyRequest) => {
    const v = request.viewer;
    return v && !isOrganiser(v) ? { id: v.sub, email: v.email, role: 'learner' as const } : null;
  };

  app.post(directoryPaths.join, async (request, reply) => {
    const actor = learner(request);
    if (!actor) return views.redirect(reply, urls.signIn(urls.myData()));
    const body = formBody(request.body);
    try {
      await joinDirectory(
        services,
        actor,
        {
          collectivite: body.collectivite ?? '',
          department: body.departement ?? '',
          contactEmail: body.contact,
          showSignInEmail: body.afficher === 'oui',
          consent: body.consentement === 'oui',
        },
        request.lang,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return views.redirect(reply, `${urls.myData()}?erreur=${encodeURIComponent(error.code)}#titre-annuaire`);
    }
    return views.redirect(reply, `${urls.myData('listed')}#titre-annuaire`);
  });

  app.post(directoryPaths.withdraw, async (request, reply) => {
    const actor = learner(request);
    if (!actor) return views.redirect(reply, urls.signIn(urls.myData()));
    await leaveDirectory(services, actor);
    return views.redirect(reply, `${urls.myData('withdrawn')}#titre-annuaire`);
  });
};
