import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TokenClaims } from '../plugins/auth';
import type { Assets } from './assets';
import { takeFlash } from './flash';
import { layout, type PageContext, type PageView } from './layout';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in on a page request (session cookie), set by the pages plugin. */
    viewer: TokenClaims | null;
  }
}

export interface Views {
  /** Call once per page request, before rendering: issues the CSRF token and consumes the flash. */
  context(request: FastifyRequest, reply: FastifyReply): PageContext;
  send(reply: FastifyReply, ctx: PageContext, view: PageView): FastifyReply;
  redirect(reply: FastifyReply, url: string): FastifyReply;
}

export function createViews(assets: Assets): Views {
  return {
    context(request, reply) {
      return {
        lang: request.lang,
        url: request.url,
        viewer: request.viewer ?? null,
        csrfToken: reply.generateCsrf(),
        flash: takeFlash(request, reply),
        assets,
      };
    },
    send(reply, ctx, view) {
      // Pages carry a CSRF token and personal data: never stored by a cache.
      return reply
        .status(view.status ?? 200)
        .header('cache-control', 'no-store')
        .header('content-language', ctx.lang)
        .type('text/html; charset=utf-8')
        .send(layout(ctx, view));
    },
    // 303: the browser follows with a GET, so a reload never re-posts a form.
    redirect: (reply, url) => reply.redirect(url, 303),
  };
}
