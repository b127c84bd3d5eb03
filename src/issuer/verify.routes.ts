import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../shared/errors';
import { errorResponses } from '../shared/schemas';

const BODY_LIMIT = 4 * 1_048_576; // a baked 512 px PNG is a few hundred kB

const CheckSchema = Type.Object({
  check: Type.Union([
    Type.Literal('parse'), Type.Literal('schema'), Type.Literal('proof'), Type.Literal('status'), Type.Literal('validity'), Type.Literal('issuer'),
  ]),
  ok: Type.Union([Type.Boolean(), Type.Literal('unknown')], { description: "'unknown': could not be checked (key or status list unreachable); never counted as passed" }),
  code: Type.String({ example: 'VERIFY_STATUS_REVOKED' }),
  message: Type.String({ description: 'In the request language', example: 'Ce badge a été révoqué par son émetteur.' }),
});

export const VerifyResultSchema = Type.Object({
  valid: Type.Boolean({ description: 'True only when every check passed' }),
  format: Type.Union([Type.Literal('json'), Type.Literal('jwt'), Type.Literal('png'), Type.Literal('svg')]),
  issuer: Type.Optional(Type.Object({}, { additionalProperties: true })),
  achievement: Type.Optional(Type.Object({}, { additionalProperties: true })),
  checks: Type.Array(CheckSchema),
});

/**
 * POST /api/verify: anyone may verify any Open Badges 3.0 credential. The body is taken as raw
 * bytes whatever its content type (JSON, a compact JWS, a baked PNG or SVG); what it is is read
 * from the bytes themselves.
 */
export const verifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post('/verify', {
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['credentials'], summary: 'Vérifie un badge (JSON, JWT, PNG ou SVG) / verifies a credential (JSON, JWT, PNG or SVG)',
      consumes: ['application/json', 'application/vc+ld+json', 'text/plain', 'image/png', 'image/svg+xml', 'application/octet-stream'],
      response: { 200: VerifyResultSchema, ...errorResponses(400, 413) },
    },
    handler: async (request) => {
      const body = request.body as Buffer | undefined;
      if (!body || body.length === 0) throw new AppError('VERIFY_INPUT_UNREADABLE', 400, {});
      const result = await app.credentials.verify(app.db, new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
      const { valid, format, issuer, achievement } = result;
      const checks = result.checks.map((c) => ({ check: c.check, ok: c.ok, code: c.code, message: c.message[request.lang] }));
      return { valid, format, ...(issuer ? { issuer } : {}), ...(achievement ? { achievement } : {}), checks };
    },
  });
};
