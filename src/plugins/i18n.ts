import fp from 'fastify-plugin';
import type { Lang } from '../shared/errors';
import { pickLang } from '../shared/i18n';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

/** Resolves the reader's language once per request: `?lang=`, then the `lang` cookie, then Accept-Language. */
export default fp(
  async (app) => {
    app.decorateRequest('lang', 'fr');
    app.addHook('onRequest', async (request) => {
      const query = request.query as Record<string, string | undefined> | undefined;
      const cookie = /(?:^|;\s*)lang=(fr|en)/.exec(request.headers.cookie ?? '')?.[1];
      request.lang = pickLang(request.headers['accept-language'], query?.lang ?? cookie);
    });
  },
  { name: 'i18n' },
);
