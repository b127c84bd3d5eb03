import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusePrivateHost } from '../../src/credentials/fetch-json';
import { buildTestApp, type TestContext } from '../helpers/app';
import { InjectSession } from '../pages/inject-session';
import { credentialsOf, earnTopic } from './app-helpers';
import {
  checkOf,
  deflatedSpaces,
  foreign,
  measured,
  postVerify,
  PRIVATE_ADDRESSES,
  PUBLIC_ADDRESSES,
  publicFiles,
  startStatusHost,
  statusEntries as entries,
  withCompressedChunk,
} from './verify-public.helpers';

/**
 * The public verification surface as an attacker would use it (issue #9): a decompression
 * bomb, a credential that makes us fetch thousands of URLs, a forgery wearing our name, our
 * own network as a target, and files served without nosniff. The rate limit: verify-rate-limit.test.ts.
 */
let ctx: TestContext;
let credentialId: string;
let ours: { id: string; name: string; url: string; email?: string };
beforeAll(async () => {
  ctx = await buildTestApp({ verifyRateLimit: { max: 1000, windowSeconds: 60 } });
  const learner = await earnTopic(ctx, 'verif-public@parcours.test', 'juridique');
  credentialId = (await credentialsOf(ctx, learner, 'verif-public@parcours.test'))[0]!.id;
  ours = (await ctx.app.inject({ url: '/issuer' })).json();
});
afterAll(async () => ctx?.close());

const post = (payload: string | Buffer, type?: string) => postVerify(ctx, payload, type);

describe('a PNG decompression bomb (#9)', () => {
  it(
    '[413] a compressed credential chunk inflating to 256 MB is refused in under a second, memory barely ' + 'moves',
    async () => {
      const png = (await ctx.app.inject({ url: `/credentials/${credentialId}.png` })).rawPayload;
      const bomb = withCompressedChunk(png, await deflatedSpaces(256));
      expect(bomb.length).toBeLessThan(400_000);
      await post('{}', 'application/json'); // warm the route
      const { res, elapsed, before, after } = await measured(() => post(bomb, 'image/png'));
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().code).toBe('VERIFY_INPUT_TOO_LARGE');
      expect(res.json().message).toMatch(/trop volumineux/);
      expect(elapsed).toBeLessThan(1000);
      expect(after.rss - before.rss).toBeLessThan(50 * 1_048_576);
      expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(50 * 1_048_576);
    },
  );

  it(
    '[200] a credential in a compressed chunk (not conforming, still readable) verifies; broken zlib is a ' + '400',
    async () => {
      const png = (await ctx.app.inject({ url: `/credentials/${credentialId}.png` })).rawPayload;
      const json = (await ctx.app.inject({ url: `/credentials/${credentialId}.json` })).body;
      const { deflateSync } = await import('node:zlib');
      const res = await post(withCompressedChunk(png, deflateSync(json)), 'image/png');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ valid: true, format: 'png' });
      const broken = await post(withCompressedChunk(png, Buffer.from('not zlib at all')), 'image/png');
      expect(broken.statusCode).toBe(400);
      expect(broken.json().code).toBe('VERIFY_INPUT_UNREADABLE');
    },
  );

  it('[4xx] SVG and JSON decoding are bounded too: 100,000 elements, a million levels of nesting', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(100_000)}</svg>`;
    const wide = await post(svg, 'image/svg+xml');
    expect(wide.statusCode).toBe(413);
    expect(wide.json().code).toBe('VERIFY_INPUT_TOO_LARGE');
    const deep = await post(`{"issuer":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`, 'application/json');
    expect(deep.statusCode, deep.body.slice(0, 200)).toBe(400);
    expect(deep.json().code).toBe('VERIFY_INPUT_TOO_COMPLEX');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<svg xmlns="http://www.w3.org/2000/svg"><t>&b;</t></svg>';
    expect((await post(laughs, 'image/svg+xml')).statusCode).toBe(400);
  });
});

describe('verification is no amplifier (#9)', () => {
  let host: Awaited<ReturnType<typeof startStatusHost>>;
  beforeAll(async () => {
    host = await startStatusHost(ctx);
  });
  afterAll(async () => host?.close());

  it(
    '[400] the 373 kB credential listing 5,000 status entries on outside hosts: refused as too complex, not one ' +
      'fetched',
    async () => {
      host.swapped({});
      host.seen.length = 0;
      const { credential } = await foreign({ status: entries(5000), sign: false });
      expect(JSON.stringify(credential).length).toBeGreaterThan(300_000);
      const res = await post(JSON.stringify(credential), 'application/json');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(res.json().code).toBe('VERIFY_INPUT_TOO_COMPLEX');
      expect(host.seen).toEqual([]);
    },
  );

  it('[200] 1,000 status entries (a simple enough document): not one fetched, a failed status check', async () => {
    host.swapped({});
    host.seen.length = 0;
    const { credential } = await foreign({ status: entries(1000), sign: false });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().valid).toBe(false);
    expect(checkOf(res, 'status')).toMatchObject({ ok: false, code: 'VERIFY_STATUS_TOO_MANY' });
    expect(host.seen).toEqual([]);
  });

  it('[200] within the entry cap, the documents cap stops the fetching', async () => {
    host.swapped({ maxDocuments: 2 });
    host.seen.length = 0;
    const { credential } = await foreign({ status: entries(4), sign: false });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(checkOf(res, 'status')).toMatchObject({ ok: false, code: 'VERIFY_FETCH_LIMIT' });
    expect(host.seen).toHaveLength(2);
  });

  it('[200] one time budget for the whole verification: hosts that never answer end it, not a pass', async () => {
    host.swapped({ budgetMs: 300 });
    host.seen.length = 0;
    const { credential } = await foreign({ status: entries(4, '/hang'), sign: false });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(false);
    expect(checkOf(res, 'status')).toMatchObject({ ok: 'unknown', code: 'VERIFY_TIME_LIMIT' });
    expect(host.seen).toHaveLength(1);
  });

  it('[200] more proofs than the cap: a failed proof check, no key fetched', async () => {
    host.swapped({});
    const { credential } = await foreign({ status: null });
    const proof = credential.proof as Record<string, unknown>;
    const many = {
      ...credential,
      proof: Array.from({ length: 50 }, (_, i) => ({ ...proof, verificationMethod: `did:web:h${i}.example#k` })),
    };
    const res = await post(JSON.stringify(many), 'application/json');
    expect(checkOf(res, 'proof')).toMatchObject({ ok: false, code: 'VERIFY_PROOF_TOO_MANY' });
  });
});

