import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * How long each public document may be kept, by what may change it. A signed credential never
 * changes (revocation lives in its status list): kept a day without asking again, the day bounding
 * how long a cache still serves one erased with its learner (RGPD). A status list changes on
 * revocation: kept a minute, then asked again (answered 304 while unchanged). An Achievement changes
 * with the programme (a restart): an hour.
 */
export const CACHE = {
  credential: 'public, max-age=86400, immutable',
  statusList: 'public, max-age=60, must-revalidate',
  achievement: 'public, max-age=3600',
  // An endorsement may be withdrawn: an endorsed Achievement is asked again sooner.
  endorsedAchievement: 'public, max-age=300',
} as const;

/** A strong validator for bytes we serve: their SHA-256, shortened. */
export const etagOf = (body: string | Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * How a public document is sent: media type (a text type names its charset: the bytes are sent as
 * a Buffer), validator and caching. Documents rendered in the reader's language are not cached
 * across languages (`varyLang`).
 */
export interface PublicHead {
  type: string;
  etag: string;
  cacheControl: string;
  varyLang: boolean;
}
/** A document with its bytes, everything computed once when it is cached: nothing is encoded or hashed per read. */
export interface PublicDoc extends PublicHead {
  body: Buffer;
}
export function publicDoc(content: string | Buffer, type: string, cacheControl: string, varyLang = false): PublicDoc {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  return { type, etag: etagOf(body), cacheControl, varyLang, body };
}

/** If-None-Match names this ETag (or `*`): RFC 9110 §13.1.2, weak comparison. */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/**
 * A public document with its validator: 304 without a body when the client holds these bytes,
 * else the bytes. A `body` function is only called when sent (a baked PNG is not baked for a 304).
 */
export function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  head: PublicHead,
  body: Buffer | (() => Buffer),
) {
  if (head.varyLang) reply.header('vary', 'accept-language, cookie');
  reply.header('cache-control', head.cacheControl).header('etag', head.etag).header('access-control-allow-origin', '*');
  if (matches(request.headers['if-none-match'], head.etag)) return reply.status(304).send();
  return reply.type(head.type).send(typeof body === 'function' ? body() : body);
}

/** Media types of the text documents we publish, with the charset Fastify would add to a string. */
export const TEXT_TYPES = {
  vc: 'application/vc+ld+json; charset=utf-8',
  ld: 'application/ld+json; charset=utf-8',
  jwt: 'text/plain; charset=utf-8',
} as const;
