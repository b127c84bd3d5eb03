import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, tokenTtl, type TokenClaims } from '../plugins/auth';
import { AppError } from '../shared/errors';
import { urls } from './urls';

declare module 'fastify' {
  interface FastifyInstance {
    /** The pages' cookie options (set by the page shell on its scope). */
    pageCookie: CookieOptions;
  }
}

export interface CookieOptions {
  path: string;
  httpOnly: boolean;
  sameSite: 'lax';
  secure: boolean;
}

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure behind https. */
export function cookieOptions(publicUrl: string): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: publicUrl.startsWith('https://') };
}

export function startSession(reply: FastifyReply, claims: TokenClaims) {
  // A page session is the API's JWT in a cookie, with the same lifetime.
  const token = reply.server.signToken(claims);
  reply.setCookie(SESSION_COOKIE, token, { ...reply.server.pageCookie, maxAge: tokenTtl(claims) });
}

export function endSession(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, reply.server.pageCookie);
}

/** Signing out also revokes the token: a copy of the cookie is worthless afterwards. */
export async function signOut(reply: FastifyReply, viewer: TokenClaims | null) {
  if (viewer) await reply.server.revokeToken(viewer);
  endSession(reply);
}

/**
 * The signed-in person, from the cookie only (pages never read an Authorization header); null when
 * absent or invalid.
 */
export async function readViewer(request: FastifyRequest): Promise<TokenClaims | null> {
  if (!request.cookies[SESSION_COOKIE]) return null;
  try {
    return await request.jwtVerify<TokenClaims>({ onlyCookie: true });
  } catch {
    return null;
  }
}

// The learner pages, and the OB 3.0 consent (a platform sends the learner there before sign-in).
const LEARNER_DESTINATIONS =
  /^\/(?:mon-parcours|mes-badges|mes-donnees|questionnaires|ims\/ob\/v3p0\/oauth\/authorize)(?:\/|$)/;

/** Where a learner goes after signing in: back to the learner page they asked for, never elsewhere. */
export function safeLearnerNext(next: unknown): string {
  const fallback = urls.pathway();
  if (typeof next !== 'string' || !next.startsWith('/') || /[\\\s]/.test(next)) return fallback;
  // Resolved as a browser would (`/mes-badges/../organisateur` is `/organisateur`), and re-encoded
  // (a raw `€` in a Location header is refused by Node): what is checked is what is followed.
  const base = 'http://parcours.invalid';
  const url = new URL(next, base);
  if (url.origin !== base || !LEARNER_DESTINATIONS.test(url.pathname)) return fallback;
  return url.pathname + url.search;
}

/** The destination a sign-in form or link carries, when it carries one. */
export const carriedLearnerNext = (next: string | undefined) => (next ? safeLearnerNext(next) : undefined);

/** The learner sign-in, coming back to this page afterwards (GET pages only: a form cannot be replayed). */
export const learnerSignInUrl = (request: FastifyRequest) =>
  urls.signIn(request.method === 'GET' && request.url !== urls.pathway() ? request.url : undefined);

export const isOrganiser = (viewer: TokenClaims | null) => viewer?.role === 'organiser' || viewer?.role === 'admin';

/**
 * A session whose learner no longer exists (merged into another record by an organiser): the
 * session ends and the person signs in again, landing on the record that was kept.
 */
export function forgetMergedLearner(reply: FastifyReply) {
  return (error: unknown): null => {
    if (!(error instanceof AppError) || error.code !== 'LEARNER_NOT_FOUND') throw error;
    endSession(reply);
    return null;
  };
}
