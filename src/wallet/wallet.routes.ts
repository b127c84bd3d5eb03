import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Uuid } from '../shared/schemas';
import { walletCopiesOf } from '../credentials/holder-copies.service';
import { createExchange } from './exchange.service';
import { nameSetting, setNameShown } from './name.service';

const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

/** The learner's side of the wallet, under /api: make an add-to-wallet link, show one's name or not. */
export const walletRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.post('/me/wallet/exchanges', {
    schema: {
      tags: ['wallet'],
      summary: 'Lien « Ajouter à mon portefeuille » / an add-to-wallet link (LCW, LearnCard, VC-API, OID4VCI)',
      security: [{ bearer: [] }],
      body: Type.Object({ credentialId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: { 201: Open('Links, valid 10 minutes, single-use'), ...errorResponses(400, 401, 403, 409) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request, reply) => {
      const credentialId = request.body.credentialId?.toLowerCase();
      reply.status(201);
      return createExchange(services, request.actor!, credentialId ? { credentialId } : {});
    },
  });

  app.get('/me/wallet', {
    schema: {
      tags: ['wallet'],
      summary: 'Mon nom sur mes badges et mes copies de portefeuille / my name setting and wallet copies',
      security: [{ bearer: [] }],
      response: { 200: Open('Name setting and holder-bound copies'), ...errorResponses(401, 403) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request) => {
      const copies = await walletCopiesOf(services.db, request.actor!.id);
      return {
        name: await nameSetting(services.db, request.actor!.id),
        copies: copies.map((c) => ({
          id: c.id,
          copyOf: c.copyOf,
          holderDid: c.holderDid,
          issuedAt: c.issuedAt.toISOString(),
          status: c.revokedAt ? 'revoked' : 'active',
        })),
      };
    },
  });

  app.put('/me/wallet/name', {
    schema: {
      tags: ['wallet'],
      summary: 'Afficher mon nom sur mes badges / show my name on my badges (re-issues them)',
      security: [{ bearer: [] }],
      body: Type.Object({ shown: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: Open('The setting and the credentials replaced'), ...errorResponses(400, 401, 403, 409) },
    },
    preHandler: app.requireRole('learner'),
    handler: async (request) => setNameShown(services, request.actor!, { shown: request.body.shown }),
  });
};
