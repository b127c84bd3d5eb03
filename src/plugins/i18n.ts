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
    // A callback hook, not an async one: every request runs it.
    app.addHook('onRequest', (request, _reply, done) => {
      const query = request.query as Record<string, string | undefined> | undefined;
      const cookie = request.headers.cookie;
      const chosen = cookie ? /(?:^|;\s*)lang=(fr|en)/.exec(cookie)?.[1] : undefined;
      request.lang = pickLang(request.headers['accept-language'], query?.lang ?? chosen);
      done();
    });
  },
  { name: 'i18n' },
);
