import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/app';
import { credentialsOf, download, earnTopic, schemaVariants } from '../credentials/app-helpers';
import { buildEndorsement } from '../../src/ob3/endorsement';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { endorserIdentity } from '../../src/endorsements/endorser-identity';
import {
  endorsedWorld,
  OFFLINE,
  offlineRoundTrip,
  platformCli,
  reissuedWith,
  verifyApi,
  verifyWithDidDocument,
} from './endorsement.helpers';

// biome-ignore lint/suspicious/noExplicitAny: credentials are read by path in these tests
type Json = Record<string, any>;
const officialEndorsementSchema = (() => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const path = new URL('../../src/ob3/schemas/ob_v3p0_endorsementcredential_schema.json', import.meta.url);
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
})();

let world: Awaited<ReturnType<typeof endorsedWorld>>;
let ctx: TestContext;
let credential: Json;
let hostedId: string;
const EMAIL = 'ines.roux@mairie-valbrune.example';

beforeAll(async () => {
  world = await endorsedWorld({
    publicUrl: 'https://parcours.test',
    verifyRateLimit: { max: 1000, windowSeconds: 60 },
  });
  ctx = world.ctx;
  const hosted = await ctx.app.inject({
    method: 'POST',
    url: '/api/endorsements',
    headers: await ctx.adminAuth(),
    payload: { endorser: 'region-bfc', achievement: 'data-juridique' },
  });
  expect(hosted.statusCode, hosted.body).toBe(201);
  hostedId = hosted.json().id.split('/').pop();
  await offlineRoundTrip(world, '--achievement', 'data-juridique');
  const learnerId = await earnTopic(ctx, EMAIL, 'juridique');
  const [summary] = await credentialsOf(ctx, learnerId, EMAIL);
  credential = JSON.parse((await download(ctx, summary!.links.json)).body);
}, 120_000);
afterAll(async () => world?.ctx.close());

