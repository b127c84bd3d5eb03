import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oauth from 'oauth4webapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from '../helpers/browser';
import {
  earnTopic,
  independentlyVerify,
  joseVerify,
  startWorld,
  type CredentialsWorld,
} from '../credentials/app-helpers';
import { refusalCases } from './refusals.cases';
import {
  authorizationRequest,
  CALLBACK,
  catchCallbacks,
  freePort,
  insecure,
  schemas,
  serverFromDiscovery,
} from './platform.helpers';

const EMAIL = 'ines.garnier@mairie-valbrune.example';
const OTHER = 'marc.dupuis@mairie-valbrune.example';
const READ = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';
const PROFILE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly';

let w: CredentialsWorld;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let nextCallback: () => Promise<URL>;
let otherId: string;
let as: oauth.AuthorizationServer;
let client: oauth.Client;
let auth: oauth.ClientAuth;
let tokens: oauth.TokenEndpointResponse;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  w = await startWorld({ publicUrl: base });
  // Inès earns the three topic badges (and the programme badge): enough credentials for 3 pages of 1.
  for (const topic of ['juridique', 'management', 'admin'] as const) await earnTopic(w, EMAIL, topic);
  otherId = await earnTopic(w, OTHER, 'juridique');
  await w.app.listen({ host: '127.0.0.1', port });
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, base));
  nextCallback = catchCallbacks(context);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await w?.stopAll();
});

const get = (token: string, path: string) =>
  oauth.protectedResourceRequest(token, 'GET', new URL(`${base}/ims/ob/v3p0${path}`), new Headers(), null, insecure);

