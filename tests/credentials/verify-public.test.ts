import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDeflate } from 'node:zlib';
import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCredential } from '../../src/ob3/build-credential';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { issuerDid } from '../../src/ob3/issuer';
import { generateEd25519Key } from '../../src/ob3/keys';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { PNG_KEYWORD } from '../../src/ob3/bake-png';
import { buildCredentialsService } from '../../src/credentials/credentials.service';
import { refusePrivateHost } from '../../src/credentials/fetch-json';
import type { VerifyLimits } from '../../src/ob3/verify-limits';
import { buildTestApp, type TestContext } from '../helpers/app';
import { InjectSession } from '../pages/inject-session';
import { achievementFixture, issuerProfile } from './helpers';
import { credentialsOf, earnTopic, servicesOf, type TestServices } from './app-helpers';

/**
 * The public verification surface as an attacker would use it (issue #9): a decompression
 * bomb, a credential that makes us fetch thousands of URLs, a forgery wearing our name, our
 * own network as a target, and files served without nosniff.
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

const post = (payload: string | Buffer, type = 'application/octet-stream', lang = 'fr') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/verify',
    payload,
    headers: { 'content-type': type, 'accept-language': lang },
  });
const checkOf = (res: { json(): { checks: Array<{ check: string; ok: unknown; code: string }> } }, name: string) =>
  res.json().checks.find((c) => c.check === name);

/** `credential`'s iTXt chunk rewritten with the compression flag set and `deflated` as its text. */
function withCompressedChunk(png: Buffer, deflated: Buffer): Buffer {
  const chunks = extractChunks(png).filter((c) => c.name !== 'iTXt');
  const header = Buffer.concat([Buffer.from(PNG_KEYWORD, 'latin1'), Buffer.from([0, 1, 0, 0, 0])]);
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data: Buffer.concat([header, deflated]) });
  return Buffer.from(encodeChunks(chunks));
}

/** 256 MB of spaces deflated (~250 kB), produced a megabyte at a time. */
async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => deflate.on('end', r));
  const block = Buffer.alloc(1_048_576, 0x20);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

