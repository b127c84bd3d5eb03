import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type TokenClaims } from '../plugins/auth';

// The same lifetimes as the API's tokens (src/auth/auth.routes.ts): a page session is that JWT in a cookie.
const TTL = { organiser: { jwt: '12h', seconds: 12 * 3600 }, learner: { jwt: '30d', seconds: 30 * 86_400 } } as const;

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure behind https. */
export function cookieOptions(publicUrl: string) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: publicUrl.startsWith('https://') };
}

export function startSession(reply: FastifyReply, claims: TokenClaims) {
  const ttl = claims.role === 'learner' ? TTL.learner : TTL.organiser;
  const token = reply.server.jwt.sign(claims, { expiresIn: ttl.jwt });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(reply.server.config.publicUrl), maxAge: ttl.seconds });
}

export function endSession(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(reply.server.config.publicUrl));
}

/** The signed-in person, from the cookie only (pages never read an Authorization header); null when absent or invalid. */
export async function readViewer(request: FastifyRequest): Promise<TokenClaims | null> {
  if (!request.cookies[SESSION_COOKIE]) return null;
  try {
    return await request.jwtVerify<TokenClaims>({ onlyCookie: true });
  } catch {
    return null;
  }
}

export const isOrganiser = (viewer: TokenClaims | null) => viewer?.role === 'organiser' || viewer?.role === 'admin';
