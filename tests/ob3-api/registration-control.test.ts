import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { organiser, learnerSession } from '../pages/pages-flows.helpers';
import { upsertLearner } from '../../src/learners/learners.service';
import { listAudit } from '../../src/audit/audit.service';
import { purgeExpired } from '../../src/auth/purge.service';

const CALLBACK = 'http://localhost:4999/retour';
const READ = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 appendix B
let ctx: TestContext;
let learnerId: string;

beforeAll(async () => {
  ctx = await buildTestApp();
  ({
    learner: { id: learnerId },
  } = await upsertLearner(ctx.database.db, { email: 'lea.roux@mairie-valbrune.example', lang: 'fr' }));
});
afterAll(async () => ctx?.close());

const metadata = (extra: Record<string, unknown> = {}) => ({
  client_name: 'Carnet RH',
  client_uri: 'https://carnet-rh.example',
  redirect_uris: [CALLBACK],
  ...extra,
});
const register = (payload: unknown, ip = '203.0.113.1', lang = 'fr') =>
  ctx.app.inject({
    method: 'POST',
    url: '/ims/ob/v3p0/oauth/register',
    payload: payload as object,
    remoteAddress: ip,
    headers: { 'accept-language': lang },
  });

describe('dynamic client registration (RFC 7591), bounded', () => {
  it.each([
    ['http on a real host', { redirect_uris: ['http://carnet-rh.example/retour'] }, 'invalid_redirect_uri'],
    ['a fragment', { redirect_uris: [`${CALLBACK}#x`] }, 'invalid_redirect_uri'],
    [
      '11 redirect URIs',
      { redirect_uris: Array.from({ length: 11 }, (_, i) => `${CALLBACK}/${i}`) },
      'invalid_client_metadata',
    ],
    ['a javascript: logo', { logo_uri: 'javascript:alert(1)' }, 'invalid_client_metadata'],
    ['an unknown scope', { scope: 'openid' }, 'invalid_client_metadata'],
    [
      'write scopes only',
      { scope: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert' },
      'invalid_client_metadata',
    ],
    ['client_secret_post', { token_endpoint_auth_method: 'client_secret_post' }, 'invalid_client_metadata'],
    ['the implicit grant', { grant_types: ['implicit'] }, 'invalid_client_metadata'],
    ['a 300-character name', { client_name: 'x'.repeat(300) }, 'invalid_client_metadata'],
  ])('[400] refuses %s', async (_name, extra, error) => {
    const res = await register(metadata(extra), '203.0.113.50');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error, error_description: expect.any(String) });
  });

  it('[400] a body over 16 KiB, in English when asked', async () => {
    const res = await register(metadata({ software_id: 'x'.repeat(20_000) }), '203.0.113.51', 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error_description).toMatch(/^The registration body/);
  });

  it('[429] the 11th registration from one address within the hour waits, with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await register(metadata(), '198.51.100.7')).statusCode).toBe(201);
    const res = await register(metadata(), '198.51.100.7');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });
});

describe('the learner stays in control; organisers see and disable platforms', () => {
  it('[303] consent, « Mes badges » lists the platform, « Retirer l’accès » ends its tokens; audited', async () => {
    const client = (await register(metadata({ client_name: 'Carnet RH Région' }), '192.0.2.9')).json();
    const learner = learnerSession(ctx, learnerId, 'lea.roux@mairie-valbrune.example');
    const query = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: READ,
      state: 'etat-1',
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
    });
    const page = await learner.get(`/ims/ob/v3p0/oauth/authorize?${query}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("form-action 'self' http://localhost:4999");
    const allowed = await learner.post('/ims/ob/v3p0/oauth/authorize', {
      ...Object.fromEntries(query),
      decision: 'allow',
    });
    expect(allowed.statusCode).toBe(303);
    const code = new URL(allowed.headers.location as string).searchParams.get('code')!;
    const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/ims/ob/v3p0/oauth/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CALLBACK,
        code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      }).toString(),
    });
    expect(token.statusCode, token.body).toBe(200);
    const bearer = { authorization: `Bearer ${token.json().access_token}` };
    expect((await ctx.app.inject({ url: '/ims/ob/v3p0/credentials', headers: bearer })).statusCode).toBe(200);
    // Only the badges were granted: the profile is 403; a limit over 200 or a bad `since` is 400.
    const profile = await ctx.app.inject({ url: '/ims/ob/v3p0/profile', headers: bearer });
    expect([profile.statusCode, profile.headers['www-authenticate']]).toEqual([
      403,
      expect.stringContaining('insufficient'),
    ]);
    for (const query of ['limit=201', 'offset=-1', 'since=hier'])
      expect(
        (await ctx.app.inject({ url: `/ims/ob/v3p0/credentials?${query}`, headers: bearer })).json(),
      ).toMatchObject({
        imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldValue: 'invalid_query_parameter' }] },
      });

    const badges = await learner.get('/mes-badges');
    expect(badges.body).toContain('Plateformes autorisées');
    expect(badges.body).toContain('Carnet RH Région');
    const grantId = /data-grant="([^"]+)"/.exec(badges.body)![1]!;
    expect((await learner.post(`/mes-badges/acces/${grantId}/retirer`, {})).statusCode).toBe(303);
    expect((await learner.get('/mes-badges')).body).not.toContain('Carnet RH Région');
    expect((await ctx.app.inject({ url: '/ims/ob/v3p0/credentials', headers: bearer })).statusCode).toBe(401);
    const actions = (await listAudit(ctx.database.db, { limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['ob3.client.registered', 'ob3.grant.created', 'ob3.grant.revoked']),
    );
  });

  it('[200] the organiser lists the platforms, [303] disables one: its client authentication fails', async () => {
    const client = (await register(metadata({ client_name: 'Plateforme à couper' }), '192.0.2.10')).json();
    const s = await organiser(ctx);
    const list = await s.get('/organisateur/plateformes');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Plateforme à couper');
    const res = await s.post(`/organisateur/plateformes/${client.client_id}/etat`, { etat: 'desactivee' });
    expect(res.statusCode).toBe(303);
    expect((await s.get('/organisateur/plateformes')).body).toContain('Désactivée');
    const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/ims/ob/v3p0/oauth/revoke',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'token=abc',
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toBe('invalid_client');
  });

  it('[purge] codes and tokens expired for a day are deleted by the hourly purge', async () => {
    const report = await purgeExpired(ctx.database.db, new Date(Date.now() + 100 * 86_400_000));
    expect(report.oauth).toBeGreaterThan(0);
  });
});
