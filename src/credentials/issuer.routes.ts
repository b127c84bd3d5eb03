import type { WithServices } from '../services';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OB_CONTEXT, VC_V2_CONTEXT } from '../ob3/contexts/index';
import { issuerProfile } from './achievements';
import { issuerSvg } from './images';
import { publishedDidDocument, publishedJwk, publishedJwks } from './published';
import { AppError } from '../shared/errors';
import { Type } from 'typebox';
import { addPublicFileHeaders } from './credential-files.routes';
import { BinaryFile, JsonLdDocument, sendDocument, sendImage } from './http';

const KEYS_MAX_AGE = 300; // a rotation shows within five minutes

/** The issuer, public: DID document, JWKS, Profile and logo. */
export const issuerRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  addPublicFileHeaders(app);
  const { keyring } = services.credentials.deps;
  const didDocument = {
    schema: {
      tags: ['issuer'],
      summary: 'Document DID de l’émetteur / the issuer DID document (did:web)',
      response: {
        200: JsonLdDocument(
          'DID document: assertionMethod keys, Multikey (Ed25519) and JsonWebKey (P-256), retired ones included',
        ),
      },
    },
    handler: async (_request: unknown, reply: import('fastify').FastifyReply) =>
      sendDocument(reply, 'application/did+ld+json', await publishedDidDocument(services.db, keyring), KEYS_MAX_AGE),
  };
  app.get('/.well-known/did.json', didDocument);
  // did:web with a path (PUBLIC_URL https://host/prefix) resolves to <prefix>/did.json.
  app.get('/did.json', { ...didDocument, schema: { ...didDocument.schema, hide: true } });

  app.get('/.well-known/jwks.json', {
    schema: {
      tags: ['issuer'],
      summary: 'Clés publiques VC-JWT / VC-JWT public keys (JWKS)',
      response: { 200: JsonLdDocument('RFC 7517 key set') },
    },
    handler: async (_request, reply) =>
      sendDocument(reply, 'application/jwk-set+json', await publishedJwks(services.db, keyring), KEYS_MAX_AGE),
  });

  app.get('/jwk/:id', {
    schema: {
      tags: ['issuer'],
      summary: 'Une clé VC-JWT (le kid d’un émetteur did:key) / one VC-JWT key (a did:key issuer’s kid)',
      params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
      response: { 200: JsonLdDocument('RFC 7517 JWK') },
    },
    handler: async (request, reply) => {
      const jwk = await publishedJwk(services.db, keyring, request.params.id);
      if (!jwk) throw new AppError('CREDENTIAL_KEY_NOT_FOUND', 404, { keyId: request.params.id });
      return sendDocument(reply, 'application/jwk+json', jwk, KEYS_MAX_AGE);
    },
  });

  app.get('/issuer', {
    schema: {
      tags: ['issuer'],
      summary: 'Profil de l’émetteur / the issuer Profile (OB 3.0)',
      response: { 200: JsonLdDocument('Open Badges 3.0 Profile') },
    },
    handler: async (request, reply) => {
      const { issuerId } = await keyring.published(services.db);
      const profile = issuerProfile(services.programme, issuerId, keyring.publicUrl, request.lang);
      return sendDocument(
        reply,
        'application/ld+json',
        { '@context': [VC_V2_CONTEXT, OB_CONTEXT], ...profile },
        KEYS_MAX_AGE,
        true,
      );
    },
  });

  app.get('/issuer/image.svg', {
    schema: {
      tags: ['issuer'],
      summary: 'Logo de l’émetteur / issuer logo',
      response: { 200: BinaryFile('SVG image') },
    },
    handler: async (request, reply) => sendImage(request, reply, issuerSvg(services.programme)),
  });
};
