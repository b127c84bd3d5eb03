import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { WithServices } from '../services';
import { say } from '../shared/text';
import { ob3ApiErrors } from './ob3-api.text';
import { bearerChallenge, ImsxError, imsxBody } from './oauth-errors';
import { OB3_PATHS, SCOPES } from './scopes';
import {
  authenticateBearer,
  credentialsPage,
  learnerProfile,
  linkHeader,
  readPageQuery,
  type PageQuery,
} from './resources.service';

type Reason = keyof typeof ob3ApiErrors.fr;

/** GET /credentials and GET /profile for the learner who consented; the write operations answer 405. */
export const ob3ResourceRoutes: FastifyPluginAsync<WithServices> = async (app, { services }) => {
  const { db, config } = services;
  app.setErrorHandler((error: FastifyError | ImsxError, request, reply) => {
    const imsx =
      error instanceof ImsxError
        ? error
        : (error.statusCode ?? 500) < 500
          ? new ImsxError(400, 'invalid_data', 'OB3_QUERY_INVALID', { field: 'request' })
          : new ImsxError(500, 'internal_server_error', 'OB3_TOKEN_INVALID');
    if (imsx.status >= 500) request.log.error({ err: error }, 'ob3 resource failed');
    bearerChallenge(reply, imsx);
    const description = say(ob3ApiErrors, request.lang, imsx.reason as Reason, imsx.params);
    return reply.status(imsx.status).header('cache-control', 'no-store').send(imsxBody(imsx, description));
  });

  app.get<{ Querystring: PageQuery }>(OB3_PATHS.credentials, { schema: { hide: true } }, async (request, reply) => {
    const access = await authenticateBearer(db, request.headers.authorization, SCOPES.credentialRead);
    const page = readPageQuery(request.query);
    const { total, body } = await credentialsPage(db, access, page);
    return reply
      .header('cache-control', 'no-store')
      .header('x-total-count', String(total))
      .header('link', linkHeader(config.publicUrl, page, total))
      .send(body);
  });

  app.get(OB3_PATHS.profile, { schema: { hide: true } }, async (request, reply) => {
    const access = await authenticateBearer(db, request.headers.authorization, SCOPES.profileRead);
    return reply.header('cache-control', 'no-store').send(await learnerProfile(db, access));
  });

  // Service Provider (Read) only: upsertCredential and putProfile are not supported (OB 3.0 §6.2: 405).
  const unsupported = async (_request: unknown, reply: { header(name: string, value: string): unknown }) => {
    reply.header('allow', 'GET');
    throw new ImsxError(405, 'not_allowed', 'OB3_WRITE_UNSUPPORTED', {}, 'unsupported');
  };
  app.post(OB3_PATHS.credentials, { schema: { hide: true } }, unsupported);
  app.put(OB3_PATHS.profile, { schema: { hide: true } }, unsupported);
};
