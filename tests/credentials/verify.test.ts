import { createPrivateKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { bakePng } from '../../src/credentials/bake-png';
import { bakeSvg } from '../../src/credentials/bake-svg';
import { badgeSvg, renderPng } from '../../src/credentials/badge-image';
import { createDocumentLoader, didWebResolver } from '../../src/credentials/document-loader';
import { didDocument, jwks, jwtKeyId } from '../../src/credentials/issuer';
import { generateEd25519Key, generateP256Key } from '../../src/credentials/keys';
import { signDataIntegrity } from '../../src/credentials/sign-data-integrity';
import { signJwt } from '../../src/credentials/sign-jwt';
import { buildStatusListCredential, createEncodedList, setStatus } from '../../src/credentials/status-list';
import { verifyCredential, type VerificationResult, type VerifyDeps } from '../../src/credentials/verify';
import { fakeWeb, issuerFixture, PUBLIC_URL, STATUS_LIST_URL, unsignedCredential, type IssuerFixture } from './helpers';

const NOW = new Date('2025-07-01T12:00:00Z');
let issuer: IssuerFixture;
let web: ReturnType<typeof fakeWeb>;
let deps: VerifyDeps;
let signed: Awaited<ReturnType<typeof sign>>;
let token: string;

async function sign(overrides: Parameters<typeof unsignedCredential>[1] = {}, key = issuer.ed25519) {
  return signDataIntegrity(unsignedCredential(issuer.issuerId, overrides), { key, documentLoader: createDocumentLoader() });
}

async function publishStatusList(revoked: number[] = [], key = issuer.ed25519) {
  let encodedList = await createEncodedList();
  for (const index of revoked) encodedList = await setStatus(encodedList, index, true);
  const list = buildStatusListCredential({ id: STATUS_LIST_URL, issuer: issuer.issuerId, encodedList, validFrom: '2025-06-01T00:00:00Z' });
  web.served.set(STATUS_LIST_URL, await signDataIntegrity(list, { key, documentLoader: createDocumentLoader() }));
}

const failing = (result: VerificationResult) => result.checks.filter((c) => c.ok !== true).map((c) => [c.check, c.ok, c.code]);

beforeAll(async () => {
  issuer = await issuerFixture(PUBLIC_URL); // did:web:badges.parcours.example
});

beforeEach(async () => {
  web = fakeWeb({
    [`${PUBLIC_URL}/.well-known/did.json`]: didDocument(issuer.issuerId, [issuer.ed25519, issuer.p256]),
    [`${PUBLIC_URL}/.well-known/jwks.json`]: jwks([issuer.p256]),
  });
  deps = { documentLoader: createDocumentLoader({ resolve: didWebResolver(web.fetchJson) }), fetchJson: web.fetchJson, now: NOW };
  await publishStatusList();
  signed ??= await sign();
  token ??= signJwt(signed, { privateJwk: issuer.p256.privateJwk!, kid: jwtKeyId(issuer.issuerId, PUBLIC_URL, issuer.p256) });
});

describe('verifyCredential accepts what we issue', () => {
  it('[json] every check passes, issuer and achievement reported', async () => {
    const result = await verifyCredential(signed, deps);
    expect(failing(result)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.format).toBe('json');
    expect(result.checks.map((c) => c.check)).toEqual(['parse', 'schema', 'proof', 'status', 'validity', 'issuer']);
    expect(result.issuer).toMatchObject({ id: 'did:web:badges.parcours.example', name: 'Parcours — Collectivités & Données' });
    expect(result.achievement).toMatchObject({ name: 'data juridique — cœur de métier' });
    for (const check of result.checks) {
      expect(check.message.fr.length).toBeGreaterThan(5);
      expect(check.message.en.length).toBeGreaterThan(5);
    }
    expect(web.fetched).toContain(STATUS_LIST_URL);
  });

  it('[json] as text and as bytes', async () => {
    expect((await verifyCredential(JSON.stringify(signed), deps)).valid).toBe(true);
    expect((await verifyCredential(Buffer.from(JSON.stringify(signed, null, 2)), deps)).valid).toBe(true);
  });

  it('[jwt] with a did:web kid, claims matching the fields', async () => {
    const result = await verifyCredential(token, deps);
    expect(failing(result)).toEqual([]);
    expect(result.format).toBe('jwt');
    expect(result.checks.find((c) => c.check === 'proof')!.message.en).toContain('JWT ES256');
  });

  it('[png] and [svg], baked with JSON or with the JWT', async () => {
    const svg = badgeSvg({ key: 'data-juridique', name: 'data juridique' });
    const png = renderPng(svg, 256);
    for (const [input, format] of [
      [bakePng(png, JSON.stringify(signed)), 'png'],
      [bakePng(png, token), 'png'],
      [bakeSvg(svg, JSON.stringify(signed)), 'svg'],
      [Buffer.from(bakeSvg(svg, token)), 'svg'],
    ] as const) {
      const result = await verifyCredential(input, deps);
      expect(failing(result)).toEqual([]);
      expect(result.format).toBe(format);
    }
  });

  it('[did:key] a local issuer, JWT key found through our JWKS URL and tied by the embedded proof', async () => {
    const local = await issuerFixture('http://localhost:3000');
    const credential = await signDataIntegrity(unsignedCredential(local.issuerId), { key: local.ed25519, documentLoader: createDocumentLoader() });
    let list = await createEncodedList();
    list = await setStatus(list, 1, true);
    web.served.set(
      STATUS_LIST_URL,
      await signDataIntegrity(buildStatusListCredential({ id: STATUS_LIST_URL, issuer: local.issuerId, encodedList: list, validFrom: '2025-06-01T00:00:00Z' }), {
        key: local.ed25519,
        documentLoader: createDocumentLoader(),
      }),
    );
    web.served.set('http://localhost:3000/.well-known/jwks.json', jwks([local.p256]));
    const localToken = signJwt(credential, { privateJwk: local.p256.privateJwk!, kid: jwtKeyId(local.issuerId, local.publicUrl, local.p256) });
    expect(failing(await verifyCredential(credential, deps))).toEqual([]);
    expect(failing(await verifyCredential(localToken, deps))).toEqual([]);
  });
});

describe('verifyCredential names what fails', () => {
  it('[json] one character changed → proof fails', async () => {
    const tampered = JSON.stringify(signed).replace('cœur', 'cœuR');
    const result = await verifyCredential(tampered, deps);
    expect(result.valid).toBe(false);
    expect(failing(result)).toEqual([
      ['proof', false, 'VERIFY_PROOF_INVALID'],
      ['issuer', 'unknown', 'VERIFY_ISSUER_UNKNOWN'],
    ]);
  });

  it('[jwt] one character of the payload changed → proof fails', async () => {
    const [h, p, s] = token.split('.') as [string, string, string];
    const payload = Buffer.from(p, 'base64url').toString('utf8').replace('"85"', '"95"');
    const result = await verifyCredential(`${h}.${Buffer.from(payload).toString('base64url')}.${s}`, deps);
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({ ok: false, code: 'VERIFY_PROOF_INVALID' });
  });

  it('[png] [svg] one character of the baked credential changed → proof fails; a corrupted PNG is refused', async () => {
    const svg = badgeSvg({ key: 'data-admin', name: 'data admin' });
    const json = JSON.stringify(signed);
    const bakedPng = bakePng(renderPng(svg, 128), json.replace('cœur', 'cœuR'));
    const bakedSvg = bakeSvg(svg, json).replace('cœur', 'cœuR');
    for (const input of [bakedPng, bakedSvg]) {
      const result = await verifyCredential(input, deps);
      expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({ ok: false });
      expect(result.valid).toBe(false);
    }
    const corrupted = bakePng(renderPng(svg, 128), json);
    corrupted[corrupted.indexOf(Buffer.from('cœur'))] = 0x43;
    await expect(verifyCredential(corrupted, deps)).rejects.toMatchObject({ code: 'VERIFY_INPUT_UNREADABLE', status: 400 });
  });

  it('revoked → status fails', async () => {
    await publishStatusList([4242]);
    const result = await verifyCredential(signed, deps);
    expect(failing(result)).toEqual([['status', false, 'VERIFY_STATUS_REVOKED']]);
    expect(result.valid).toBe(false);
    // The neighbours' state is not ours.
    await publishStatusList([4241, 4243]);
    expect((await verifyCredential(signed, deps)).valid).toBe(true);
  });

  it('expired or not yet valid → validity fails, the proof still holds', async () => {
    const expired = await sign({ validUntil: '2025-06-30T00:00:00Z' });
    expect(failing(await verifyCredential(expired, deps))).toEqual([['validity', false, 'VERIFY_EXPIRED']]);
    const expiredJwt = signJwt(expired, { privateJwk: issuer.p256.privateJwk!, kid: jwtKeyId(issuer.issuerId, PUBLIC_URL, issuer.p256) });
    expect(failing(await verifyCredential(expiredJwt, deps))).toEqual([['validity', false, 'VERIFY_EXPIRED']]);
    const early = await verifyCredential(signed, { ...deps, now: new Date('2025-06-01T00:00:00Z') });
    expect(failing(early)).toEqual([['validity', false, 'VERIFY_NOT_YET_VALID']]);
  });

  it('status list unreachable → status unknown (never ok), so not valid', async () => {
    web.served.delete(STATUS_LIST_URL);
    const result = await verifyCredential(signed, deps);
    expect(failing(result)).toEqual([['status', 'unknown', 'VERIFY_STATUS_UNREACHABLE']]);
    expect(result.valid).toBe(false);
  });

  it('status list not signed by the issuer → status fails', async () => {
    await publishStatusList([], await generateEd25519Key());
    expect(failing(await verifyCredential(signed, deps))).toEqual([['status', false, 'VERIFY_STATUS_LIST_INVALID']]);
    const list = structuredClone(web.served.get(STATUS_LIST_URL)) as { credentialSubject: { encodedList: string } };
    await publishStatusList();
    const genuine = web.served.get(STATUS_LIST_URL) as typeof list;
    genuine.credentialSubject.encodedList = await setStatus(genuine.credentialSubject.encodedList, 7, true);
    expect(failing(await verifyCredential(signed, deps))).toEqual([['status', false, 'VERIFY_STATUS_LIST_INVALID']]);
  });

  it('forged: signed by another key claiming our issuer → proof fails', async () => {
    const forged = await sign({}, await generateEd25519Key());
    const result = await verifyCredential(forged, deps);
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({ ok: false });
  });

  it('JWT signed with a key the issuer does not publish → issuer fails', async () => {
    const attacker = generateP256Key();
    web.served.set('https://evil.example/jwks.json', jwks([attacker]));
    const { proof: _dropped, ...bare } = signed;
    const forged = signJwt(bare, { privateJwk: attacker.privateJwk!, kid: `https://evil.example/jwks.json#${attacker.id}` });
    const result = await verifyCredential(forged, deps);
    expect(failing(result)).toEqual([['issuer', false, 'VERIFY_ISSUER_KEY_MISMATCH']]);
  });

  it('JWT claims that disagree with the fields → proof fails', async () => {
    // Signed with the issuer's own key, but jti names another credential.
    const payload = { ...signed, iss: issuer.issuerId, jti: `${PUBLIC_URL}/credentials/autre`, nbf: Date.parse(signed.validFrom) / 1000 };
    const privateKey = createPrivateKey({ key: issuer.p256.privateJwk!, format: 'jwk' });
    const mismatched = jwt.sign(payload, privateKey, { algorithm: 'ES256', keyid: issuer.p256.id, noTimestamp: true });
    const result = await verifyCredential(mismatched, deps);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({
      ok: false,
      code: 'VERIFY_JWT_CLAIMS_MISMATCH',
      message: { en: 'JWT claim "jti" does not match the credential.' },
    });
  });

  it('issuer DID document unreachable → proof and issuer unknown', async () => {
    web.served.delete(`${PUBLIC_URL}/.well-known/did.json`);
    const result = await verifyCredential(signed, deps);
    expect(failing(result)).toEqual([
      ['proof', 'unknown', 'VERIFY_PROOF_KEY_UNREACHABLE'],
      // The status list's own proof needs the same document.
      ['status', 'unknown', 'VERIFY_STATUS_UNREACHABLE'],
      ['issuer', 'unknown', 'VERIFY_ISSUER_UNKNOWN'],
    ]);
    expect(result.valid).toBe(false);
  });

  it('subject with neither id nor identifier → schema fails', async () => {
    const anonymous = structuredClone(signed) as unknown as { credentialSubject: Record<string, unknown> };
    delete anonymous.credentialSubject.identifier;
    const result = await verifyCredential(anonymous, deps);
    expect(result.checks.find((c) => c.check === 'schema')).toMatchObject({ ok: false, code: 'VERIFY_SUBJECT_UNIDENTIFIED' });
  });

  it('garbage → AppError 400, not a report', async () => {
    const cases: unknown[] = [
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]),
      'bonjour',
      '{pas du json',
      '[1,2,3]',
      'a.b',
      '<svg><g></svg>',
    ];
    for (const input of cases) {
      await expect(verifyCredential(input as never, deps)).rejects.toMatchObject({ code: 'VERIFY_INPUT_UNREADABLE', status: 400 });
    }
    await expect(verifyCredential(renderPng(badgeSvg({ key: 'k', name: 'n' }), 64), deps)).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'VERIFY_NO_BAKED_CREDENTIAL' && e.status === 400,
    );
  });
});