describe('a PNG decompression bomb (#9)', () => {
  it(
    '[413] a compressed credential chunk inflating to 256 MB is refused in under a second, memory barely ' + 'moves',
    async () => {
      const png = (await ctx.app.inject({ url: `/credentials/${credentialId}.png` })).rawPayload;
      const bomb = withCompressedChunk(png, await deflatedSpaces(256));
      expect(bomb.length).toBeLessThan(400_000);
      await post('{}', 'application/json'); // warm the route
      globalThis.gc?.();
      const before = process.memoryUsage();
      const started = performance.now();
      const res = await post(bomb, 'image/png');
      const elapsed = performance.now() - started;
      const after = process.memoryUsage();
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

/** A credential from "someone else" (a fresh did:key), optionally without any status entry. */
async function foreign(options: { issuer?: Record<string, unknown>; status?: unknown[] | null; sign?: boolean } = {}) {
  const key = await generateEd25519Key();
  const issuerId = issuerDid('http://autre.example', key);
  const credential: Record<string, unknown> = buildCredential({
    id: 'https://autre.example/credentials/1',
    issuer: { ...issuerProfile(issuerId), ...options.issuer, id: issuerId } as never,
    achievement: achievementFixture(),
    validFrom: '2024-01-01T00:00:00Z',
    recipient: { email: 'x@autre.example', salt: 'sel' },
    evidence: [],
    results: [],
    statusEntry: { listUrl: 'https://autre.example/status/1', index: 7 },
  }) as never;
  if (options.status === null) delete credential.credentialStatus;
  else if (options.status) credential.credentialStatus = options.status;
  if (options.sign === false) return { issuerId, credential };
  return {
    issuerId,
    credential: (await signDataIntegrity(credential as never, {
      key,
      documentLoader: createDocumentLoader(),
    })) as Record<string, unknown>,
  };
}

describe('verification is no amplifier (#9)', () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];
  let swapped: (limits: Partial<VerifyLimits>) => void;
  beforeAll(async () => {
    // A host that answers every revocation list with "nothing revoked", and one that never answers.
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url?.startsWith('/hang')) return;
      res.setHeader('content-type', 'application/json').end('{"revokedCredential":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    // Every https URL lands on that local server (the fetch seam of buildCredentialsService).
    const fetch = ((url: string, init: RequestInit) => {
      const u = new URL(url);
      return globalThis.fetch(`http://127.0.0.1:${port}${u.pathname}?host=${u.host}`, init);
    }) as typeof globalThis.fetch;
    const services = servicesOf(ctx);
    original = services.credentials.verify;
    swapped = (limits) => {
      services.credentials.verify = buildCredentialsService({
        config: services.config,
        programme: services.programme,
        fetch,
        verifyLimits: limits,
      }).verify;
    };
  });
  let original: TestServices['credentials']['verify'] | undefined;
  afterAll(async () => {
    if (original) servicesOf(ctx).credentials.verify = original;
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  const entries = (count: number, path = '/list') =>
    Array.from({ length: count }, (_, i) => ({ id: `https://h${i}.example${path}`, type: '1EdTechRevocationList' }));

  it(
    '[400] the 373 kB credential listing 5,000 status entries on outside hosts: refused as too complex, not one ' +
      'fetched',
    async () => {
      swapped({});
      seen.length = 0;
      const { credential } = await foreign({ status: entries(5000), sign: false });
      expect(JSON.stringify(credential).length).toBeGreaterThan(300_000);
      const res = await post(JSON.stringify(credential), 'application/json');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(res.json().code).toBe('VERIFY_INPUT_TOO_COMPLEX');
      expect(seen).toEqual([]);
    },
  );

  it('[200] 1,000 status entries (a simple enough document): not one fetched, a failed status check', async () => {
    swapped({});
    seen.length = 0;
    const { credential } = await foreign({ status: entries(1000), sign: false });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().valid).toBe(false);
    expect(checkOf(res, 'status')).toMatchObject({ ok: false, code: 'VERIFY_STATUS_TOO_MANY' });
    expect(seen).toEqual([]);
  });

  it('[200] within the entry cap, the documents cap stops the fetching', async () => {
    swapped({ maxDocuments: 2 });
    seen.length = 0;
    const { credential } = await foreign({ status: entries(4), sign: false });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(checkOf(res, 'status')).toMatchObject({ ok: false, code: 'VERIFY_FETCH_LIMIT' });
    expect(seen).toHaveLength(2);
  });

  it('[200] one time budget for the whole verification: hosts that never answer end it, not a pass', async () => {
    swapped({ budgetMs: 300 });
    seen.length = 0;
    const { credential } = await foreign({ status: entries(4, '/hang'), sign: false });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(false);
    expect(checkOf(res, 'status')).toMatchObject({ ok: 'unknown', code: 'VERIFY_TIME_LIMIT' });
    expect(seen).toHaveLength(1);
  });

  it('[200] more proofs than the cap: a failed proof check, no key fetched', async () => {
    swapped({});
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

describe('public verification is rate-limited per client (#9)', () => {
  it(
    '[429] POST /api/verify and the verifier page share one budget; Retry-After, stable code, fr/en; ' +
      'X-Forwarded-For ignored',
    async () => {
      const limited = await buildTestApp({ verifyRateLimit: { max: 3, windowSeconds: 60 } });
      try {
        const send = (lang = 'fr', ip = '203.0.113.7') =>
          limited.app.inject({
            method: 'POST',
            url: '/api/verify',
            payload: '{}',
            headers: { 'content-type': 'application/json', 'accept-language': lang, 'x-forwarded-for': ip },
          });
        for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(200);
        const refused = await send('fr', '198.51.100.9'); // another claimed address: the socket's counts
        expect(refused.statusCode).toBe(429);
        expect(refused.json().code).toBe('VERIFY_RATE_LIMITED');
        expect(refused.json().message).toMatch(/^Trop de vérifications/);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect((await send('en')).json().message).toMatch(/^Too many verifications/);
        const page = new InjectSession(limited.app);
        await page.get('/verifier');
        const refusedPage = await page.postMultipart('/verifier', { credential: '{}' });
        expect(refusedPage.statusCode).toBe(429);
        expect(refusedPage.headers['retry-after']).toBeDefined();
        expect(refusedPage.body).toContain('Trop de vérifications');
      } finally {
        await limited.close();
      }
    },
  );

  it(
    '[429] over real HTTP on one keep-alive connection: a refused 1 MB body leaves the connection ' + 'usable',
    async () => {
      const limited = await buildTestApp({ verifyRateLimit: { max: 1, windowSeconds: 60 } });
      try {
        const address = await limited.app.listen({ port: 0, host: '127.0.0.1' });
        const { Agent, request } = await import('node:http');
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        const send = (body: Buffer, path = '/api/verify') =>
          new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
            const req = request(
              `${address}${path}`,
              {
                method: path === '/health' ? 'GET' : 'POST',
                agent,
                headers: { 'content-type': 'application/octet-stream' },
              },
              (res) => {
                res.resume();
                res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
              },
            );
            req.on('error', reject);
            req.setTimeout(5000, () => req.destroy(new Error('no answer')));
            req.end(path === '/health' ? undefined : body);
          });
        expect((await send(Buffer.from('{}'))).status).toBe(200);
        const first = await send(Buffer.alloc(1_048_576, 0x20));
        expect(first.status).toBe(429);
        const again = await send(Buffer.from('{}'));
        expect(again.status).toBe(429);
        const health = await send(Buffer.alloc(0), '/health');
        expect(health.status).toBe(200);
        agent.destroy();
      } finally {
        await limited.close();
      }
    },
  );
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
  it.each([
    '::7f00:1',
    '::127.0.0.1',
    'fec0::1',
    '100::1',
    '192.0.0.8',
    '192.0.2.1',
    '198.51.100.1',
    '240.0.0.1',
    '255.255.255.255',
    '2001:db8::1',
    '::ffff:7f00:1',
    '64:ff9b:1::a00:1',
  ])('refuses %s', async (address) => {
    await expect(refusePrivateHost(address)).rejects.toThrow(/private address/);
  });

  it.each(['93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1'])(
    'lets %s through',
    async (address) => {
      await expect(refusePrivateHost(address)).resolves.toBeUndefined();
    },
  );

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
      for (const url of [
        `/credentials/${credentialId}.json`,
        `/credentials/${credentialId}.jwt`,
        `/credentials/${credentialId}.png`,
        statusPath,
        '/issuer',
        '/issuer/image.svg',
        '/.well-known/did.json',
        '/.well-known/jwks.json',
        `/achievements/${badgeKey}`,
        `/achievements/${badgeKey}/image.svg`,
        '/credentials/nope.json',
      ]) {
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
