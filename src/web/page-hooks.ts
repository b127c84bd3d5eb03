import type { FastifyInstance } from 'fastify';
import { actorOf } from '../plugins/auth';
import { readMultipartFields } from './multipart';
import { type CookieOptions, readViewer } from './session';
import { YEAR } from './security-headers';

/**
 * The hooks every page runs, present and future: the language switch, the session (`request.viewer`
 * and `request.actor`), the CSRF check of every form POST, and the drain of an unread upload.
 */
export function addPageHooks(pages: FastifyInstance, cookie: CookieOptions) {
  pages.decorateRequest('viewer', null);
  pages.decorateRequest('pageFile', null);
  pages.addHook('onRequest', async (request, reply) => {
    // `?lang=` (the language switch) is remembered for the next pages.
    const asked = (request.query as { lang?: string }).lang;
    if ((asked === 'fr' || asked === 'en') && request.cookies.lang !== asked) {
      reply.setCookie('lang', asked, { ...cookie, maxAge: YEAR });
    }
    request.viewer = await readViewer(request);
    request.actor = request.viewer ? actorOf(request.viewer) : null;
  });
  // Every form POST carries the token of its page. A multipart form's fields (the token first)
  // are read here; its file is left for the handler.
  pages.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'POST') return done();
    if (!request.isMultipart()) return pages.csrfProtection(request, reply, done);
    readMultipartFields(request).then(() => pages.csrfProtection(request, reply, done), done);
  });
  // A file nobody read (refused form, error page): drain it so the connection is not left hanging.
  pages.addHook('onResponse', async (request) => {
    if (request.pageFile && !request.pageFile.file.readableEnded) request.pageFile.file.resume();
  });
}
