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
 * else the bytes. `body` is only produced when sent (a baked PNG is not baked for a 304).
 */
export function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  doc: { type: string; etag: string; cacheControl: string; body: () => string | Buffer; varyLang?: boolean },
) {
  // Documents rendered in the reader's language must not be cached across languages.
  if (doc.varyLang) reply.header('vary', 'accept-language, cookie');
  reply.header('cache-control', doc.cacheControl).header('etag', doc.etag).header('access-control-allow-origin', '*');
  if (matches(request.headers['if-none-match'], doc.etag)) return reply.status(304).send();
  return reply.type(doc.type).send(doc.body());
}
