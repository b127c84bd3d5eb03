import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCredential } from '../../src/ob3/build-credential';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { issuerDid } from '../../src/ob3/issuer';
import { generateEd25519Key } from '../../src/ob3/keys';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { badgeSvg, renderPng } from '../../src/ob3/badge-image';
import { buildTestApp, type TestContext } from '../helpers/app';
import { achievementFixture, issuerProfile } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

const post = (payload: string | Buffer, type?: string, lang = 'fr') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/verify',
    payload,
    headers: { ...(type ? { 'content-type': type } : {}), 'accept-language': lang },
  });

/** A credential from someone else, signed with its own fresh key. */
async function foreignCredential(
  issuerId: (key: Awaited<ReturnType<typeof generateEd25519Key>>) => string,
  overrides: Record<string, unknown> = {},
) {
  const key = await generateEd25519Key();
  const achievement = achievementFixture();
  const credential = buildCredential({
    id: 'https://autre.example/credentials/1',
    issuer: issuerProfile(issuerId(key)),
    achievement,
    validFrom: '2024-01-01T00:00:00Z',
    recipient: { email: 'x@autre.example', salt: 'sel' },
    evidence: [],
    results: [],
    statusEntry: { listUrl: 'https://autre.example/status/1', index: 7 },
    ...overrides,
  });
  return signDataIntegrity(credential, { key, documentLoader: createDocumentLoader() });
}

const checks = (res: { json(): { checks: Array<{ check: string; ok: unknown; code: string }> } }) =>
  Object.fromEntries(res.json().checks.map((c) => [c.check, [c.ok, c.code]]));

describe('POST /api/verify refuses what is not a credential, clearly', () => {
  it('[400] never a 500, whatever the body and its content type', async () => {
    const png = renderPng(badgeSvg({ key: 'x', name: 'image ordinaire' }), 64);
    const garbage: Array<[string | Buffer, string | undefined]> = [
      ['', 'application/json'],
      ['', undefined],
      ['bonjour', 'text/plain'],
      ['{', 'application/json'],
      ['[]', 'application/json'],
      ['"chaîne"', 'application/json'],
      ['a.b.c', 'text/plain'],
      ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'],
      ['<svg><unclosed>', 'image/svg+xml'],
      [png, 'image/png'],
      [png.subarray(0, 40), 'image/png'],
      [randomBytes(2000), 'application/octet-stream'],
      [Buffer.from([0xff, 0xfe, 0x00]), 'text/plain'],
      ['null', 'application/json'],
      ['{"a":1', 'multipart/form-data; boundary=x'],
    ];
    for (const [body, type] of garbage) {
      const res = await post(body, type);
      expect(res.statusCode, `${type}: ${String(body).slice(0, 30)} → ${res.body}`).toBe(400);
      expect(res.json().code, res.body).toMatch(/^VERIFY_(INPUT_UNREADABLE|NO_BAKED_CREDENTIAL)$/);
    }
    expect((await post('bonjour', 'text/plain', 'en')).json().message).toMatch(/^This file cannot be read as a badge/);
  });

  it('[413] a body over 4 MB', async () => {
    expect((await post(Buffer.alloc(4 * 1_048_576 + 1, 0x20), 'application/octet-stream')).statusCode).toBe(413);
  });

  it('[200] JSON that is not a credential is reported invalid, check by check', async () => {
    for (const body of [
      '{}',
      '{"@context": 5, "proof": "x"}',
      '{"type":["VerifiableCredential"],"credentialSubject":[]}',
    ]) {
      const res = await post(body, 'application/json');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().valid).toBe(false);
      expect(checks(res).schema![0]).toBe(false);
    }
  });
});

describe('POST /api/verify on other issuers', () => {
  it('[200] a did:web issuer we cannot reach: proof and status unknown, never passed', async () => {
    const credential = await foreignCredential(() => 'did:web:unreachable.invalid');
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(res.json().valid).toBe(false);
    expect(checks(res)).toMatchObject({
      proof: ['unknown', 'VERIFY_PROOF_KEY_UNREACHABLE'],
      status: ['unknown', 'VERIFY_STATUS_UNREACHABLE'],
    });
  });

  it('[200] an expired did:key credential: the proof holds, validity fails', async () => {
    const credential = await foreignCredential((key) => issuerDid('http://autre.example', key), {
      validUntil: '2024-06-01T00:00:00Z',
    });
    const res = await post(JSON.stringify(credential), 'application/json');
    expect(checks(res)).toMatchObject({ proof: [true, 'VERIFY_PROOF_OK'], validity: [false, 'VERIFY_EXPIRED'] });
  });

  it('[200] a forgery claiming to be us (our issuer id, another key): the proof fails', async () => {
    const ours = (await ctx.app.inject({ url: '/issuer' })).json().id;
    const forged = await foreignCredential(() => ours);
    const res = await post(JSON.stringify(forged), 'application/json');
    expect(res.json().valid).toBe(false);
    expect(checks(res).proof![0]).toBe(false);
  });
});
