import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../shared/schemas';
import { translate } from '../text';
import { answerExchange } from './exchange.service';
import {
  authorizationServerMetadata,
  credentialOffer,
  exchangeCode,
  issueCredential,
  issuerMetadata,
  newNonce,
  OAuthError,
} from './oid4vci.service';

const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });
// A DIDAuth presentation is a few kilobytes; a credential request with its di_vp as well.
const BODY_LIMIT = 65_536;
const noStore = { 'cache-control': 'no-store' };

/** What wallets call, public: the LCW/VC-API exchange and OpenID for VC Issuance (pre-authorized code). */
export const exchangeRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  // RFC 6749 §4.1.3: the token request is a form; parsed here only, in this scope.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.setErrorHandler((error, request, reply) => {
    if (!(error instanceof OAuthError)) throw error;
    const description = translate(error.code, error.params, request.lang);
    return reply
      .status(error.status)
      .headers(noStore)
      .send({ error: error.oauth, error_description: description, code: error.code });
  });

  app.post<{ Params: { id: string } }>('/wallet/exchanges/:id', {
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['wallet'],
      summary: 'Échange portefeuille (LCW, VC-API) / wallet exchange: {} → DIDAuth request; VP → credential(s)',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      response: {
        200: Open('VerifiablePresentationRequest, credential or presentation'),
        ...errorResponses(400, 403, 404, 409, 410),
      },
    },
    handler: async (request, reply) => {
      reply.headers(noStore);
      return answerExchange(services, { id: request.params.id.toLowerCase(), body: request.body });
    },
  });

  app.get<{ Params: { code: string } }>('/wallet/offers/:code', {
    schema: {
      tags: ['wallet'],
      summary: 'Offre OID4VCI / OID4VCI credential offer (pre-authorized code)',
      params: Type.Object({ code: Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]+$' }) }),
      response: { 200: Open('Credential Offer'), ...errorResponses(400, 404, 409, 410) },
    },
    handler: async (request, reply) => {
      reply.headers(noStore);
      return credentialOffer(services, request.params.code);
    },
  });

  app.get('/.well-known/openid-credential-issuer', {
    schema: {
      tags: ['wallet'],
      summary: 'Métadonnées OID4VCI / credential issuer metadata',
      response: { 200: Open('') },
    },
    handler: async () => issuerMetadata(services),
  });
  app.get('/.well-known/oauth-authorization-server', {
    schema: {
      tags: ['wallet'],
      summary: 'Métadonnées OAuth / authorization server metadata',
      response: { 200: Open('') },
    },
    handler: async () => authorizationServerMetadata(services),
  });

  app.post('/wallet/oid4vci/token', {
    bodyLimit: 4096,
    schema: {
      tags: ['wallet'],
      summary: 'Jeton OID4VCI / token endpoint (pre-authorized code)',
      response: { 200: Open('') },
    },
    handler: async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      reply.headers(noStore);
      return exchangeCode(services, { grantType: text(body.grant_type), code: text(body['pre-authorized_code']) });
    },
  });

  app.post('/wallet/oid4vci/nonce', {
    schema: { tags: ['wallet'], summary: 'Nonce OID4VCI / nonce endpoint', response: { 200: Open('') } },
    handler: async (_request, reply) => {
      reply.headers(noStore);
      return newNonce(services);
    },
  });

  app.post('/wallet/oid4vci/credential', {
    bodyLimit: BODY_LIMIT,
    schema: { tags: ['wallet'], summary: 'Credential endpoint OID4VCI (ldp_vc, di_vp)', response: { 200: Open('') } },
    handler: async (request, reply) => {
      const auth = request.headers.authorization ?? '';
      const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(auth)?.[1];
      reply.headers(noStore);
      return issueCredential(services, { token, body: request.body });
    },
  });
};
