import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail, type Lang } from '../shared/errors';
import { translate } from '../text';
import { ErrorResponseSchema } from '../shared/schemas';

/** Fastify's own 4xx codes, mapped onto ours so clients see one vocabulary. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'AUTH_REQUIRED',
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: 'AUTH_REQUIRED',
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'AUTH_REQUIRED',
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: 'AUTH_REQUIRED',
  FST_JWT_BAD_REQUEST: 'AUTH_REQUIRED',
};

/** Any error as one of our codes (the pages map a few cases of their own first, then this). */
export function toAppError(error: FastifyError | AppError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const details: ErrorDetail[] = error.validation.map((v) => {
      const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = [path, missing].filter(Boolean).join('.') || (error.validationContext ?? 'body');
      return { field, location: error.validationContext ?? 'body', reason: v.message ?? 'invalid' };
    });
    const summary = details.map((d) => `${d.field} (${d.reason})`).join(', ');
    return new AppError('VALIDATION_FAILED', 400, { summary }, details);
  }
  const status = error.statusCode ?? 500;
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped === 'PAYLOAD_TOO_LARGE')
    return new AppError(mapped, 413, { limit: `${Math.round(request.routeOptions.bodyLimit / 1_048_576)} Mo/MB` });
  if (mapped === 'UNSUPPORTED_MEDIA_TYPE')
    return new AppError(mapped, 415, { type: request.headers['content-type'] ?? '' });
  if (mapped) return new AppError(mapped, mapped === 'AUTH_REQUIRED' ? 401 : status, { reason: error.message });
  if (status >= 400 && status < 500) return new AppError('BAD_REQUEST', status, { reason: error.message });
  return new AppError('INTERNAL_ERROR', 500);
}

/** The text of an error, in the language asked: the JSON envelope's `message` and the error page's. */
export const errorMessage = (error: AppError, lang: Lang) => translate(error.code, error.params, lang);

export function sendError(reply: FastifyReply, error: AppError) {
  const lang = reply.request.lang;
  return reply.status(error.status).send({
    code: error.code,
    message: errorMessage(error, lang),
    ...(error.details ? { details: error.details } : {}),
    requestId: reply.request.id,
  });
}

/** One envelope for every error: `{code, message, details?, requestId}`; 5xx text never leaks. */
export default fp(
  async (app) => {
    app.addSchema(ErrorResponseSchema);
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = toAppError(error, request);
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.warn({ code: appError.code, status: appError.status }, error.message);
      if (appError.status === 429 && appError.params.seconds)
        reply.header('retry-after', String(appError.params.seconds));
      return sendError(reply, appError);
    });
    app.setNotFoundHandler((request, reply) =>
      sendError(reply, new AppError('NOT_FOUND', 404, { resource: request.url.split('?')[0] })),
    );
  },
  { name: 'errors' },
);
