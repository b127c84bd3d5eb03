import type { FastifyReply, FastifyRequest } from 'fastify';
import { flashText } from './layout.text';

const FLASH_COOKIE = 'parcours_flash';
export type FlashKey = keyof typeof flashText.fr;
export interface Flash {
  key: FlashKey;
  params: Record<string, string>;
}

/**
 * A message for the next page after a redirect (post/redirect/get). It lives in a short cookie,
 * not in a process, and holds a dictionary key, so it is shown in the language of the next page.
 */
export function setFlash(reply: FastifyReply, key: FlashKey, params: Record<string, string> = {}) {
  const value = Buffer.from(JSON.stringify({ key, params })).toString('base64url');
  reply.setCookie(FLASH_COOKIE, value, { ...reply.server.pageCookie, maxAge: 60 });
}

/** Reads and clears the flash; anything unexpected in the cookie is ignored. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const value = request.cookies[FLASH_COOKIE];
  if (!value) return null;
  reply.clearCookie(FLASH_COOKIE, reply.server.pageCookie);
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Flash>;
    if (typeof parsed.key !== 'string' || !(parsed.key in flashText.fr)) return null;
    const params = Object.fromEntries(Object.entries(parsed.params ?? {}).filter(([, v]) => typeof v === 'string'));
    return { key: parsed.key, params };
  } catch {
    return null;
  }
}
