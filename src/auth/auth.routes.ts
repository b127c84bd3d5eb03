import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Email, errorResponses } from '../shared/schemas';
import { normaliseEmail } from '../shared/schemas';
import { loginOrganiser, requestMagicLink, verifyMagicLink } from './auth.service';
import { fromKnownDevice, rememberDevice } from './known-device';

const TokenResponse = Type.Object({
  token: Type.String({ description: 'JWT to send as `Authorization: Bearer …`' }),
  role: Type.String({ example: 'organiser' }),
});

export const authRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  const { db, config } = services;
  app.post('/login', {
    schema: {
      tags: ['auth'],
      summary: 'Connexion organisateur / organiser sign-in',
      body: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) }),
      description:
        'Failures are limited per account and client, per client, and per account (a browser that signed ' +
        'in before is exempt from the last one): 429 with Retry-After.',
      response: { 200: TokenResponse, ...errorResponses(400, 401, 429) },
    },
    handler: async (request, reply) => {
      // A client that keeps cookies is a known browser after its first success (see known-device.ts).
      const knownDevice = fromKnownDevice(config, request, normaliseEmail(request.body.email));
      const claims = await loginOrganiser(db, { ...request.body, ip: request.ip, knownDevice });
      rememberDevice(config, reply, claims.email);
      return { token: app.signToken(claims), role: claims.role };
    },
  });

  app.post('/magic-link', {
    schema: {
      tags: ['auth'],
      summary: 'Envoie un lien de connexion (apprenants) / e-mails a sign-in link (learners)',
      description:
        'Always 202, whether or not the address is known (an address asked for too often is silently not ' +
        'e-mailed again). 429 when one client asks for too many links, whatever the addresses.',
      body: Type.Object({ email: Email }),
      response: { 202: Type.Object({ status: Type.Literal('accepted') }), ...errorResponses(400, 429) },
    },
    handler: async (request, reply) => {
      await requestMagicLink(db, {
        email: request.body.email,
        lang: request.lang,
        publicUrl: config.publicUrl,
        ip: request.ip,
      });
      return reply.status(202).send({ status: 'accepted' });
    },
  });

  app.post('/magic-link/verify', {
    schema: {
      tags: ['auth'],
      summary: 'Échange un lien contre un jeton / exchanges a link token for a learner JWT',
      body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }),
      response: { 200: TokenResponse, ...errorResponses(400) },
    },
    handler: async (request) => {
      const claims = await verifyMagicLink(db, request.body.token, request.lang);
      return { token: app.signToken(claims), role: claims.role };
    },
  });

  app.post('/logout', {
    schema: {
      tags: ['auth'],
      summary: 'Déconnexion : le jeton est refusé désormais / signs out: the token is refused from now on',
      security: [{ bearer: [] }],
      response: { 204: Type.Null(), ...errorResponses(401) },
    },
    preHandler: app.requireRole('learner', 'organiser'),
    handler: async (request, reply) => {
      await app.revokeToken(request.user);
      return reply.status(204).send(null);
    },
  });
};
