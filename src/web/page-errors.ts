import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, toAppError } from '../plugins/errors';
import { AppError } from '../shared/errors';
import { errorPage } from './error.page';
import type { Views } from './views';

export function isCsrfError(error: FastifyError) {
  return error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';
}

/** The page cases first, then the API's mapping (plugins/errors.ts) for the rest. */
function pageAppError(error: FastifyError, request: FastifyRequest, uploadLimit: number): AppError {
  if (error instanceof AppError) return error;
  // A page URL whose parameter fails its schema (unknown key shape, bad uuid) is simply not a page.
  if (error.validation) return new AppError('NOT_FOUND', 404, { resource: request.url.split('?')[0] });
  if (isCsrfError(error)) return new AppError('AUTH_FORBIDDEN', 403);
  // A page form's largest body is its file.
  if (error.statusCode === 413)
    return new AppError('PAYLOAD_TOO_LARGE', 413, { limit: `${uploadLimit / 1_048_576} Mo/MB` });
  return toAppError(error, request);
}

/** Errors on pages become pages, with the API's message for the same code. */
export function pageErrorHandler(views: Views, uploadLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = pageAppError(error, request, uploadLimit);
    if (appError.status >= 500) request.log.error({ err: error }, 'page failed');
    else request.log.warn({ code: error.code ?? appError.code, status: appError.status }, error.message);
    const ctx = views.context(request, reply);
    const message = errorMessage(appError, ctx.lang);
    return views.send(reply, ctx, errorPage(ctx, appError.status, message, request.id, isCsrfError(error)));
  };
}
