import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { WithServices } from '../services';
import { say } from '../shared/text';
import { ob3ApiErrors } from './ob3-api.text';
import { OAuthError } from './oauth-errors';
import { OB3_PATHS } from './scopes';
import { serviceDescription } from './discovery';
import { registerClient } from './registration.service';
import { exchangeToken, revokeByClient, type TokenForm } from './token.service';

const REGISTRATION_BODY_MAX = 16_384;
const FORM_BODY_MAX = 8_192;
type Reason = keyof typeof ob3ApiErrors.fr;

/** Discovery, dynamic registration, token and revocation: the OAuth side of the OB 3.0 API. */
export const ob3OauthRoutes: FastifyPluginAsync<WithServices> = async (app, { services }) => {
  const { db, config, programme } = services;
  // RFC 6749 §4.1.3: the token and revocation endpoints take form bodies (the JSON API does not, elsewhere).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_MAX },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.setErrorHandler((error: FastifyError | OAuthError, request, reply) => {
    const known = error instanceof OAuthError;
    const status = known ? error.status : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'ob3 oauth failed');
    const register = request.url.endsWith('/register');
    const oauth = known
      ? error
      : register
        ? new OAuthError('invalid_client_metadata', 'OB3_REGISTRATION_BODY')
        : new OAuthError('invalid_request', 'OB3_REQUEST_FIELD', { field: 'body' });
    if (oauth.error === 'invalid_client') reply.header('www-authenticate', 'Basic realm="ob3"');
    if (oauth.params.seconds) reply.header('retry-after', String(oauth.params.seconds));
    const description = say(ob3ApiErrors, request.lang, oauth.reason as Reason, oauth.params);
    return reply
      .status(status >= 500 ? 500 : known ? status : 400)
      .header('cache-control', 'no-store')
      .send(status >= 500 ? { error: 'server_error' } : { error: oauth.error, error_description: description });
  });

  app.get(OB3_PATHS.discovery, { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return serviceDescription({ publicUrl: config.publicUrl, title: `${programme.issuer.name} — Open Badges 3.0` });
  });

  app.post(OB3_PATHS.register, { bodyLimit: REGISTRATION_BODY_MAX, schema: { hide: true } }, async (request, reply) => {
    const client = await registerClient(db, { body: request.body, ip: request.ip });
    return reply.status(201).header('cache-control', 'no-store').send(client);
  });

  app.post(OB3_PATHS.token, { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as TokenForm;
    const tokens = await exchangeToken(db, { authorization: request.headers.authorization, form });
    return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(tokens);
  });

  app.post(OB3_PATHS.revoke, { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as TokenForm;
    await revokeByClient(db, { authorization: request.headers.authorization, form });
    return reply.status(200).header('cache-control', 'no-store').send();
  });
};