describe('a credential issued after the Region endorsed data-juridique', () => {
  it('[schema] validates against the official OB 3.0 schemas, with both endorsements embedded', () => {
    for (const [name, validate] of Object.entries(schemaVariants))
      expect(validate(credential), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    const endorsements = credential.credentialSubject.achievement.endorsement as Json[];
    expect(endorsements.map((e) => e.issuer.id)).toEqual([
      'did:web:parcours.test:endorsers:region-bfc',
      `did:web:parcours.test:endorsers:${OFFLINE}`,
    ]);
  });

  it('[endorsement] each is an EndorsementCredential as OB 3.0 describes it, valid against its official schema', () => {
    for (const e of credential.credentialSubject.achievement.endorsement as Json[]) {
      expect(officialEndorsementSchema(e), JSON.stringify(officialEndorsementSchema.errors)).toBe(true);
      expect(e['@context'].slice(0, 2)).toEqual([
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ]);
      expect(e.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
      expect(e.credentialSubject).toMatchObject({
        id: 'https://parcours.test/achievements/data-juridique',
        type: ['EndorsementSubject'],
      });
      expect(e.credentialSubject.endorsementComment).toMatch(/^La Région/);
      expect(e.credentialSchema[0].id).toMatch(/ob_v3p0_endorsementcredential_schema\.json$/);
      expect(e.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
      expect(e.credentialStatus.statusListCredential).toMatch(
        /^https:\/\/parcours\.test\/endorsers\/[a-z-]+\/status\/\d+$/,
      );
      expect(e.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
      expect(new Date(e.validUntil) > new Date(e.validFrom)).toBe(true);
    }
  });

  it('[did:web] Digital Bazaar verifies each with only the endorser’s published DID document', async () => {
    for (const e of credential.credentialSubject.achievement.endorsement as Json[]) {
      const result = await verifyWithDidDocument(ctx, e);
      expect(result.verified, JSON.stringify(result.error)).toBe(true);
    }
  });

  it('[jwt] /endorsements/:id.jwt: jose verifies it with the JsonWebKey its kid names', async () => {
    const token = (await download(ctx, `https://x/endorsements/${hostedId}.jwt`)).body;
    const kid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
    const document = (await download(ctx, 'https://x/endorsers/region-bfc/did.json')).json();
    expect(document.assertionMethod).toContain(kid);
    const method = document.verificationMethod.find((m: Json) => m.id === kid);
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [{ ...method.publicKeyJwk, kid }] }));
    expect(payload).toMatchObject({ iss: 'did:web:parcours.test:endorsers:region-bfc', jti: payload.id });
  });

  it('[verify] POST /api/verify: the badge is valid and each endorsement is its own passed check', async () => {
    const result = await verifyApi(ctx, credential);
    expect(result.valid).toBe(true);
    expect(result.endorsements.map((c) => [c.code, c.ok])).toEqual([
      ['ENDORSEMENT_OK', true],
      ['ENDORSEMENT_OK', true],
    ]);
    expect(result.endorsements[0]!.message).toMatch(/^Labellisé par Région Bourgogne-Franche-Comté \(valide jusqu’au /);
  });

  it('[achievement] /achievements/data-juridique carries the endorsements; another badge none', async () => {
    const published = (await download(ctx, 'https://x/achievements/data-juridique')).json();
    expect(published.endorsement).toHaveLength(2);
    expect((await download(ctx, 'https://x/achievements/data-admin')).json().endorsement).toBeUndefined();
  });
});

describe('endorsement checks that fail, the badge’s own checks unaffected', () => {
  const expectOwnChecksPass = (result: Awaited<ReturnType<typeof verifyApi>>) => {
    expect(result.own.map((c) => [c.check, c.ok])).toEqual(result.own.map((c) => [c.check, true]));
    expect(result.valid).toBe(true);
  };
  const embedded = () => structuredClone(credential.credentialSubject.achievement.endorsement) as Json[];

  it('[tampered] a changed endorsement comment fails its signature', async () => {
    const [first, second] = embedded();
    first!.credentialSubject.endorsementComment += ' Et la mention « excellence ».';
    const result = await verifyApi(ctx, await reissuedWith(ctx, credential, [first, second]));
    expectOwnChecksPass(result);
    expect(result.endorsements.map((c) => [c.code, c.ok])).toEqual([
      ['ENDORSEMENT_INVALID', false],
      ['ENDORSEMENT_OK', true],
    ]);
  });

  it('[swapped] an endorsement of another achievement is refused for this one', async () => {
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/endorsements',
      headers: await ctx.adminAuth(),
      payload: { endorser: 'region-bfc', achievement: 'data-management' },
    });
    expect(other.statusCode, other.body).toBe(201);
    const result = await verifyApi(ctx, await reissuedWith(ctx, credential, [other.json()]));
    expectOwnChecksPass(result);
    expect(result.endorsements.map((c) => [c.code, c.ok])).toEqual([['ENDORSEMENT_OTHER_SUBJECT', false]]);
  });

  it('[expired] an endorsement past its validUntil, signed by the endorser, is reported expired', async () => {
    const [valid] = embedded();
    const endorser = ctx.services.endorsements.endorsers.find((e) => e.key === 'region-bfc')!;
    const identity = await endorserIdentity(ctx.services.db, endorser, {
      publicUrl: 'https://parcours.test',
      withPrivate: true,
    });
    const expired = buildEndorsement({
      id: 'https://parcours.test/endorsements/00000000-0000-4000-8000-000000000001',
      name: valid!.name,
      issuer: valid!.issuer,
      subjectId: valid!.credentialSubject.id,
      comment: valid!.credentialSubject.endorsementComment,
      validFrom: '2024-01-01T00:00:00Z',
      validUntil: '2025-01-01T00:00:00Z',
      statusEntry: { listUrl: valid!.credentialStatus.statusListCredential, index: 7 },
    });
    const signed = await signDataIntegrity(expired, {
      key: identity.signing!.ed25519,
      documentLoader: createDocumentLoader(),
    });
    const result = await verifyApi(ctx, await reissuedWith(ctx, credential, [signed]));
    expectOwnChecksPass(result);
    expect(result.endorsements.map((c) => [c.code, c.ok])).toEqual([['ENDORSEMENT_EXPIRED', false]]);
  });

  it('[cap] more endorsements than the verifier takes: none is accepted, nothing is fetched for them', async () => {
    const [first] = embedded();
    const result = await verifyApi(ctx, await reissuedWith(ctx, credential, [first, first, first, first]));
    expectOwnChecksPass(result);
    expect(result.endorsements.map((c) => [c.code, c.ok])).toEqual([['ENDORSEMENT_TOO_MANY', false]]);
  });

  it('[withdrawn] withdrawal sets the endorser’s bit: the same credential reports it, new ones omit it', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/endorsements/${hostedId}/revoke`,
      headers: await ctx.adminAuth(),
      payload: { reason: 'Cahier des charges non renouvelé' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = await verifyApi(ctx, credential);
    expectOwnChecksPass(result);
    expect(result.endorsements.map((c) => [c.code, c.ok])).toEqual([
      ['ENDORSEMENT_WITHDRAWN', false],
      ['ENDORSEMENT_OK', true],
    ]);
    expect(result.endorsements[0]!.message).toMatch(/^Labélisation retirée/);
    expect((await download(ctx, 'https://x/achievements/data-juridique')).json().endorsement).toHaveLength(1);
  });

  it('[offline withdrawal] waits for the endorser’s signed status list, then reports it', async () => {
    const list = (await ctx.app.inject({ url: '/api/endorsements', headers: await ctx.adminAuth() })).json();
    const offline = list.endorsements.find((e: Json) => e.endorser === OFFLINE && e.state === 'active');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/endorsements/${offline.id}/revoke`,
      headers: await ctx.adminAuth(),
      payload: { reason: 'Retrait demandé par la Région' },
    });
    expect(res.json()).toMatchObject({ pendingSignature: true });
    expect((await platformCli(ctx, 'list')).split('\n').find((l) => l.startsWith(offline.id))).toContain(
      'withdrawal-unsigned',
    );
    expect((await verifyApi(ctx, credential)).endorsements[1]!.code).toBe('ENDORSEMENT_OK');
    await offlineRoundTrip(world, '--status-list');
    expect((await verifyApi(ctx, credential)).endorsements[1]!.code).toBe('ENDORSEMENT_WITHDRAWN');
  });
});
