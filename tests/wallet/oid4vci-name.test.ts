import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { credentialsOf, earnTopic } from '../credentials/app-helpers';
import { InjectSession } from '../pages/inject-session';
import { upsertLearner } from '../../src/learners/learners.store';
import { expectHolderBound, newExchange, post, scriptedWallet, verifyJson } from './wallet-helpers';

const EMAIL = 'claire.martin@mairie-valbrune.fr';
const ISSUER = 'http://parcours.test';
const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

describe('OID4VCI pre-authorized code flow, and the holder’s name by choice', () => {
  let ctx: TestContext;
  let learner: string;
  let page: InjectSession;
  const auth = () => ({
    authorization: `Bearer ${ctx.app.signToken({ sub: learner, role: 'learner', email: EMAIL })}`,
  });
  beforeAll(async () => {
    ctx = await buildTestApp();
    await upsertLearner(ctx.services.db, { email: EMAIL, name: 'Claire Martin' });
    learner = await earnTopic(ctx, EMAIL, 'juridique');
    page = new InjectSession(ctx.app);
    page.cookies.set('parcours_session', ctx.app.signToken({ sub: learner, role: 'learner', email: EMAIL }));
  });
  afterAll(async () => ctx?.close());

  it('[OID4VCI] offer → metadata → token → nonce → credential (ldp_vc, di_vp) bound to the wallet', async () => {
    const links = await newExchange(ctx, learner, EMAIL);
    expect(links.offer.startsWith('openid-credential-offer://?credential_offer_uri=')).toBe(true);
    const offerUri = new URL(links.offer).searchParams.get('credential_offer_uri')!;
    const offer = (await ctx.app.inject({ url: new URL(offerUri).pathname })).json();
    expect(offer.credential_issuer).toBe(ISSUER);
    const meta = (await ctx.app.inject({ url: '/.well-known/openid-credential-issuer' })).json();
    const config = meta.credential_configurations_supported[offer.credential_configuration_ids[0]];
    expect(config.format).toBe('ldp_vc');
    expect(Object.keys(config.proof_types_supported)).toEqual(['di_vp']);
    const as = (await ctx.app.inject({ url: '/.well-known/oauth-authorization-server' })).json();
    expect(as.grant_types_supported).toContain(GRANT);
    const code = offer.grants[GRANT]['pre-authorized_code'];
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const tokenRes = await post(
      ctx,
      as.token_endpoint,
      new URLSearchParams({ grant_type: GRANT, 'pre-authorized_code': code }).toString(),
      form,
    );
    expect(tokenRes.statusCode, tokenRes.body).toBe(200);
    const { access_token: token, token_type: type } = tokenRes.json();
    expect(type).toBe('Bearer');
    const reused = await post(
      ctx,
      as.token_endpoint,
      `grant_type=${encodeURIComponent(GRANT)}&pre-authorized_code=${code}`,
      form,
    );
    expect([reused.statusCode, reused.json().error]).toEqual([400, 'invalid_grant']);

    const wallet = await scriptedWallet();
    const nonce = async () => (await post(ctx, meta.nonce_endpoint, {})).json().c_nonce as string;
    const request = async (vp: unknown) =>
      post(
        ctx,
        meta.credential_endpoint,
        { credential_configuration_id: offer.credential_configuration_ids[0], proofs: { di_vp: [vp] } },
        { authorization: `Bearer ${token}` },
      );
    // Refused: a proof over a nonce we never gave, then one for another audience; nothing issued.
    const stranger = await request(await wallet.didAuth({ challenge: crypto.randomUUID(), domain: ISSUER }));
    expect([stranger.statusCode, stranger.json().error]).toEqual([400, 'invalid_nonce']);
    const elsewhere = await request(await wallet.didAuth({ challenge: await nonce(), domain: 'https://evil.example' }));
    expect([elsewhere.statusCode, elsewhere.json().error, elsewhere.json().code]).toEqual([
      400,
      'invalid_proof',
      'WALLET_VP_DOMAIN',
    ]);
    const noToken = await post(ctx, meta.credential_endpoint, {}, {});
    expect([noToken.statusCode, noToken.json().error]).toEqual([401, 'invalid_token']);

    const res = await request(await wallet.didAuth({ challenge: await nonce(), domain: ISSUER }));
    expect(res.statusCode, res.body).toBe(200);
    const [{ credential }] = res.json().credentials;
    await expectHolderBound(ctx, credential, wallet.did);
    const again = await request(await wallet.didAuth({ challenge: await nonce(), domain: ISSUER }));
    expect([again.statusCode, again.json().error]).toEqual([401, 'invalid_token']);
  });

  it('[name] on: re-issued with the name, old ones revoked « remplacé », the page follows; off: reverse', async () => {
    const [before] = await credentialsOf(ctx, learner, EMAIL);
    const oldJson = (await ctx.app.inject({ url: `/credentials/${before!.id}.json` })).json();
    const myPage = await page.get('/mes-badges');
    expect(myPage.body).toContain('Afficher mon nom sur mes badges');
    expect(myPage.body).toContain('Ajouter à mon portefeuille');
    expect(myPage.body).toContain('Champs à recopier si LinkedIn ne les remplit pas');

    const on = await page.post('/mes-badges/nom', { shown: 'on' });
    expect(on.statusCode, on.body).toBe(303);
    const mine = (await ctx.app.inject({ url: '/api/me/wallet', headers: auth() })).json();
    expect(mine.name).toMatchObject({ shown: true, name: 'Claire Martin' });
    expect(Date.parse(mine.name.decidedAt)).not.toBeNaN();
    // The wallet copy made above was of the replaced credential: it is revoked with it.
    expect(mine.copies.map((c: { status: string }) => c.status)).toEqual(['revoked']);
    const [named] = await credentialsOf(ctx, learner, EMAIL);
    expect(named!.id).not.toBe(before!.id);
    const namedJson = (await ctx.app.inject({ url: `/credentials/${named!.id}.json` })).json();
    expect(namedJson.credentialSubject.identifier).toContainEqual({
      type: 'IdentityObject',
      identityType: 'name',
      hashed: false,
      identityHash: 'Claire Martin',
    });
    expect((await verifyJson(ctx, namedJson)).json().valid).toBe(true);
    const old = (await verifyJson(ctx, oldJson)).json();
    expect(old.valid).toBe(false);
    expect(old.checks.find((c: { check: string }) => c.check === 'status').code).toBe('VERIFY_STATUS_REVOKED');
    const oldRow = (
      await ctx.app.inject({ url: `/api/learners/${learner}/credentials`, headers: await ctx.adminAuth() })
    ).json();
    expect(oldRow.credentials.map((c: { id: string }) => c.id)).toEqual([named!.id]);
    expect((await page.get(`/credentials/${named!.id}`)).body).toContain('Décerné à Claire Martin');
    const audit = (await ctx.app.inject({ url: '/api/audit', headers: await ctx.adminAuth() })).json();
    const replaced = JSON.stringify(audit).match(/"credential\.reissue"[^}]*"reason":"remplacé"/);
    expect(replaced, 'the replaced credential is recorded with its reason').not.toBeNull();

    const off = await ctx.app.inject({
      method: 'PUT',
      url: '/api/me/wallet/name',
      headers: auth(),
      payload: { shown: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().reissued.replaced).toHaveLength(1);
    const [plain] = await credentialsOf(ctx, learner, EMAIL);
    const plainJson = (await ctx.app.inject({ url: `/credentials/${plain!.id}.json` })).json();
    expect(JSON.stringify(plainJson)).not.toContain('Claire Martin');
    expect((await verifyJson(ctx, plainJson)).json().valid).toBe(true);
    expect((await verifyJson(ctx, namedJson)).json().valid).toBe(false);
    expect((await page.get(`/credentials/${plain!.id}`)).body).not.toContain('Décerné à Claire Martin');
  });

  it('[pages] « Ajouter à mon portefeuille » shows the QR codes and links of LCW, LearnCard and OID4VCI', async () => {
    await page.get('/mes-badges');
    const res = await page.post('/mes-badges/portefeuille', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('https://lcw.app/request.html?issuer=parcours.test&amp;auth_type=bearer');
    expect(res.body).toContain('https://learncard.app/request?issuer=parcours.test');
    expect(res.body).toContain('openid-credential-offer://?credential_offer_uri=');
    expect(res.body.match(/src="data:image\/svg\+xml;base64,/g)).toHaveLength(3);
  });
});
