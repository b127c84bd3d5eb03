import { createPrivateKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { bakePng } from '../../src/ob3/bake-png';
import { bakeSvg } from '../../src/ob3/bake-svg';
import { badgeSvg, renderPng } from '../../src/ob3/badge-image';
import { jwks, jwtKeyId } from '../../src/ob3/issuer';
import { generateEd25519Key, generateP256Key } from '../../src/ob3/keys';
import { signJwt } from '../../src/ob3/sign-jwt';
import { setStatus } from '../../src/ob3/status-list';
import { verifyCredential } from '../../src/ob3/verify';
import { PUBLIC_URL, STATUS_LIST_URL } from './helpers';
import { failing, useVerifyWorld } from './verify-world';

const w = useVerifyWorld();

describe('verifyCredential names what fails', () => {
  it('[json] one character changed → proof fails', async () => {
    const tampered = JSON.stringify(w.signed).replace('cœur', 'cœuR');
    const result = await verifyCredential(tampered, w.deps);
    expect(result.valid).toBe(false);
    expect(failing(result)).toEqual([
      ['proof', false, 'VERIFY_PROOF_INVALID'],
      ['issuer', 'unknown', 'VERIFY_ISSUER_UNKNOWN'],
    ]);
  });

  it('[jwt] one character of the payload changed → proof fails', async () => {
    const [h, p, s] = w.token.split('.') as [string, string, string];
    const payload = Buffer.from(p, 'base64url').toString('utf8').replace('"85"', '"95"');
    const result = await verifyCredential(`${h}.${Buffer.from(payload).toString('base64url')}.${s}`, w.deps);
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({ ok: false, code: 'VERIFY_PROOF_INVALID' });
  });

  it(
    '[png] [svg] one character of the baked credential changed → proof fails; a corrupted PNG is ' + 'refused',
    async () => {
      const svg = badgeSvg({ key: 'data-admin', name: 'data admin' });
      const json = JSON.stringify(w.signed);
      const bakedPng = bakePng(renderPng(svg, 128), json.replace('cœur', 'cœuR'));
      const bakedSvg = bakeSvg(svg, json).replace('cœur', 'cœuR');
      for (const input of [bakedPng, bakedSvg]) {
        const result = await verifyCredential(input, w.deps);
        expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({ ok: false });
        expect(result.valid).toBe(false);
      }
      const corrupted = bakePng(renderPng(svg, 128), json);
      corrupted[corrupted.indexOf(Buffer.from('cœur'))] = 0x43;
      await expect(verifyCredential(corrupted, w.deps)).rejects.toMatchObject({
        code: 'VERIFY_INPUT_UNREADABLE',
        status: 400,
      });
    },
  );

  it('revoked → status fails', async () => {
    await w.publishStatusList([4242]);
    const result = await verifyCredential(w.signed, w.deps);
    expect(failing(result)).toEqual([['status', false, 'VERIFY_STATUS_REVOKED']]);
    expect(result.valid).toBe(false);
    // The neighbours' state is not ours.
    await w.publishStatusList([4241, 4243]);
    expect((await verifyCredential(w.signed, w.deps)).valid).toBe(true);
  });

  it('expired or not yet valid → validity fails, the proof still holds', async () => {
    const expired = await w.sign({ validUntil: '2025-06-30T00:00:00Z' });
    expect(failing(await verifyCredential(expired, w.deps))).toEqual([['validity', false, 'VERIFY_EXPIRED']]);
    const expiredJwt = signJwt(expired, {
      privateJwk: w.issuer.p256.privateJwk!,
      kid: jwtKeyId(w.issuer.issuerId, PUBLIC_URL, w.issuer.p256),
    });
    expect(failing(await verifyCredential(expiredJwt, w.deps))).toEqual([['validity', false, 'VERIFY_EXPIRED']]);
    const early = await verifyCredential(w.signed, { ...w.deps, now: new Date('2025-06-01T00:00:00Z') });
    expect(failing(early)).toEqual([['validity', false, 'VERIFY_NOT_YET_VALID']]);
  });

  it('status list unreachable → status unknown (never ok), so not valid', async () => {
    w.web.served.delete(STATUS_LIST_URL);
    const result = await verifyCredential(w.signed, w.deps);
    expect(failing(result)).toEqual([['status', 'unknown', 'VERIFY_STATUS_UNREACHABLE']]);
    expect(result.valid).toBe(false);
  });

  it('status list not signed by the issuer → status fails', async () => {
    await w.publishStatusList([], await generateEd25519Key());
    expect(failing(await verifyCredential(w.signed, w.deps))).toEqual([
      ['status', false, 'VERIFY_STATUS_LIST_INVALID'],
    ]);
    const list = structuredClone(w.web.served.get(STATUS_LIST_URL)) as { credentialSubject: { encodedList: string } };
    await w.publishStatusList();
    const genuine = w.web.served.get(STATUS_LIST_URL) as typeof list;
    genuine.credentialSubject.encodedList = await setStatus(genuine.credentialSubject.encodedList, 7, true);
    expect(failing(await verifyCredential(w.signed, w.deps))).toEqual([
      ['status', false, 'VERIFY_STATUS_LIST_INVALID'],
    ]);
  });

  it('forged: signed by another key claiming our issuer → proof fails', async () => {
    const forged = await w.sign({}, await generateEd25519Key());
    const result = await verifyCredential(forged, w.deps);
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({ ok: false });
  });

  it('JWT signed with a key the issuer does not publish → issuer fails', async () => {
    const attacker = generateP256Key();
    w.web.served.set('https://evil.example/jwks.json', jwks([attacker]));
    const { proof: _dropped, ...bare } = w.signed;
    const forged = signJwt(bare, {
      privateJwk: attacker.privateJwk!,
      kid: `https://evil.example/jwks.json#${attacker.id}`,
    });
    const result = await verifyCredential(forged, w.deps);
    expect(failing(result)).toEqual([['issuer', false, 'VERIFY_ISSUER_KEY_MISMATCH']]);
  });

  it('JWT claims that disagree with the fields → proof fails', async () => {
    // Signed with the issuer's own key, but jti names another credential.
    const payload = {
      ...w.signed,
      iss: w.issuer.issuerId,
      jti: `${PUBLIC_URL}/credentials/autre`,
      nbf: Date.parse(w.signed.validFrom) / 1000,
    };
    const privateKey = createPrivateKey({ key: w.issuer.p256.privateJwk!, format: 'jwk' });
    const mismatched = jwt.sign(payload, privateKey, {
      algorithm: 'ES256',
      keyid: w.issuer.p256.id,
      noTimestamp: true,
    });
    const result = await verifyCredential(mismatched, w.deps);
    expect(result.checks.find((c) => c.check === 'proof')).toMatchObject({
      ok: false,
      code: 'VERIFY_JWT_CLAIMS_MISMATCH',
      message: { en: 'JWT claim "jti" does not match the credential.' },
    });
  });

  it('issuer DID document unreachable → proof and issuer unknown', async () => {
    w.web.served.delete(`${PUBLIC_URL}/.well-known/did.json`);
    const result = await verifyCredential(w.signed, w.deps);
    expect(failing(result)).toEqual([
      ['proof', 'unknown', 'VERIFY_PROOF_KEY_UNREACHABLE'],
      // The status list's own proof needs the same document.
      ['status', 'unknown', 'VERIFY_STATUS_UNREACHABLE'],
      ['issuer', 'unknown', 'VERIFY_ISSUER_UNKNOWN'],
    ]);
    expect(result.valid).toBe(false);
  });

  it('subject with neither id nor identifier → schema fails', async () => {
    const anonymous = structuredClone(w.signed) as unknown as { credentialSubject: Record<string, unknown> };
    delete anonymous.credentialSubject.identifier;
    const result = await verifyCredential(anonymous, w.deps);
    expect(result.checks.find((c) => c.check === 'schema')).toMatchObject({
      ok: false,
      code: 'VERIFY_SUBJECT_UNIDENTIFIED',
    });
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
      await expect(verifyCredential(input as never, w.deps)).rejects.toMatchObject({
        code: 'VERIFY_INPUT_UNREADABLE',
        status: 400,
      });
    }
    await expect(verifyCredential(renderPng(badgeSvg({ key: 'k', name: 'n' }), 64), w.deps)).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'VERIFY_NO_BAKED_CREDENTIAL' && e.status === 400,
    );
  });
});
