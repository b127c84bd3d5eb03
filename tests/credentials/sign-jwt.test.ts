import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { jwks, jwtKeyId } from '../../src/ob3/issuer';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { signJwt } from '../../src/ob3/sign-jwt';
import { issuerFixture, unsignedCredential, type IssuerFixture } from './helpers';

let issuer: IssuerFixture;
let signed: Awaited<ReturnType<typeof signDataIntegrity<ReturnType<typeof unsignedCredential>>>>;
beforeAll(async () => {
  issuer = await issuerFixture('https://badges.parcours.example');
  const credential = unsignedCredential(issuer.issuerId, { validUntil: '2027-06-12T09:30:00Z' });
  signed = await signDataIntegrity(credential, { key: issuer.ed25519, documentLoader: createDocumentLoader() });
});

/** jose, with our published JWKS: the check a third party would run. */
async function joseVerify(token: string) {
  const keySet = createLocalJWKSet(jwks([issuer.p256]) as never);
  return jwtVerify(token, keySet, { algorithms: ['ES256'], currentDate: new Date('2025-07-01T00:00:00Z') });
}

describe('signJwt', () => {
  it('produces an ES256 compact JWS that jose verifies with our JWKS', async () => {
    const kid = jwtKeyId(issuer.issuerId, issuer.publicUrl, issuer.p256);
    const token = signJwt(signed, { privateJwk: issuer.p256.privateJwk!, kid });
    expect(token.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT', kid });
    // jose matches the JWKS entry by kid: ours is the DID URL, the JWKS kid its fragment.
    const bareKid = signJwt(signed, { privateJwk: issuer.p256.privateJwk!, kid: issuer.p256.id });
    const { payload, protectedHeader } = await joseVerify(bareKid);
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({
      iss: 'did:web:badges.parcours.example',
      jti: signed.id,
      nbf: Date.parse('2025-06-12T09:30:00Z') / 1000,
      exp: Date.parse('2027-06-12T09:30:00Z') / 1000,
    });
  });

  it('makes the whole payload the credential (with its DI proof) plus the mapped claims only', async () => {
    const token = signJwt(signed, { privateJwk: issuer.p256.privateJwk!, kid: issuer.p256.id });
    const { payload } = await joseVerify(token);
    const { iss: _i, jti: _j, nbf: _n, exp: _e, ...credential } = payload;
    expect(credential).toEqual(JSON.parse(JSON.stringify(signed)));
    // No credentialSubject.id (hashed identifier instead), so no `sub`; no `vc` claim, no iat.
    expect(payload).not.toHaveProperty('sub');
    expect(payload).not.toHaveProperty('vc');
    expect(payload).not.toHaveProperty('iat');
    expect(
      (payload as { credentialSubject: { achievement: { name: string } } }).credentialSubject.achievement.name,
    ).toBe('data juridique — cœur de métier');
  });

  it('maps sub from credentialSubject.id when there is one', async () => {
    const withId = { ...signed, credentialSubject: { ...signed.credentialSubject, id: 'did:example:learner' } };
    const { payload } = await joseVerify(signJwt(withId, { privateJwk: issuer.p256.privateJwk!, kid: issuer.p256.id }));
    expect(payload.sub).toBe('did:example:learner');
  });

  it('fails verification when one character of the JWT changes', async () => {
    const token = signJwt(signed, { privateJwk: issuer.p256.privateJwk!, kid: issuer.p256.id });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const json = Buffer.from(payload, 'base64url').toString('utf8').replace('cœur', 'cœuR');
    const tamperedPayload = `${header}.${Buffer.from(json).toString('base64url')}.${signature}`;
    await expect(joseVerify(tamperedPayload)).rejects.toThrow();
    const flipped = signature[5] === 'A' ? 'B' : 'A';
    const tamperedSignature = `${header}.${payload}.${signature.slice(0, 5)}${flipped}${signature.slice(6)}`;
    await expect(joseVerify(tamperedSignature)).rejects.toThrow();
  });
});
