import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import * as oauth from 'oauth4webapi';
import type { BrowserContext, Page } from 'playwright-core';

/** A free port, so that PUBLIC_URL (every URL of the discovery document) is the address really served. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** 1EdTech's JSON schemas of the API's answers (copied from the spec's published files). */
function compile(name: string) {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL(`../fixtures/ob3/${name}`, import.meta.url), 'utf8')));
}
export const schemas = {
  credentials: compile('ob_v3p0_getopenbadgecredentialsresponse_schema.json'),
  statusInfo: compile('ob_v3p0_imsx_statusinfo_schema.json'),
  profile: compile('ob_v3p0_profile_schema.json'),
};

/** The third-party platform's side: where its callback lands, caught in the browser. */
export const CALLBACK = 'http://localhost:4999/retour-parcours';
export const insecure = { [oauth.allowInsecureRequests]: true };

/** The platform's authorization server description, from nothing but the discovery document. */
export function serverFromDiscovery(
  discovery: {
    components: {
      securitySchemes: { OAuth2ACG: Record<string, unknown> & { flows: Record<string, Record<string, string>> } };
    };
  },
  issuer: string,
): oauth.AuthorizationServer {
  const scheme = discovery.components.securitySchemes.OAuth2ACG;
  const flow = scheme.flows.authorizationCode!;
  return {
    issuer,
    authorization_endpoint: flow.authorizationUrl,
    token_endpoint: flow.tokenUrl,
    registration_endpoint: scheme['x-imssf-registrationUrl'] as string,
    // Not in the OB 3.0 document: the platform reads it in our README.
    revocation_endpoint: `${issuer}/ims/ob/v3p0/oauth/revoke`,
  };
}

export interface PkceRequest {
  url: URL;
  verifier: string;
  state: string;
}

/** A PKCE S256 authorization request, as the platform builds it. */
export async function authorizationRequest(
  as: oauth.AuthorizationServer,
  clientId: string,
  scope: string,
  extra: Record<string, string> = {},
): Promise<PkceRequest> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
  return { url, verifier, state };
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>';

/** Catches every navigation to the platform's callback; `next()` waits for the next one. */
export function catchCallbacks(context: BrowserContext): () => Promise<URL> {
  const waiting: ((url: URL) => void)[] = [];
  void context.route(`${CALLBACK}**`, async (route) => {
    waiting.shift()?.(new URL(route.request().url()));
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'ok' });
  });
  // The platform's logo, served by the platform (no DNS lookup of an example domain from the browser).
  void context.route('https://sac-a-badges.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: LOGO }),
  );
  return () => new Promise<URL>((resolve) => waiting.push(resolve));
}

/** The learner, signed in, agrees on the consent page; the callback URL is returned. */
export async function consent(page: Page, next: () => Promise<URL>, url: URL): Promise<URL> {
  await page.goto(url.toString());
  const landed = next();
  await page.getByRole('button', { name: 'Autoriser' }).click();
  const callback = await landed;
  // The callback's navigation commits after the route answers: the next goto must not race it.
  await page.waitForURL(`${CALLBACK}**`);
  return callback;
}
