import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { expect } from 'vitest';
import type { Config } from '../../src/config';
import type { Services } from '../../src/services';
import { deliverDue } from '../../src/notifications/deliver';
import { buildTestApp, type TestContext } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { answer, attend, learnerAuth, WEBINARS } from '../badges/helpers';
import { independentLoader } from './independent-loader';
import { learners } from '../../src/learners/learners.tables';
import { awards } from '../../src/badges/awards.tables';
import type { Db } from '../../src/db/client';

export interface CredentialsWorld extends TestContext {
  smtp: TestSmtp;
  deliver(): Promise<void>;
  stopAll(): Promise<void>;
}

/** The real platform with the real test SMTP server behind its outbox. */
export async function startWorld(overrides: Partial<Config> = {}): Promise<CredentialsWorld> {
  const smtp = await startSmtp();
  const ctx = await buildTestApp({
    mail: { smtpUrl: smtp.url, from: 'Parcours <no-reply@parcours.test>' },
    ...overrides,
  });
  return Object.assign(ctx, {
    smtp,
    async deliver() {
      await deliverDue(ctx.database.db, ctx.mailer);
    },
    async stopAll() {
      await ctx.close();
      await smtp.stop();
    },
  });
}

/** What the credentials tests read or replace (e.g. `credentials.verify`, to give it a fetch seam). */
export type TestServices = Pick<Services, 'db' | 'config' | 'programme' | 'credentials'>;

/**
 * The platform's services, the object every route and page reads: replacing `credentials.verify`
 * here changes what POST /api/verify, the verifier and the credential page call.
 */
export function servicesOf(ctx: TestContext): TestServices {
  return ctx.services;
}

/** Attendance and the questionnaire of one workshop: the topic badge is awarded by rule. */
export async function earnTopic(
  ctx: TestContext,
  email: string,
  workshop: 'juridique' | 'management' | 'admin',
): Promise<string> {
  const id = await attend(ctx, email, [...WEBINARS, `atelier-${workshop}`]);
  const res = await answer(ctx, learnerAuth(ctx, id, email), `quiz-${workshop}`);
  expect(res.statusCode, res.body).toBe(201);
  return id;
}

export interface CredentialSummary {
  id: string;
  badgeKey: string;
  name: string;
  status: 'active' | 'revoked';
  revocationReason: string | null;
  links: { page: string; json: string; jwt: string; png: string; svg: string };
}

export async function credentialsOf(
  ctx: TestContext,
  learnerId: string,
  email = `${learnerId}@parcours.test`,
): Promise<CredentialSummary[]> {
  const res = await ctx.app.inject({ url: '/api/me/credentials', headers: learnerAuth(ctx, learnerId, email) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().credentials;
}

/** A public URL of ours, fetched as a third party would: through HTTP, bytes as served. */
export async function download(ctx: TestContext, url: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.inject({ url: new URL(url).pathname, headers });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res;
}

export async function verifyOverHttp(
  ctx: TestContext,
  body: string | Buffer,
  contentType = 'application/octet-stream',
  lang = 'fr',
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/verify',
    payload: body,
    headers: { 'content-type': contentType, 'accept-language': lang },
  });
}

/** Both published variants of the 1EdTech schema, each in its own Ajv (SOURCES.md caveat 1). */
function compile(path: string) {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL(`../../src/ob3/schemas/${path}`, import.meta.url), 'utf8')));
}
export const schemaVariants = {
  'JSON-LD-friendly': compile('ob_v3p0_achievementcredential_schema.json'),
  'formal 2024': compile('formal-2024/ob_v3p0_achievementcredential_schema.json'),
};

/**
 * @digitalbazaar/vc with the tests' own loader: contexts from files, did:key by the library,
 * and did:web answered by our public /.well-known/did.json fetched over HTTP.
 */
export async function independentlyVerify(ctx: TestContext, credential: unknown) {
  const loader = async (url: string) => {
    if (url.startsWith('did:web:')) {
      const document = (await download(ctx, `https://x/.well-known/did.json`)).json();
      const [did, fragment] = url.split('#');
      expect(document.id).toBe(did);
      if (!fragment) return { contextUrl: null, documentUrl: url, document };
      const method = document.verificationMethod.find((m: { id: string }) => m.id === url);
      return { contextUrl: null, documentUrl: url, document: { '@context': document['@context'], ...method } };
    }
    return independentLoader(url);
  };
  return vc.verifyCredential({
    credential: credential as Record<string, unknown>,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: loader,
    checkStatus: async () => ({ verified: true }),
  });
}

/** jose against the JWKS we publish at /.well-known/jwks.json. */
export async function joseVerify(ctx: TestContext, token: string) {
  const jwks = (await download(ctx, 'https://x/.well-known/jwks.json', { accept: 'application/jwk-set+json' })).json();
  return jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
}

/** `n` learners, each with an award of `badgeKey` (no credential yet). */
export async function insertAwards(db: Db, n: number, prefix: string, badgeKey = 'data-admin') {
  const people = await db
    .insert(learners)
    .values(Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@commune.example`, name: `Agent ${i}` })))
    .returning();
  return db
    .insert(awards)
    .values(
      people.map((p) => ({
        learnerId: p.id,
        badgeKey,
        method: 'manual' as const,
        evidence: { events: [], attempts: [], badges: [] } as never,
      })),
    )
    .returning();
}
