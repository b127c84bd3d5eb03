import type { WithServices } from '../services';
import { actorOf } from '../plugins/auth';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import { AppError } from '../shared/errors';
import { IMPORT_MAX_BYTES } from '../attendance/byte-limit';
import { translate } from '../text';
import { loadAssets, type Assets } from './assets';
import { cookieOptions, readViewer } from './session';
import { createViews, type Views } from './views';
import { errorPage } from './error.page';
import { publicPages, sendNotFound } from '../events/web/public.routes';
import { learnerPages } from './learner.routes';
import { organiserPages } from './organiser.routes';
import { PAGE_MULTIPART_LIMITS, readMultipartFields } from './multipart';
import { credentialPages } from '../credentials/web/credential.routes';

const YEAR = 31_536_000;

/** Pages only: the API's JSON routes and /docs live outside this scope and keep their own headers. */
function securityHeaders(https: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Badge images may be absolute https URLs in a programme's files.
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    // The magic-link page has a token in its URL: never send it to another site.
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: https ? { maxAge: YEAR } : false,
  };
}

const assetRoutes: FastifyPluginAsync<{ assets: Assets; views: Views }> = async (app, { assets, views }) => {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = assets.byHashedName(request.params.name);
    if (!asset) return sendNotFound(views, request, reply);
    // Content-hashed names: a changed file gets a new URL, so the old one can be cached forever.
    reply.header('cache-control', `public, max-age=${YEAR}, immutable`).header('etag', asset.etag).type(asset.type);
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    return reply.send(asset.body);
  });
};

function isCsrfError(error: FastifyError) {
  return error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';
}

/** Errors on pages become pages, with the API's message for the same code. */
function pageErrorHandler(views: Views) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // A page URL whose parameter fails its schema (unknown key shape, bad uuid) is simply not a page.
    const appError =
      error instanceof AppError
        ? error
        : error.validation
          ? new AppError('NOT_FOUND', 404, { resource: request.url.split('?')[0] })
          : isCsrfError(error)
            ? new AppError('AUTH_FORBIDDEN', 403)
            : error.statusCode === 413
              ? new AppError('PAYLOAD_TOO_LARGE', 413, { limit: `${IMPORT_MAX_BYTES / 1_048_576} Mo/MB` })
              : (error.statusCode ?? 500) < 500
                ? new AppError('BAD_REQUEST', error.statusCode!, { reason: error.message })
                : new AppError('INTERNAL_ERROR', 500);
    if (appError.status >= 500) request.log.error({ err: error }, 'page failed');
    else request.log.warn({ code: error.code ?? appError.code, status: appError.status }, error.message);
    const ctx = views.context(request, reply);
    const message = translate(appError.code, appError.params, ctx.lang);
    return views.send(reply, ctx, errorPage(ctx, appError.status, message, request.id, isCsrfError(error)));
  };
}

export const pagesPlugin: FastifyPluginAsync<WithServices> = async (app) => {
  const https = app.config.publicUrl.startsWith('https://');
  const cookie = cookieOptions(app.config.publicUrl);
  await app.register(helmet, securityHeaders(https));
  await app.register(formbody, { bodyLimit: 65_536 });
  // File uploads (attendance exports, badges to verify) stream; see multipart.ts.
  await app.register(multipart, { limits: PAGE_MULTIPART_LIMITS });
  await app.register(csrf, { cookieKey: 'parcours_csrf', cookieOpts: cookie });
  const assets = await loadAssets();
  const views = createViews(assets);
  await app.register(assetRoutes, { assets, views });

  await app.register(async (pages) => {
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
    // Every form POST, on every page present and future, carries the token of its page. A
    // multipart form's fields (the token first) are read here; its file is left for the handler.
    pages.addHook('preHandler', (request, reply, done) => {
      if (request.method !== 'POST') return done();
      if (!request.isMultipart()) return pages.csrfProtection(request, reply, done);
      readMultipartFields(request).then(() => pages.csrfProtection(request, reply, done), done);
    });
    // A file nobody read (refused form, error page): drain it so the connection is not left hanging.
    pages.addHook('onResponse', async (request) => {
      if (request.pageFile && !request.pageFile.file.readableEnded) request.pageFile.file.resume();
    });
    pages.setErrorHandler(pageErrorHandler(views));
    await pages.register(credentialPages, { views });
    await pages.register(publicPages, { views });
    await pages.register(learnerPages, { views });
    await pages.register(organiserPages, { views, prefix: '/organisateur' });
  });
};
