import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config';
import { buildServices, startPlatform, type Platform } from '../../src/platform';
import { listKeys } from '../../src/credentials/keys.store';
import { encryptKeysCommand } from '../../src/cli/keys.cli';
import { openDatabase, type Database } from '../../src/db/client';
import { isSealed } from '../../src/ob3/secret-box';
import { createServerDatabase, type ScratchDatabase } from '../helpers/db';
import { ADMIN, testConfig } from '../helpers/app';

// A deployment that ran without PARCOURS_KEY_SECRET (keys in clear), then `keys encrypt` as an
// operator runs it, on a real database: PGlite in a folder, or a scratch PostgreSQL database in CI.
const run = promisify(execFile);
const SECRET = 's'.repeat(48);
const dataDir = mkdtempSync(join(tmpdir(), 'parcours-keys-'));
let scratch: ScratchDatabase | undefined;
let database: Config['database'];

const cli = (env: Record<string, string>, ...args: string[]) =>
  run('npx', ['tsx', 'src/cli.ts', ...args], {
    timeout: 90_000,
    env: {
      ...process.env,
      PARCOURS_DATA_DIR: dataDir,
      DATABASE_URL: database.url ?? '',
      LOG_LEVEL: 'silent',
      PARCOURS_KEY_SECRET: '',
      ...env,
    },
  });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: { code: number; stderr: string }) => e,
  );

async function withPlatform<T>(
  keySecret: string | undefined,
  body: (p: Platform, auth: Record<string, string>) => Promise<T>,
): Promise<T> {
  const platform = await startPlatform(testConfig({ database, keySecret }), { worker: false });
  try {
    const login = await platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    return await body(platform, { authorization: `Bearer ${login.json().token}` });
  } finally {
    await platform.stop();
  }
}

/** A manual award's credential, as served at its public URL. */
async function issue(p: Platform, auth: Record<string, string>, email: string): Promise<string> {
  expect(
    (
      await p.app.inject({
        method: 'PUT',
        url: `/api/events/webinaire-1/attendance/${email}`,
        headers: auth,
        payload: { status: 'present' },
      })
    ).statusCode,
  ).toBe(200);
  const id = (await p.app.inject({ url: `/api/learners?q=${email}`, headers: auth })).json().learners[0].id as string;
  const award = await p.app.inject({
    method: 'POST',
    url: `/api/learners/${id}/awards`,
    headers: auth,
    payload: { badge: 'data-admin', reason: 'Clés chiffrées' },
  });
  expect(award.statusCode, award.body).toBe(201);
  const progress = (await p.app.inject({ url: `/api/learners/${id}/progress`, headers: auth })).json() as {
    badges: Array<{ key: string; credentialId?: string }>;
  };
  const credentialId = progress.badges.find((b) => b.key === 'data-admin')!.credentialId!;
  return (await p.app.inject({ url: `/credentials/${credentialId}` })).body;
}

const verify = async (p: Platform, credential: string) =>
  (
    await p.app.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { 'content-type': 'application/json' },
      payload: credential,
    })
  ).json() as { valid: boolean; checks: unknown };

async function withDatabase<T>(body: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(database);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) scratch = await createServerDatabase(process.env.DATABASE_URL);
  database = scratch?.url ? { url: scratch.url, dataDir } : { dataDir };
});
afterAll(async () => scratch?.drop());

describe('npm run cli -- keys encrypt', () => {
  let before: string;

  it('refuses without PARCOURS_KEY_SECRET, saying how to generate one', async () => {
    // A deployment started without the secret: keys in clear, a credential issued.
    before = await withPlatform(undefined, (p, auth) => issue(p, auth, 'avant@commune.example'));
    const core = await buildServices(testConfig({ database }));
    try {
      const rows = await listKeys(core.database.db);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.every((r) => r.key.privateKey && !isSealed(r.key.privateKey))).toBe(true);
    } finally {
      await core.database.close();
    }
    const refused = await failure(cli({}, 'keys', 'encrypt'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('KEY_SECRET_MISSING: PARCOURS_KEY_SECRET');
    expect(refused.stderr).toContain('randomBytes');
  }, 180_000);

  it('encrypts the keys stored in clear, says so, and does nothing the second time', async () => {
    const first = await cli({ PARCOURS_KEY_SECRET: SECRET }, 'keys', 'encrypt');
    expect(first.stdout).toMatch(/Clés chiffrées \/ keys encrypted: 2 \((Ed25519|P-256) .+, (Ed25519|P-256) .+\)/);
    expect(first.stdout).toContain('keys rotate');
    const core = await buildServices(testConfig({ database, keySecret: SECRET }));
    try {
      const rows = await listKeys(core.database.db);
      expect(rows.every((r) => isSealed(r.key.privateKey!))).toBe(true);
      expect(JSON.stringify(rows)).not.toMatch(/"d":|secretKeyMultibase/);
    } finally {
      await core.database.close();
    }
    // Again (the command's own function, on the same database): nothing to do, and it says so.
    const lines: string[] = [];
    await withDatabase((db) => encryptKeysCommand(db, SECRET, (l) => lines.push(l)));
    expect(lines).toEqual([
      'Rien à chiffrer : 2 clé(s) déjà chiffrée(s) avec ce secret. / Nothing to encrypt: 2 key(s) already ' +
        'encrypted with this secret.',
    ]);
  }, 180_000);

  it('refuses another secret, changing nothing (the command and the start alike)', async () => {
    await expect(withDatabase((db) => encryptKeysCommand(db, 'w'.repeat(48), () => {}))).rejects.toMatchObject({
      code: 'CREDENTIAL_KEY_DECRYPT_FAILED',
    });
    await expect(buildServices(testConfig({ database, keySecret: 'w'.repeat(48) }))).rejects.toMatchObject({
      code: 'CREDENTIAL_KEY_DECRYPT_FAILED',
    });
  }, 180_000);

  it('with the secret, new credentials are signed and those issued before still verify', async () => {
    await withPlatform(SECRET, async (p, auth) => {
      expect((await verify(p, before)).valid, JSON.stringify((await verify(p, before)).checks)).toBe(true);
      const after = await issue(p, auth, 'apres@commune.example');
      expect((await verify(p, after)).valid).toBe(true);
    });
  }, 180_000);
});