describe('who really signed (#9)', () => {
  it('[200] a forgery wearing our name, url and e-mail: its real issuer id, issuedByThisPlatform false', async () => {
    const { issuerId, credential } = await foreign({
      issuer: { name: ours.name, url: ours.url, email: ours.email ?? 'contact@parcours.test' },
      status: null,
    });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(true); // a genuine credential… of someone else
    expect(body.issuedByThisPlatform).toBe(false);
    expect(body.issuerId).toBe(issuerId);
    expect(body.issuerId).not.toBe(ours.id);
    expect(checkOf(res, 'issuer')!.code).toBe('VERIFY_ISSUER_OK');
    expect(res.json().checks.find((c: { check: string }) => c.check === 'issuer').message).toContain(issuerId);

    const ownJson = (await ctx.app.inject({ url: `/credentials/${credentialId}.json` })).body;
    const own = (await post(ownJson, 'application/json')).json();
    expect(own).toMatchObject({ valid: true, issuedByThisPlatform: true, issuerId: ours.id });
  });

  it('[200] the verifier page says plainly it is NOT this platform, with the signer id (fr, then en)', async () => {
    const { issuerId, credential } = await foreign({ issuer: { name: ours.name, url: ours.url }, status: null });
    const s = new InjectSession(ctx.app);
    await s.get('/verifier');
    const page = await s.postMultipart('/verifier', { credential: JSON.stringify(credential) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-signer="other"');
    expect(page.body).toContain('Ce badge n’a pas été émis par cette plateforme.');
    expect(page.body).toContain(issuerId);
    expect(page.body).not.toContain(`Émetteur : ${ours.name}`);

    const en = new InjectSession(ctx.app);
    await en.get('/verifier?lang=en');
    const pageEn = await en.postMultipart('/verifier?lang=en', { credential: JSON.stringify(credential) });
    expect(pageEn.body).toContain('This badge was NOT issued by this platform.');
    expect(pageEn.body).toContain(issuerId);

    const ownJson = (await ctx.app.inject({ url: `/credentials/${credentialId}.json` })).body;
    const mine = await s.postMultipart('/verifier', { credential: ownJson });
    expect(mine.body).toContain('data-signer="this-platform"');
    expect(mine.body).toContain(ours.id);
    const publicPage = await new InjectSession(ctx.app).get(`/credentials/${credentialId}`);
    expect(publicPage.body).toContain('data-signer="this-platform"');
    expect(publicPage.body).toContain(ours.id);
  });
});

describe('no way into our own network: only public unicast addresses (#9)', () => {
  it.each(PRIVATE_ADDRESSES)('refuses %s', async (address) => {
    await expect(refusePrivateHost(address)).rejects.toThrow(/private address/);
  });

  it.each(PUBLIC_ADDRESSES)('lets %s through', async (address) => {
    await expect(refusePrivateHost(address)).resolves.toBeUndefined();
  });

  it(
    '[200] over HTTP: a status list at an IPv4-compatible loopback is never fetched, only reported ' + 'unknown',
    async () => {
      const { credential } = await foreign({
        status: [{ id: 'https://[::7f00:1]/list', type: '1EdTechRevocationList' }],
        sign: false,
      });
      const res = await post(JSON.stringify(credential), 'application/json');
      expect(checkOf(res, 'status')).toMatchObject({ ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE' });
    },
  );
});

describe('public files are never sniffed (#9)', () => {
  it(
    '[200] the baked SVG has nosniff and a CSP that runs nothing; the other public files and /docs have ' + 'nosniff',
    async () => {
      const svg = await ctx.app.inject({ url: `/credentials/${credentialId}.svg` });
      expect(svg.statusCode).toBe(200);
      expect(svg.headers['x-content-type-options']).toBe('nosniff');
      expect(svg.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(svg.headers['content-security-policy']).not.toMatch(/script-src/);
      const signed = (await ctx.app.inject({ url: `/credentials/${credentialId}.json` })).json();
      const badgeKey = signed.credentialSubject.achievement.id.split('/').pop();
      const statusPath = new URL(signed.credentialStatus.statusListCredential).pathname;
      for (const url of publicFiles(credentialId, badgeKey, statusPath)) {
        const res = await ctx.app.inject({ url });
        expect(res.headers['x-content-type-options'], `${url} ${res.statusCode}`).toBe('nosniff');
      }
      expect(
        (await ctx.app.inject({ url: `/achievements/${badgeKey}/image.svg` })).headers['content-security-policy'],
      ).toMatch(/default-src 'none'/);
      for (const url of ['/docs', '/docs/static/index.html', '/docs/json']) {
        const res = await ctx.app.inject({ url });
        expect(res.statusCode, url).toBeLessThan(400);
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      }
    },
  );
});
