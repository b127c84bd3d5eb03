import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { credentialsOf, earnTopic } from '../credentials/app-helpers';
import {
  expectHolderBound,
  lcwParams,
  newExchange,
  post,
  scriptedWallet,
  verifyJson,
  type ScriptedWallet,
} from './wallet-helpers';

const A = 'lea.martin@cc-lacs.example';
const B = 'paul.roux@cc-lacs.example';
const DOMAIN = 'http://parcours.test';

describe('into the learner wallet: LCW request and VC-API exchange', () => {
  let ctx: TestContext;
  let learner: string;
  let other: string;
  let wallet: ScriptedWallet;
  let ids: Map<string, string>;
  beforeAll(async () => {
    ctx = await buildTestApp();
    learner = await earnTopic(ctx, A, 'juridique');
    await earnTopic(ctx, A, 'management');
    other = await earnTopic(ctx, B, 'juridique');
    wallet = await scriptedWallet();
    ids = new Map((await credentialsOf(ctx, learner, A)).map((c) => [c.badgeKey, c.id]));
  });
  afterAll(async () => ctx?.close());

  it('[LCW] the deep link, a DIDAuth VP as LCW signs it, and a holder-bound copy back', async () => {
    const links = await newExchange(ctx, learner, A, ids.get('data-juridique'));
    const params = lcwParams(links.lcw);
    expect(links.lcw.startsWith('https://lcw.app/request.html?issuer=parcours.test&auth_type=bearer&')).toBe(true);
    expect(links.learnCard.startsWith('https://learncard.app/request?issuer=parcours.test')).toBe(true);
    expect(params).toMatchObject({ issuer: 'parcours.test', authType: 'bearer', requestUrl: links.exchangeUrl });
    const vp = await wallet.didAuth({ challenge: params.challenge });
    const res = await post(ctx, params.requestUrl, vp);
    expect(res.statusCode, res.body).toBe(200);
    const credential = res.json();
    expect(credential.type).toContain('OpenBadgeCredential');
    expect(credential.id).not.toContain(ids.get('data-juridique'));
    await expectHolderBound(ctx, credential, wallet.did);
    expect((await verifyJson(ctx, credential)).json().valid).toBe(true);

    // The link is spent: the same VP again is refused, and nothing more is issued.
    const again = await post(ctx, params.requestUrl, vp);
    expect([again.statusCode, again.json().code]).toEqual([409, 'WALLET_EXCHANGE_USED']);
    const mine = (await ctx.app.inject({ url: '/api/me/wallet', headers: auth(ctx, learner, A) })).json();
    expect(mine.copies).toHaveLength(1);
    expect(mine.copies[0]).toMatchObject({ holderDid: wallet.did, copyOf: ids.get('data-juridique') });
  });

  it('[VC-API] {} → DIDAuthentication request; the VP → { verifiablePresentation } with all badges', async () => {
    const links = await newExchange(ctx, learner, A);
    const request = JSON.parse(new URL(links.vcapi).searchParams.get('request')!);
    const url = request.protocols.vcapi;
    const first = await post(ctx, url, {});
    expect(first.statusCode, first.body).toBe(200);
    const vpr = first.json().verifiablePresentationRequest;
    expect(vpr.query[0].type).toBe('DIDAuthentication');
    expect(vpr.domain).toBe(DOMAIN);
    const vp = await wallet.didAuth({ challenge: vpr.challenge, domain: vpr.domain });
    const res = await post(ctx, url, { verifiablePresentation: vp });
    expect(res.statusCode, res.body).toBe(200);
    const { verifiableCredential } = res.json().verifiablePresentation;
    expect(verifiableCredential).toHaveLength(2);
    for (const c of verifiableCredential) await expectHolderBound(ctx, c, wallet.did);
  });

  describe('refusals: a clear 4xx, nothing issued, the link still usable', () => {
    const copies = async () =>
      (await ctx.app.inject({ url: '/api/me/wallet', headers: auth(ctx, learner, A) })).json().copies.length;
    const refused = async (vp: unknown, status: number, code: string, wrap = false) => {
      const links = await newExchange(ctx, learner, A, ids.get('data-management'));
      const before = await copies();
      const res = await post(ctx, links.exchangeUrl, wrap ? { verifiablePresentation: vp } : vp);
      expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
      expect(res.json().message).toBeTruthy();
      expect(await copies()).toBe(before);
      return links;
    };

    it('[403] a VP over another challenge', async () => {
      await refused(await wallet.didAuth({ challenge: crypto.randomUUID() }), 403, 'WALLET_VP_CHALLENGE');
    });

    it('[403] a VP for another domain, or none when the VC-API request named ours', async () => {
      const links = await newExchange(ctx, learner, A, ids.get('data-management'));
      const { challenge } = lcwParams(links.lcw);
      const other = await post(
        ctx,
        links.exchangeUrl,
        await wallet.didAuth({ challenge, domain: 'https://evil.example' }),
      );
      expect([other.statusCode, other.json().code]).toEqual([403, 'WALLET_VP_DOMAIN']);
      const none = await post(ctx, links.exchangeUrl, { verifiablePresentation: await wallet.didAuth({ challenge }) });
      expect([none.statusCode, none.json().code]).toEqual([403, 'WALLET_VP_DOMAIN']);
      const ok = await post(ctx, links.exchangeUrl, await wallet.didAuth({ challenge, domain: DOMAIN }));
      expect(ok.statusCode, ok.body).toBe(200); // the refusals left the link usable
    });

    it('[403] a tampered signature, another proof purpose; [400] an unsupported suite', async () => {
      const signed = async (links: { lcw: string }) => wallet.didAuth({ challenge: lcwParams(links.lcw).challenge });
      const probe = await newExchange(ctx, learner, A, ids.get('data-management'));
      const vp = await signed(probe);
      const proof = vp.proof as Record<string, string>;
      const tampered = { ...vp, proof: { ...proof, proofValue: `${proof.proofValue!.slice(0, -4)}AAAA` } };
      const res = await post(ctx, probe.exchangeUrl, tampered);
      expect([res.statusCode, res.json().code]).toEqual([403, 'WALLET_VP_SIGNATURE']);
      const forged = { ...vp, holder: (await scriptedWallet()).did };
      expect((await post(ctx, probe.exchangeUrl, forged)).json().code).toBe('WALLET_VP_HOLDER');
      const purpose = { ...vp, proof: { ...proof, proofPurpose: 'assertionMethod' } };
      expect((await post(ctx, probe.exchangeUrl, purpose)).json().code).toBe('WALLET_VP_PURPOSE');
      const suite = { ...vp, proof: { ...proof, type: 'JsonWebSignature2020' } };
      const unsupported = await post(ctx, probe.exchangeUrl, suite);
      expect([unsupported.statusCode, unsupported.json().code]).toEqual([400, 'WALLET_VP_SUITE_UNSUPPORTED']);
      expect((await post(ctx, probe.exchangeUrl, vp)).statusCode).toBe(200);
    });

    it('[410] an expired link; [404] an unknown one; [403] a link for another learner’s badge', async () => {
      const links = await newExchange(ctx, learner, A, ids.get('data-management'));
      const later = new Date(Date.now() + 11 * 60 * 1000);
      const at = (ctx.services as { now?: () => Date }).now;
      Object.assign(ctx.services, { now: () => later });
      const vp = await wallet.didAuth({ challenge: lcwParams(links.lcw).challenge });
      const res = await post(ctx, links.exchangeUrl, vp).finally(() => Object.assign(ctx.services, { now: at }));
      expect([res.statusCode, res.json().code]).toEqual([410, 'WALLET_EXCHANGE_EXPIRED']);
      const unknown = await post(ctx, `/wallet/exchanges/${crypto.randomUUID()}`, vp);
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'WALLET_EXCHANGE_NOT_FOUND']);
      const theirs = (await credentialsOf(ctx, other, B))[0]!.id;
      const stolen = await ctx.app.inject({
        method: 'POST',
        url: '/api/me/wallet/exchanges',
        headers: auth(ctx, learner, A),
        payload: { credentialId: theirs },
      });
      expect([stolen.statusCode, stolen.json().code]).toEqual([403, 'WALLET_CREDENTIAL_NOT_YOURS']);
    });
  });

  it('[revoke] revoking the award revokes every holder-bound copy in POST /api/verify', async () => {
    const original = ids.get('data-juridique')!;
    const mine = (await ctx.app.inject({ url: '/api/me/wallet', headers: auth(ctx, learner, A) })).json();
    const copyIds = mine.copies
      .filter((c: { copyOf: string }) => c.copyOf === original)
      .map((c: { id: string }) => c.id);
    expect(copyIds.length).toBeGreaterThanOrEqual(2);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/credentials/${original}/revoke`,
      headers: await ctx.adminAuth(),
      payload: { reason: 'Présence enregistrée par erreur' },
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const id of copyIds) {
      const json = (await ctx.app.inject({ url: `/credentials/${id}.json` })).json();
      const verdict = (await verifyJson(ctx, json)).json();
      expect(verdict.valid, id).toBe(false);
      expect(verdict.checks.find((c: { check: string }) => c.check === 'status').code).toBe('VERIFY_STATUS_REVOKED');
    }
    const after = (await ctx.app.inject({ url: '/api/me/wallet', headers: auth(ctx, learner, A) })).json();
    for (const c of after.copies.filter((x: { copyOf: string }) => x.copyOf === original))
      expect(c.status).toBe('revoked');
  });
});

function auth(ctx: TestContext, id: string, email: string) {
  return { authorization: `Bearer ${ctx.app.signToken({ sub: id, role: 'learner', email })}` };
}
