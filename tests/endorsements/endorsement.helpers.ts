import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { expect } from 'vitest';
import type { Config } from '../../src/config';
import { parseArgs } from '../../src/cli/args';
import { endorseCommand, offlineEndorseCommand } from '../../src/cli/endorse.cli';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { buildTestApp, type TestContext } from '../helpers/app';
import { download } from '../credentials/app-helpers';
import { independentLoader } from '../credentials/independent-loader';
import { programmeCopy } from '../credentials/programme-copy';

export const OFFLINE = 'region-hors-ligne';

/** Runs a CLI command's function in-process (the same code `npm run cli -- endorse …` runs), returning stdout. */
export async function cli(run: (out: (line: string) => void) => Promise<void>): Promise<string> {
  const lines: string[] = [];
  await run((line) => lines.push(line));
  return lines.join('\n');
}
export const offlineCli = (...args: string[]) => cli((out) => offlineEndorseCommand(parseArgs(args), out));
export const platformCli = (ctx: TestContext, ...args: string[]) =>
  cli((out) => endorseCommand(ctx.services, parseArgs(args), out));

/**
 * The platform with two endorsers: the default hosted region-bfc and an offline one whose public
 * key comes from `endorse keygen` (its key file stays in `dir`, the endorser's own machine).
 */
export async function endorsedWorld(overrides: Partial<Config> = {}) {
  const keyText = await offlineCli('keygen');
  const dir = programmeCopy(() => {});
  const keyFile = join(dir, 'region.key');
  writeFileSync(keyFile, keyText);
  writeFileSync(
    join(dir, 'endorsers', `${OFFLINE}.json`),
    JSON.stringify({
      name: 'Région Bourgogne-Franche-Comté (hors ligne)',
      comment: 'La Région reconnaît ce badge, signé sur son propre poste.',
      validityDays: 365,
      offlineKey: JSON.parse(keyText).public,
    }),
  );
  const ctx = await buildTestApp({ paths: { badgesDir: dir, quizzesDir: resolve('quizzes') }, ...overrides });
  return { ctx, dir, keyFile };
}

/** The offline round trip: `endorse request` on the platform, `endorse sign` on the endorser's machine, import. */
export async function offlineRoundTrip(
  world: { ctx: TestContext; dir: string; keyFile: string },
  ...requestArgs: string[]
) {
  const request = await platformCli(world.ctx, 'request', '--endorser', OFFLINE, ...requestArgs);
  const file = join(world.dir, `demande-${Date.now()}.json`);
  writeFileSync(file, request);
  const signed = JSON.parse(await offlineCli('sign', file, '--key', world.keyFile));
  const res = await world.ctx.app.inject({
    method: 'POST',
    url: '/api/endorsements',
    headers: await world.ctx.adminAuth(),
    payload: signed,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { request: JSON.parse(request), signed };
}

/**
 * @digitalbazaar/vc with a loader that knows only the contexts and the endorser's DID document as
 * published at /endorsers/<key>/did.json (did:web), fetched over HTTP.
 */
export async function verifyWithDidDocument(ctx: TestContext, endorsement: Record<string, unknown>) {
  const loader = async (url: string) => {
    if (!url.startsWith('did:web:')) return independentLoader(url);
    const [did, fragment] = url.split('#') as [string, string | undefined];
    const path = did.split(':').slice(3).map(decodeURIComponent).join('/');
    const document = (await download(ctx, `https://x/${path}/did.json`)).json();
    expect(document.id).toBe(did);
    if (!fragment) return { contextUrl: null, documentUrl: url, document };
    const method = document.verificationMethod.find((m: { id: string }) => m.id === url);
    expect(document.assertionMethod).toContain(url);
    return { contextUrl: null, documentUrl: url, document: { '@context': document['@context'], ...method } };
  };
  return vc.verifyCredential({
    credential: endorsement,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: loader,
    checkStatus: async () => ({ verified: true }),
  });
}

/** A credential re-signed by our issuer with other embedded endorsements: the badge itself stays sound. */
export async function reissuedWith(ctx: TestContext, credential: Record<string, unknown>, endorsement: unknown[]) {
  const { proof: _proof, ...unsigned } = structuredClone(credential) as Record<string, unknown> & {
    credentialSubject: { achievement: Record<string, unknown> };
  };
  unsigned.credentialSubject.achievement.endorsement = endorsement;
  const { deps } = ctx.services.credentials;
  const keys = await deps.keyring.signing(ctx.services.db);
  return signDataIntegrity(unsigned as unknown as { issuer: { id: string } }, {
    key: keys.ed25519,
    documentLoader: deps.documentLoader,
  });
}

export async function verifyApi(ctx: TestContext, credential: unknown) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/verify',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
    payload: JSON.stringify(credential),
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as {
    valid: boolean;
    checks: Array<{ check: string; ok: unknown; code: string; message: string }>;
  };
  return {
    ...body,
    own: body.checks.filter((c) => c.check !== 'endorsement'),
    endorsements: body.checks.filter((c) => c.check === 'endorsement'),
  };
}
