import { beforeAll, beforeEach } from 'vitest';
import { createDocumentLoader, didWebResolver } from '../../src/ob3/document-loader';
import { didDocument, jwks, jwtKeyId } from '../../src/ob3/issuer';
import type { Ed25519Key } from '../../src/ob3/keys';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { signJwt } from '../../src/ob3/sign-jwt';
import { buildStatusListCredential, createEncodedList, setStatus } from '../../src/ob3/status-list';
import type { VerificationResult, VerifyDeps } from '../../src/ob3/verify';
import { fakeWeb, issuerFixture, PUBLIC_URL, STATUS_LIST_URL, unsignedCredential, type IssuerFixture } from './helpers';

export const NOW = new Date('2025-07-01T12:00:00Z');

/** The checks that did not pass, as [check, ok, code]: what a failing test should name. */
export const failing = (result: VerificationResult) =>
  result.checks.filter((c) => c.ok !== true).map((c) => [c.check, c.ok, c.code]);

type Signed = Awaited<ReturnType<typeof signDataIntegrity<ReturnType<typeof unsignedCredential>>>>;

/**
 * A did:web issuer (did:web:badges.parcours.example) on a fake web serving its DID document,
 * JWKS and a signed status list; fresh web per test, one signed credential and JWT per file.
 */
export function useVerifyWorld() {
  const world = {} as {
    issuer: IssuerFixture;
    web: ReturnType<typeof fakeWeb>;
    deps: VerifyDeps;
    signed: Signed;
    token: string;
    sign: (overrides?: Parameters<typeof unsignedCredential>[1], key?: Ed25519Key) => Promise<Signed>;
    publishStatusList: (revoked?: number[], key?: Ed25519Key) => Promise<void>;
  };
  world.sign = (overrides = {}, key = world.issuer.ed25519) =>
    signDataIntegrity(unsignedCredential(world.issuer.issuerId, overrides), {
      key,
      documentLoader: createDocumentLoader(),
    });
  world.publishStatusList = async (revoked = [], key = world.issuer.ed25519) => {
    let encodedList = await createEncodedList();
    for (const index of revoked) encodedList = await setStatus(encodedList, index, true);
    const list = buildStatusListCredential({
      id: STATUS_LIST_URL,
      issuer: world.issuer.issuerId,
      encodedList,
      validFrom: '2025-06-01T00:00:00Z',
    });
    world.web.served.set(
      STATUS_LIST_URL,
      await signDataIntegrity(list, { key, documentLoader: createDocumentLoader() }),
    );
  };

  beforeAll(async () => {
    world.issuer = await issuerFixture(PUBLIC_URL);
  });

  beforeEach(async () => {
    const { issuer } = world;
    world.web = fakeWeb({
      [`${PUBLIC_URL}/.well-known/did.json`]: didDocument(issuer.issuerId, [issuer.ed25519, issuer.p256]),
      [`${PUBLIC_URL}/.well-known/jwks.json`]: jwks([issuer.p256]),
    });
    const fetchJson = world.web.fetchJson;
    world.deps = { documentLoader: createDocumentLoader({ resolve: didWebResolver(fetchJson) }), fetchJson, now: NOW };
    await world.publishStatusList();
    world.signed ??= await world.sign();
    world.token ??= signJwt(world.signed, {
      privateJwk: issuer.p256.privateJwk!,
      kid: jwtKeyId(issuer.issuerId, PUBLIC_URL, issuer.p256),
    });
  });
  return world;
}
