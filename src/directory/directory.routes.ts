import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WithServices } from '../services';
import { errorResponses } from '../shared/schemas';
import { directoryCsv } from './directory-csv';
import { joinDirectory, leaveDirectory, searchDirectory } from './directory.service';

const Filters = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 60 })),
  collectivite: Type.Optional(Type.String({ maxLength: 200 })),
  badge: Type.Optional(Type.String({ maxLength: 100 })),
});

const Person = Type.Object({
  name: Type.String(),
  collectivite: Type.String(),
  department: Type.String(),
  badges: Type.Array(
    Type.Object({ key: Type.String(), name: Type.String(), credentialId: Type.Union([Type.String(), Type.Null()]) }),
  ),
  contact: Type.Union([Type.String(), Type.Null()]),
});

/** « Relais data du territoire »: the public directory, the learner's opt-in and withdrawal, the CSV. Under /api. */
export const directoryRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  const tags = ['directory'];
  app.get('/directory', {
    schema: {
      tags,
      summary: 'Annuaire des relais data (public) / data relays directory',
      querystring: Filters,
      response: { 200: Type.Object({ people: Type.Array(Person) }) },
    },
    handler: async (request) => ({ people: await searchDirectory(services, request.query, request.lang) }),
  });

  app.get('/directory/export.csv', {
    schema: {
      tags,
      summary: 'Export CSV pour les animateurs de la Région / CSV for the Region’s community managers',
      security: [{ bearer: [] }],
      querystring: Filters,
      produces: ['text/csv'],
      response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="relais-data.csv"')
        .send(directoryCsv(await searchDirectory(services, request.query, request.lang), request.lang)),
  });

  app.put('/me/directory', {
    schema: {
      tags,
      summary: 'Figurer dans l’annuaire (consentement) / be listed (consent)',
      security: [{ bearer: [] }],
      body: Type.Object({
        collectivite: Type.String({ maxLength: 200 }),
        department: Type.String({ maxLength: 60 }),
        contactEmail: Type.Optional(Type.String({ maxLength: 320 })),
        showSignInEmail: Type.Boolean({ default: false }),
        consent: Type.Boolean({ description: 'true: the person agrees to be listed (required to join)' }),
      }),
      response: { 200: Type.Object({ listed: Type.Boolean() }), ...errorResponses(400, 401, 403, 404) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request) => {
      await joinDirectory(services, request.actor!, request.body, request.lang);
      return { listed: true };
    },
  });

  app.delete('/me/directory', {
    schema: {
      tags,
      summary: 'Retirer mon consentement : hors de l’annuaire aussitôt / withdraw: off the directory at once',
      security: [{ bearer: [] }],
      response: { 200: Type.Object({ listed: Type.Boolean() }), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request) => {
      await leaveDirectory(services, request.actor!);
      return { listed: false };
    },
  });
};
