import type { PageText } from '../shared/text';
import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import type { WithServices } from '../services';
import { UPLOAD_MAX_BYTES } from '../plugins/connection';
import { loadAssets } from './assets';
import { assetRoutes } from './assets.routes';
import { requireOrganiser } from './guard';
import { PAGE_MULTIPART_LIMITS } from './multipart';
import { addPageHooks } from './page-hooks';
import { pageErrorHandler } from './page-errors';
import { securityHeaders } from './security-headers';
import { cookieOptions } from './session';
import { paths } from './urls';
import { createViews, type Views } from './views';

/** What every area's page plugin is registered with. */
export interface PageOptions extends WithServices {
  views: Views;
}

/** An area's page plugin (plain or TypeBox-typed). */
// biome-ignore lint/suspicious/noExplicitAny: any type provider (areas may type their instance with TypeBox's).
export type PagePlugin = FastifyPluginAsync<PageOptions, RawServerDefault, any>;

/**
 * One area's web layer, as its `web/index.ts` declares it: its page plugins by scope and their words.
 * A new page of an area is listed there, so adding it touches only the area's folder and urls.ts.
 */
export interface AreaWeb {
  public?: PagePlugin[];
  learner?: PagePlugin[];
  organiser?: PagePlugin[];
  texts: PageText[];
}

/** The pages, by who may see them: app.ts (the table of contents) lists them. */
export interface PageScopes {
  /** Anyone: public pages and the sign-in pages (organiser sign-in included, at its full address). */
  public: PagePlugin[];
  /** A learner's pages: each sends a visitor without a learner session to the sign-in itself. */
  learner: PagePlugin[];
  /** Under /organisateur, every one behind the organiser guard (a later page cannot forget it). */
  organiser: PagePlugin[];
}

/**
 * The HTML pages, in a scope of their own: security headers, form bodies, multipart uploads, CSRF,
 * the session, the error page. The API's JSON routes and /docs live outside it.
 */
export const webShell: FastifyPluginAsync<WithServices & { pages: PageScopes }> = async (app, { services, pages }) => {
  const { publicUrl } = services.config;
  const cookie = cookieOptions(publicUrl);
  await app.register(helmet, securityHeaders(publicUrl.startsWith('https://')));
  await app.register(formbody, { bodyLimit: 65_536 });
  // File uploads (attendance exports, badges to verify) stream; see multipart.ts.
  await app.register(multipart, { limits: PAGE_MULTIPART_LIMITS });
  await app.register(csrf, { cookieKey: 'parcours_csrf', cookieOpts: cookie });
  const assets = await loadAssets();
  const views = createViews(assets);
  await app.register(assetRoutes, { assets, views });

  await app.register(async (scope) => {
    scope.decorate('pageCookie', cookie);
    addPageHooks(scope, cookie);
    scope.setErrorHandler(pageErrorHandler(views, UPLOAD_MAX_BYTES));
    for (const page of [...pages.public, ...pages.learner]) await scope.register(page, { services, views });
    await scope.register(
      async (organiser) => {
        organiser.addHook('preHandler', requireOrganiser(views));
        for (const page of pages.organiser) await organiser.register(page, { services, views });
      },
      { prefix: paths.organiser.scope },
    );
  });
};
