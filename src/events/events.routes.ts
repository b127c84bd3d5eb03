import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../shared/schemas';
import { EventInputSchema, EventKey, EventSchema } from './events.schemas';
import { listEvents, saveEvent, toEventDto } from './events.service';

export const eventsRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('', {
    schema: {
      tags: ['events'],
      summary: 'Événements du programme / programme events',
      security: [{ bearer: [] }],
      response: { 200: Type.Object({ events: Type.Array(EventSchema) }), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async () => ({ events: (await listEvents(services.db)).map(toEventDto) }),
  });

  app.put('/:key', {
    schema: {
      tags: ['events'],
      summary: 'Crée ou modifie un événement / creates or updates an event',
      security: [{ bearer: [] }],
      params: Type.Object({ key: EventKey }),
      body: EventInputSchema,
      response: { 200: EventSchema, ...errorResponses(400, 401, 403) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => saveEvent(services, request.actor!, { key: request.params.key, event: request.body }),
  });
};