describe('a third-party platform, with nothing but oauth4webapi and the discovery document', () => {
  it('[200] discovers, [201] registers with every RFC 7591 field', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: a JSON document read by the test
    const discovery: any = await (await fetch(`${base}/ims/ob/v3p0/discovery`)).json();
    expect(discovery.info).toMatchObject({ version: '3.0', termsOfService: expect.stringMatching(/^http/) });
    expect(discovery.info['x-imssf-privacyPolicyUrl']).toMatch(/^http/);
    expect(Object.keys(discovery.components.securitySchemes.OAuth2ACG.flows.authorizationCode.scopes)).toHaveLength(4);
    as = serverFromDiscovery(discovery, base);
    const res = await oauth.dynamicClientRegistrationRequest(
      as,
      {
        client_name: 'Sac à badges',
        client_uri: 'https://sac-a-badges.example',
        logo_uri: 'https://sac-a-badges.example/logo.png',
        tos_uri: 'https://sac-a-badges.example/cgu',
        policy_uri: 'https://sac-a-badges.example/confidentialite',
        software_id: 'sac-a-badges',
        software_version: '2.1.0',
        redirect_uris: [CALLBACK],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        scope: `${READ} ${PROFILE}`,
      },
      insecure,
    );
    const registered = await oauth.processDynamicClientRegistrationResponse(res);
    expect(registered).toMatchObject({ client_name: 'Sac à badges', scope: `${READ} ${PROFILE}` });
    client = { client_id: registered.client_id };
    auth = oauth.ClientSecretBasic(registered.client_secret as string);
  });

  it('[303] the learner signs in by the e-mailed link, consents in French, and the code comes back', async () => {
    const request = await authorizationRequest(as, client.client_id, `${READ} ${PROFILE}`);
    await page.goto(request.url.toString());
    await page.getByLabel('Adresse e-mail').fill(EMAIL);
    await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte de réception' }).waitFor();
    await w.deliver();
    const mail = await w.smtp.waitFor(
      (m) => JSON.stringify(m.to).includes(EMAIL) && /connexion\/lien/.test(m.text ?? ''),
    );
    const link = new URL(/https?:\/\/\S+\/connexion\/lien\?\S+/.exec(mail.text ?? '')![0]);
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sac à badges demande l’accès à vos badges' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('lire tous vos badges numériques');
    expect(text).toContain('lire votre profil');
    expect(await page.locator('img.consent-logo').getAttribute('src')).toBe('https://sac-a-badges.example/logo.png');
    await screenshot(page, 'ob3-consentement');
    const landed = nextCallback();
    await page.getByRole('button', { name: 'Autoriser' }).click();
    const params = oauth.validateAuthResponse(as, client, await landed, request.state);
    await page.waitForURL(`${CALLBACK}**`);
    const res = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      CALLBACK,
      request.verifier,
      insecure,
    );
    tokens = await oauth.processAuthorizationCodeResponse(as, client, res);
    expect(tokens).toMatchObject({
      token_type: 'bearer',
      scope: `${READ} ${PROFILE}`,
      refresh_token: expect.any(String),
    });
  });

  it('[200] reads 3 pages of credentials with X-Total-Count and Link; each one verifies independently', async () => {
    const first = await get(tokens.access_token, '/credentials?limit=1');
    const total = Number(first.headers.get('x-total-count'));
    expect(total).toBeGreaterThanOrEqual(3);
    const links = (res: Response) =>
      Object.fromEntries(
        [...(res.headers.get('link') ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((m) => [m[2], m[1]]),
      );
    const at = (offset: number) => `${base}/ims/ob/v3p0/credentials?limit=1&offset=${offset}`;
    expect(links(first)).toEqual({ next: at(1), last: at(total - 1), first: at(0) });
    const second = await get(tokens.access_token, new URL(links(first).next!).search.replace(/^/, '/credentials'));
    expect(links(second)).toEqual({ next: at(2), last: at(total - 1), first: at(0), prev: at(0) });
    const last = await get(tokens.access_token, new URL(links(first).last!).search.replace(/^/, '/credentials'));
    expect(links(last)).toEqual({ last: at(total - 1), first: at(0), prev: at(total - 2) });
    const ids = new Set<string>();
    for (const res of [first, second, last]) {
      const body = (await res.json()) as { credential: { id: string }[]; compactJwsString: string[] };
      expect(schemas.credentials(body), JSON.stringify(schemas.credentials.errors)).toBe(true);
      expect(body.credential).toHaveLength(1);
      const credential = body.credential[0]!;
      ids.add(credential.id);
      expect((await independentlyVerify(w, credential)).verified).toBe(true);
      const { payload } = await joseVerify(w, body.compactJwsString[0]!);
      expect(payload.jti ?? payload.id).toBe(credential.id);
    }
    expect(ids.size).toBe(3);
  });

  it('[200] reads the profile the learner agreed to share', async () => {
    const res = await get(tokens.access_token, '/profile');
    const profile = await res.json();
    expect(schemas.profile(profile), JSON.stringify(schemas.profile.errors)).toBe(true);
    expect(profile).toMatchObject({ type: ['Profile'], email: EMAIL });
  });

  it('[200] refreshes (rotation), [200] revokes, then the next call is refused with 401', async () => {
    const res = await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, insecure);
    const fresh = await oauth.processRefreshTokenResponse(as, client, res);
    expect(fresh.refresh_token).not.toBe(tokens.refresh_token);
    expect((await get(fresh.access_token, '/profile')).status).toBe(200);
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, auth, fresh.refresh_token!, insecure),
    );
    const refused = await get(fresh.access_token, '/credentials').catch(
      (e: oauth.WWWAuthenticateChallengeError) => e.response,
    );
    expect(refused.status).toBe(401);
    expect(schemas.statusInfo(await refused.json())).toBe(true);
    // The revoked refresh token is refused too (RFC 7009), and so is the one it replaced (rotation).
    for (const old of [fresh.refresh_token!, tokens.refresh_token!]) {
      const again = await oauth.refreshTokenGrantRequest(as, client, auth, old, insecure);
      await expect(oauth.processRefreshTokenResponse(as, client, again)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    }
  });
});

refusalCases(() => ({ w, base, as, client, auth, page, context, nextCallback, otherId }));
