import { describe, expect, it } from 'vitest';
import { bakePng } from '../../src/ob3/bake-png';
import { bakeSvg } from '../../src/ob3/bake-svg';
import { badgeSvg, renderPng } from '../../src/ob3/badge-image';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { jwtKeyId, publicJwk } from '../../src/ob3/issuer';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { signJwt } from '../../src/ob3/sign-jwt';
import { buildStatusListCredential, createEncodedList, setStatus } from '../../src/ob3/status-list';
import { verifyCredential } from '../../src/ob3/verify';
import { issuerFixture, STATUS_LIST_URL, unsignedCredential } from './helpers';
import { failing, useVerifyWorld } from './verify-world';

const w = useVerifyWorld();

describe('verifyCredential accepts what we issue', () => {
  it('[json] every check passes, issuer and achievement reported', async () => {
    const result = await verifyCredential(w.signed, w.deps);
    expect(failing(result)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.format).toBe('json');
    expect(result.checks.map((c) => c.check)).toEqual(['parse', 'schema', 'proof', 'status', 'validity', 'issuer']);
    expect(result.issuer).toMatchObject({
      id: 'did:web:badges.parcours.example',
      name: 'Parcours — Collectivités & Données',
    });
    expect(result.achievement).toMatchObject({ name: 'data juridique — cœur de métier' });
    for (const check of result.checks) {
      expect(check.message.fr.length).toBeGreaterThan(5);
      expect(check.message.en.length).toBeGreaterThan(5);
    }
    expect(w.web.fetched).toContain(STATUS_LIST_URL);
  });

  it('[json] as text and as bytes', async () => {
    expect((await verifyCredential(JSON.stringify(w.signed), w.deps)).valid).toBe(true);
    expect((await verifyCredential(Buffer.from(JSON.stringify(w.signed, null, 2)), w.deps)).valid).toBe(true);
  });

  it('[jwt] with a did:web kid, claims matching the fields', async () => {
    const result = await verifyCredential(w.token, w.deps);
    expect(failing(result)).toEqual([]);
    expect(result.format).toBe('jwt');
    expect(result.checks.find((c) => c.check === 'proof')!.message.en).toContain('JWT ES256');
  });

  it('[png] and [svg], baked with JSON or with the JWT', async () => {
    const svg = badgeSvg({ key: 'data-juridique', name: 'data juridique' });
    const png = renderPng(svg, 256);
    for (const [input, format] of [
      [bakePng(png, JSON.stringify(w.signed)), 'png'],
      [bakePng(png, w.token), 'png'],
      [bakeSvg(svg, JSON.stringify(w.signed)), 'svg'],
      [Buffer.from(bakeSvg(svg, w.token)), 'svg'],
    ] as const) {
      const result = await verifyCredential(input, w.deps);
      expect(failing(result)).toEqual([]);
      expect(result.format).toBe(format);
    }
  });

  it('[did:key] a local issuer, JWT key found at its own JWK URL and tied by the embedded proof', async () => {
    const local = await issuerFixture('http://localhost:3000');
    const credential = await signDataIntegrity(unsignedCredential(local.issuerId), {
      key: local.ed25519,
      documentLoader: createDocumentLoader(),
    });
    let list = await createEncodedList();
    list = await setStatus(list, 1, true);
    w.web.served.set(
      STATUS_LIST_URL,
      await signDataIntegrity(
        buildStatusListCredential({
          id: STATUS_LIST_URL,
          issuer: local.issuerId,
          encodedList: list,
          validFrom: '2025-06-01T00:00:00Z',
        }),
        {
          key: local.ed25519,
          documentLoader: createDocumentLoader(),
        },
      ),
    );
    // The kid of a did:key issuer's JWT is the URL of that one key.
    w.web.served.set(`http://localhost:3000/jwk/${local.p256.id}`, publicJwk([local.p256], local.p256.id));
    const localToken = signJwt(credential, {
      privateJwk: local.p256.privateJwk!,
      kid: jwtKeyId(local.issuerId, local.publicUrl, local.p256),
    });
    expect(failing(await verifyCredential(credential, w.deps))).toEqual([]);
    expect(failing(await verifyCredential(localToken, w.deps))).toEqual([]);
  });
});
