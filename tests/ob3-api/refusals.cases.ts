import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as oauth from 'oauth4webapi';
import type { BrowserContext, Page } from 'playwright-core';
import type { CredentialsWorld } from '../credentials/app-helpers';
import { learnerCookie } from '../pages/journey.helpers';
import { oauthTokens } from '../../src/ob3-api/ob3-api.tables';
import { authorizationRequest, CALLBACK, catchCallbacks, consent, insecure, schemas } from './platform.helpers';

export interface PlatformWorld {
  w: CredentialsWorld;
  base: string;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  auth: oauth.ClientAuth;
  page: Page;
  context: BrowserContext;
  nextCallback: () => Promise<URL>;
  otherId: string;
}
const READ = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';
const PROFILE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly';
const UPSERT = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert';

/** GET on the authorization endpoint without following: where would the browser be sent? */
async function authorizeAnswer(world: PlatformWorld, url: URL) {
  const res = await world.w.app.inject({ url: `${url.pathname}${url.search}` });
  return { status: res.statusCode, location: res.headers.location as string | undefined, body: res.body };
}

const errorOf = (location: string | undefined) => new URL(location ?? 'http://none').searchParams.get('error');

async function exchange(world: PlatformWorld, callback: URL, verifier: string, state: string, redirectUri = CALLBACK) {
  const { as, client, auth } = world;
  const params = oauth.validateAuthResponse(as, client, callback, state);
  const res = await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, verifier, insecure);
  return oauth.processAuthorizationCodeResponse(as, client, res);
}

async function resource(world: PlatformWorld, token: string, path: string) {
  const res = await world.w.app.inject({ url: `/ims/ob/v3p0${path}`, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, json: res.json(), headers: res.headers };
}

/** The refusals the issue lists, each with the spec's error, after the happy path of the same file. */
export function refusalCases(get: () => PlatformWorld) {
  describe('refused, each with the spec’s error', () => {
    it('[303 invalid_request] PKCE plain or missing; [303 invalid_scope] unregistered or write scope', async () => {
      const world = get();
      const id = world.client.client_id;
      const plain = await authorizationRequest(world.as, id, READ, { code_challenge_method: 'plain' });
      const missing = await authorizationRequest(world.as, id, READ);
      missing.url.searchParams.delete('code_challenge');
      missing.url.searchParams.delete('code_challenge_method');
      for (const request of [plain, missing])
        expect(errorOf((await authorizeAnswer(world, request.url)).location)).toBe('invalid_request');
      // A platform registered for the badges only cannot ask for the profile; nobody gets a write scope.
      const narrow = await world.w.app.inject({
        method: 'POST',
        url: '/ims/ob/v3p0/oauth/register',
        payload: {
          client_name: 'Lecteur',
          client_uri: 'https://lecteur.example',
          redirect_uris: [CALLBACK],
          scope: READ,
        },
      });
      expect(narrow.statusCode, narrow.body).toBe(201);
      for (const scope of [PROFILE, UPSERT]) {
        const request = await authorizationRequest(world.as, narrow.json().client_id, scope);
        const answer = await authorizeAnswer(world, request.url);
        expect(errorOf(answer.location)).toBe('invalid_scope');
        expect(new URL(answer.location!).searchParams.get('state')).toBe(request.state);
      }
    });

    it('[400] a redirect_uri one character off is never redirected to', async () => {
      const world = get();
      const request = await authorizationRequest(world.as, world.client.client_id, READ, {
        redirect_uri: `${CALLBACK}x`,
      });
      const answer = await authorizeAnswer(world, request.url);
      expect(answer.status).toBe(400);
      expect(answer.location).toBeUndefined();
      expect(answer.body).toContain('ne correspond exactement à aucune adresse enregistrée');
    });

    it('[400 invalid_grant] a wrong code_verifier, the same code reused, a redirect_uri off by one', async () => {
      const world = get();
      const first = await authorizationRequest(world.as, world.client.client_id, READ);
      const callback = await consent(world.page, world.nextCallback, first.url);
      const wrong = oauth.generateRandomCodeVerifier();
      await expect(exchange(world, callback, wrong, first.state)).rejects.toMatchObject({ error: 'invalid_grant' });
      // The code was spent by the failed attempt: the right verifier comes too late.
      await expect(exchange(world, callback, first.verifier, first.state)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      const second = await authorizationRequest(world.as, world.client.client_id, READ);
      const next = await consent(world.page, world.nextCallback, second.url);
      await expect(exchange(world, next, second.verifier, second.state, `${CALLBACK}/`)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    });

    it('[401] an expired token; [200] another learner’s token reads only that learner’s badges', async () => {
      const world = get();
      const request = await authorizationRequest(world.as, world.client.client_id, `${READ} ${PROFILE}`);
      const tokens = await exchange(
        world,
        await consent(world.page, world.nextCallback, request.url),
        request.verifier,
        request.state,
      );
      // Marc, signed in in his own browser, authorises the same platform.
      const marc = await world.context.browser()!.newContext({ baseURL: world.base, locale: 'fr-FR' });
      await marc.addCookies([learnerCookie(world.w, world.base, world.otherId, 'marc.dupuis@mairie-valbrune.example')]);
      const marcPage = await marc.newPage();
      marcPage.setDefaultTimeout(10_000);
      const marcRequest = await authorizationRequest(world.as, world.client.client_id, `${READ} ${PROFILE}`);
      const marcCallback = await consent(marcPage, catchCallbacks(marc), marcRequest.url);
      const marcTokens = await exchange(world, marcCallback, marcRequest.verifier, marcRequest.state);
      await marc.close();
      const mine = await resource(world, tokens.access_token, '/credentials');
      const his = await resource(world, marcTokens.access_token, '/credentials');
      expect(his.headers['x-total-count']).not.toBe(mine.headers['x-total-count']);
      const ids = (r: { json: { credential: { id: string }[] } }) => r.json.credential.map((c) => c.id);
      expect(ids(his).some((id) => ids(mine).includes(id))).toBe(false);
      expect((await resource(world, marcTokens.access_token, '/profile')).json.email).toBe(
        'marc.dupuis@mairie-valbrune.example',
      );
      // The access token's hour has passed (its row says so; no waiting in tests).
      const hash = createHash('sha256').update(tokens.access_token).digest('hex');
      await world.w.database.db
        .update(oauthTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(oauthTokens.tokenHash, hash));
      const expired = await resource(world, tokens.access_token, '/credentials');
      expect(expired.status).toBe(401);
      expect(expired.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      expect(schemas.statusInfo(expired.json)).toBe(true);
      expect(expired.json).toMatchObject({ imsx_codeMajor: 'failure', imsx_severity: 'error' });
    });

    it('[405] the write operations are not supported; [400] a limit over 200', async () => {
      const world = get();
      for (const [method, url] of [
        ['POST', '/ims/ob/v3p0/credentials'],
        ['PUT', '/ims/ob/v3p0/profile'],
      ] as const) {
        const res = await world.w.app.inject({ method, url, payload: {} });
        expect(res.statusCode).toBe(405);
        expect(schemas.statusInfo(res.json())).toBe(true);
      }
      const res = await world.w.app.inject({
        url: '/ims/ob/v3p0/credentials?limit=201',
        headers: { authorization: 'Bearer x' },
      });
      expect(res.statusCode).toBe(401);
    });
  });
}
