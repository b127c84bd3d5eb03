import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { isTokenRevoked, revokeToken } from '../auth/sessions.service';
import type { Db } from '../db/client';

export type Role = 'admin' | 'organiser' | 'learner';
export interface TokenClaims {
  sub: string;
  role: Role;
  email: string;
  /** Set by signToken: the id that signing out revokes. */
  jti?: string;
  /** Seconds since the epoch, set when signed. */
  exp?: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims;
    user: TokenClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, once `requireRole` (API) or the pages' session has checked them. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** preHandler: a valid token whose role is one of `roles` (an admin is also an organiser). */
    requireRole(...roles: Role[]): (request: FastifyRequest) => Promise<void>;
    /** A JWT for these claims, with its own id and the role's lifetime (API bearer token and page cookie alike). */
    signToken(claims: TokenClaims): string;
    /** Signing out: this verified token is refused from now on, on every instance. */
    revokeToken(claims: TokenClaims): Promise<void>;
  }
}

/** The actor a verified token names. */
export const actorOf = (claims: TokenClaims): Actor => ({ id: claims.sub, email: claims.email, role: claims.role });

export const SESSION_COOKIE = 'parcours_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The same test @fastify/jwt uses to read the header before the cookie. */
const hasBearer = (request: FastifyRequest) => /^Bearer\s/i.test(request.headers.authorization ?? '');

/** Token lifetimes in seconds, for the API's bearer tokens and the pages' session cookie alike. */
export const TOKEN_TTL_SECONDS = { organiser: 12 * 3600, learner: 30 * 86_400 } as const;
export const tokenTtl = (claims: TokenClaims) =>
  claims.role === 'learner' ? TOKEN_TTL_SECONDS.learner : TOKEN_TTL_SECONDS.organiser;

export default fp<{ secret: string; db: Db }>(
  async (app, { secret, db }) => {
    await app.register(fastifyCookie);
    // Pages use an HttpOnly cookie, API clients the Authorization header; both carry the same JWT.
    await app.register(fastifyJwt, {
      secret,
      cookie: { cookieName: SESSION_COOKIE, signed: false },
      // A signed-out token is refused everywhere. A token without an id (signed before sign-out
      // existed) could never be revoked: it is refused too, and its holder signs in once more.
      trusted: async (_request, token) => {
        const jti = (token as { payload?: TokenClaims }).payload?.jti ?? (token as TokenClaims).jti;
        return typeof jti === 'string' && !(await isTokenRevoked(db, jti));
      },
    });

    app.decorateRequest('actor', null);
    app.decorate('signToken', (claims: TokenClaims) =>
      app.jwt.sign(
        { sub: claims.sub, role: claims.role, email: claims.email, jti: randomUUID() },
        { expiresIn: tokenTtl(claims) },
      ),
    );
    app.decorate('revokeToken', async (claims: TokenClaims) => {
      if (!claims.jti) return; // never trusted in the first place
      const expiresAt = new Date((claims.exp ?? Date.now() / 1000 + tokenTtl(claims)) * 1000);
      await revokeToken(db, claims.jti, expiresAt);
    });

    app.decorate('requireRole', (...roles: Role[]) => {
      const allowed = new Set<Role>(roles.includes('organiser') ? [...roles, 'admin'] : roles);
      return async (request: FastifyRequest) => {
        try {
          await request.jwtVerify();
        } catch {
          throw new AppError('AUTH_REQUIRED', 401);
        }
        // CSRF: a browser sends the session cookie with any request, even one another site makes
        // (a form or fetch to /api with text/plain or multipart needs no preflight, and SameSite=Lax
        // lets sibling subdomains and other localhost ports through). So the cookie authenticates
        // only safe API requests (GET, HEAD: the pages' CSV download); a request that changes data
        // must carry `Authorization: Bearer`, which another site cannot make a browser send. The
        // pages never call an unsafe /api route: their forms post to their own routes, which check
        // the form's CSRF token.
        if (!SAFE_METHODS.has(request.method) && !hasBearer(request)) throw new AppError('AUTH_BEARER_REQUIRED', 403);
        if (!allowed.has(request.user.role)) throw new AppError('AUTH_FORBIDDEN', 403);
        request.actor = actorOf(request.user);
      };
    });
  },
  { name: 'auth' },
);
