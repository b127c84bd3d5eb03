import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../shared/errors';
import { errorResponses } from '../shared/schemas';
import { addPublicFileHeaders } from '../credentials/credential-files.routes';
import { JsonLdDocument, sendDocument } from '../credentials/http';

const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Endorser = Type.Object({ key: Type.String({ maxLength: 63 }) });
const HOUR = 3600;
const KEYS_MAX_AGE = 300;
const STATUS_MAX_AGE = 60;

/**
 * Public: each endorsement (JSON and VC-JWT), and each endorser's DID document (did:web of
 * PUBLIC_URL/endorsers/<key>), one JWK per key (the VC-JWT kid), status lists and logo.
 */
export const endorsementsPublicRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  addPublicFileHeaders(app);
  const { db, endorsements } = services;
  const document = async (path: string) => {
    const found = await endorsements.document(db, path);
    if (found === undefined) throw new AppError('ENDORSEMENT_NOT_FOUND', 404, { id: path });
    return found as object;
  };
  const files = async (id: string) => {
    const found = await endorsements.files(db, id.toLowerCase());
    if (!found) throw new AppError('ENDORSEMENT_NOT_FOUND', 404, { id });
    return found;
  };
  const json = {
    schema: {
      tags: ['endorsements'],
      summary: 'Une labélisation signée / a signed EndorsementCredential',
      params: Id,
      response: { 200: JsonLdDocument('EndorsementCredential with its DataIntegrityProof'), ...errorResponses(404) },
    },
    handler: async (request: { params: { id: string } }, reply: import('fastify').FastifyReply) =>
      sendDocument(reply, 'application/vc+ld+json', (await files(request.params.id)).json, HOUR),
  };
  app.get('/endorsements/:id', json);
  app.get('/endorsements/:id.json', { ...json, schema: { ...json.schema, hide: true } });
  app.get('/endorsements/:id.jwt', {
    schema: {
      tags: ['endorsements'],
      summary: 'La labélisation en VC-JWT / the endorsement as a VC-JWT',
      params: Id,
      response: { 200: Type.String(), ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      const { jwt } = await files(request.params.id);
      if (!jwt) throw new AppError('ENDORSEMENT_NOT_FOUND', 404, { id: request.params.id });
      return sendDocument(reply, 'text/plain; charset=utf-8', jwt, HOUR);
    },
  });

  app.get('/endorsers/:key/did.json', {
    schema: {
      tags: ['endorsements'],
      summary: 'Document DID d’un organisme labellisateur / an endorser’s DID document (did:web)',
      params: Endorser,
      response: { 200: JsonLdDocument('DID document'), ...errorResponses(404) },
    },
    handler: async (request, reply) =>
      sendDocument(
        reply,
        'application/did+ld+json',
        await document(`/endorsers/${request.params.key}/did.json`),
        KEYS_MAX_AGE,
      ),
  });
  app.get('/endorsers/:key/jwk/:id', {
    schema: {
      tags: ['endorsements'],
      summary: 'Une clé VC-JWT de l’organisme / one endorser VC-JWT key (JWK)',
      params: Type.Object({ key: Type.String({ maxLength: 63 }), id: Type.String({ maxLength: 100 }) }),
      response: { 200: JsonLdDocument('RFC 7517 JWK'), ...errorResponses(404) },
    },
    handler: async (request, reply) =>
      sendDocument(
        reply,
        'application/jwk+json',
        await document(`/endorsers/${request.params.key}/jwk/${request.params.id}`),
        KEYS_MAX_AGE,
      ),
  });
  app.get('/endorsers/:key/status/:list', {
    schema: {
      tags: ['endorsements'],
      summary: 'Liste de statut signée par l’organisme / the endorser’s signed status list',
      params: Type.Object({ key: Type.String({ maxLength: 63 }), list: Type.String({ maxLength: 10 }) }),
      response: { 200: JsonLdDocument('BitstringStatusListCredential'), ...errorResponses(404) },
    },
    handler: async (request, reply) =>
      sendDocument(
        reply,
        'application/vc+ld+json',
        await document(`/endorsers/${request.params.key}/status/${request.params.list}`),
        STATUS_MAX_AGE,
      ),
  });
  app.get('/endorsers/:key/image.svg', {
    schema: {
      tags: ['endorsements'],
      summary: 'Logo de l’organisme / endorser logo',
      params: Endorser,
      response: { 200: Type.String({ format: 'binary' }), ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      const endorser = endorsements.endorsers.find((e) => e.key === request.params.key);
      const svg = endorser
        ? await readFile(join(services.config.paths.badgesDir, 'endorsers', `${endorser.key}.svg`)).catch(
            () => undefined,
          )
        : undefined;
      if (!svg) throw new AppError('ENDORSER_NOT_FOUND', 404, { key: request.params.key });
      return sendDocument(reply, 'image/svg+xml', svg, 86_400);
    },
  });
};
