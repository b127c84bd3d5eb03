import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Image } from './images';

export const DAY = 86_400;

/** Stable image URLs: cached a day, revalidated by ETag. */
export function sendImage(request: FastifyRequest, reply: FastifyReply, image: Image) {
  reply.header('cache-control', `public, max-age=${DAY}`).header('etag', image.etag);
  if (request.headers['if-none-match'] === image.etag) return reply.status(304).send();
  return reply.type(image.type).send(image.body);
}

/** A public document (JSON-LD, JWS, baked image): its own media type, readable from any origin. */
export function sendDocument(
  reply: FastifyReply,
  type: string,
  body: string | Buffer | object,
  maxAge: number,
  varyLang = false,
) {
  // Documents rendered in the reader's language must not be cached across languages.
  if (varyLang) reply.header('vary', 'accept-language, cookie');
  return reply
    .header('cache-control', `public, max-age=${maxAge}`)
    .header('access-control-allow-origin', '*')
    .type(type)
    .send(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

/** OpenAPI shape of a JSON-LD document we publish; the routes send pre-serialised text. */
export const JsonLdDocument = (description: string) => Type.Object({}, { additionalProperties: true, description });
export const BinaryFile = (description: string) => Type.String({ description, format: 'binary' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);
