import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../db/client';
import { hit } from '../auth/rate-limit.service';
import type { Config } from '../config';
import { AppError } from '../shared/errors';
import { errorResponses } from '../shared/schemas';
import { ipv6Bytes } from './fetch-json';

const BODY_LIMIT = 4 * 1_048_576; // a baked 512 px PNG is a few hundred kB

/**
 * Verifying costs CPU (canonicalisation, signatures) and may fetch outside documents, and anyone
 * may ask: one budget per client address for POST /api/verify and the verifier page together,
 * counted in PostgreSQL (rate-limit.store.ts) so several instances share it.
 */
export const DEFAULT_VERIFY_RATE_LIMIT: NonNullable<Config['verifyRateLimit']> = { max: 30, windowSeconds: 60 };

/** The client a limit counts: its IPv4 address, or its IPv6 /64 (one subscriber's usual share). */
export function clientKey(ip: string): string {
  const bytes = ip.includes(':') ? ipv6Bytes(ip) : undefined;
  if (!bytes) return ip;
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return bytes.subarray(12).join('.');
  return `${Buffer.from(bytes.subarray(0, 8)).toString('hex')}/64`;
}

/** What the limit reads (`services` fits). */
export interface VerifyRateDeps {
  db: Db;
  config: Pick<Config, 'verifyRateLimit'>;
}

/** Counts one verification for the client at `ip`; 429 VERIFY_RATE_LIMITED (with Retry-After) past the limit. */
export async function limitVerifyRate(services: VerifyRateDeps, ip: string): Promise<void> {
  const { max, windowSeconds } = services.config.verifyRateLimit ?? DEFAULT_VERIFY_RATE_LIMIT;
  const key = `verify:ip:${clientKey(ip)}`;
  const { count, resetInSeconds } = await hit(services.db, key, windowSeconds * 1000, new Date(), { durable: false });
  if (count > max) throw new AppError('VERIFY_RATE_LIMITED', 429, { seconds: resetInSeconds });
}

const CheckSchema = Type.Object({
  check: Type.Union([
    Type.Literal('parse'),
    Type.Literal('schema'),
    Type.Literal('proof'),
    Type.Literal('status'),
    Type.Literal('validity'),
    Type.Literal('issuer'),
    Type.Literal('endorsement'),
  ]),
  ok: Type.Union([Type.Boolean(), Type.Literal('unknown')], {
    description: "'unknown': could not be checked (key or status list unreachable); never counted as passed",
  }),
  code: Type.String({ example: 'VERIFY_STATUS_REVOKED' }),
  message: Type.String({ description: 'In the request language', example: 'Ce badge a été révoqué par son émetteur.' }),
});

export const VerifyResultSchema = Type.Object({
  valid: Type.Boolean({ description: 'True only when every check passed' }),
  format: Type.Union([Type.Literal('json'), Type.Literal('jwt'), Type.Literal('png'), Type.Literal('svg')]),
  issuedByThisPlatform: Type.Boolean({
    description:
      "True only when this platform's own issuer key signed it. A credential may copy our name, url and e-mail: " +
      'only `issuerId` says who signed.',
  }),
  issuerId: Type.Optional(
    Type.String({
      description: 'The issuer id (DID or URL): what the signature binds, unlike the name',
      example: 'did:web:badges.example.org',
    }),
  ),
  issuer: Type.Optional(
    Type.Object(
      {},
      {
        additionalProperties: true,
        description: 'The issuer as the credential describes itself (self-declared, except its id)',
      },
    ),
  ),
  achievement: Type.Optional(Type.Object({}, { additionalProperties: true })),
  checks: Type.Array(CheckSchema),
});

/**
 * POST /api/verify: anyone may verify any Open Badges 3.0 credential. The body is taken as raw
 * bytes whatever its content type (JSON, a compact JWS, a baked PNG or SVG); what it is is read
 * from the bytes themselves.
 */
export const verifyRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/verify', {
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['credentials'],
      summary: 'Vérifie un badge (JSON, JWT, PNG ou SVG) / verifies a credential (JSON, JWT, PNG or SVG)',
      consumes: [
        'application/json',
        'application/vc+ld+json',
        'text/plain',
        'image/png',
        'image/svg+xml',
        'application/octet-stream',
      ],
      response: { 200: VerifyResultSchema, ...errorResponses(400, 413, 429) },
    },
    // Counted before the body is read: a client over the limit costs one query, nothing more.
    onRequest: async (request) => limitVerifyRate(services, request.ip),
    handler: async (request) => {
      const body = request.body as Buffer | undefined;
      if (!body || body.length === 0) throw new AppError('VERIFY_INPUT_UNREADABLE', 400, {});
      const result = await services.credentials.verify(
        services.db,
        new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      );
      const { valid, format, issuer, issuerId, issuedByThisPlatform, achievement } = result;
      const checks = result.checks.map((c) => ({
        check: c.check,
        ok: c.ok,
        code: c.code,
        message: c.message[request.lang],
      }));
      return {
        valid,
        format,
        issuedByThisPlatform,
        ...(issuerId ? { issuerId } : {}),
        ...(issuer ? { issuer } : {}),
        ...(achievement ? { achievement } : {}),
        checks,
      };
    },
  });
};
