import type { FastifyPluginAsync } from 'fastify';
import { paths } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { privacyOf } from '../privacy.config';
import { noticePage } from './notice.page';

/** /confidentialite, public: the privacy notice, from the configuration. */
export const noticePages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  app.get(paths.privacy, async (request, reply) => {
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, noticePage(ctx, privacyOf(services.config)));
  });
};
