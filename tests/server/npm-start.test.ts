import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type ScratchDatabase } from '../helpers/db';
import { ADMIN } from '../helpers/app';

// `npm start` runs the bundle `npm run build` makes (dist/server.mjs), not tsx: this checks that
// bundle as a user gets it — files shipped with the code found, a credential issued and verified.
const run = promisify(execFile);
let server: ChildProcess;
let base: string;
let scratch: ScratchDatabase | undefined;
let output = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  await run('npm', ['run', 'build'], { timeout: 60_000 });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  if (process.env.DATABASE_URL) scratch = await createServerDatabase(process.env.DATABASE_URL);
  server = spawn(process.execPath, ['dist/server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
      PARCOURS_DATA_DIR: mkdtempSync(join(tmpdir(), 'parcours-start-')),
      PARCOURS_ADMIN_EMAIL: ADMIN.email,
      PARCOURS_ADMIN_PASSWORD: ADMIN.password,
      ...(scratch?.url ? { DATABASE_URL: scratch.url } : { DATABASE_URL: '' }),
    },
  });
  server.stdout!.on('data', (b: Buffer) => (output += b));
  server.stderr!.on('data', (b: Buffer) => (output += b));
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not start:\n${output}`);
}, 90_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  await scratch?.drop();
});

describe('npm start (the bundled server)', () => {
  it('serves pages with their assets and images drawn with the shipped font', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    const css = /\/assets\/app\.[0-9a-f]+\.css/.exec(await home.text())![0];
    expect((await fetch(`${base}${css}`)).status).toBe(200);
    const png = await fetch(`${base}/achievements/data-admin/image.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
  });

  it('issues a credential that its own verifier accepts (contexts and schema found from the bundle)', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const headers = {
      authorization: `Bearer ${((await login.json()) as { token: string }).token}`,
      'content-type': 'application/json',
    };
    const email = 'bundle@commune.example';
    expect(
      (
        await fetch(`${base}/api/events/webinaire-1/attendance/${email}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ status: 'present' }),
        })
      ).status,
    ).toBe(200);
    const learners = (await (await fetch(`${base}/api/learners?q=${email}`, { headers })).json()) as {
      learners: Array<{ id: string }>;
    };
    const id = learners.learners[0]!.id;
    const award = await fetch(`${base}/api/learners/${id}/awards`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ badge: 'data-admin', reason: 'Vérification du démarrage' }),
    });
    expect(award.status).toBe(201);
    const progress = (await (await fetch(`${base}/api/learners/${id}/progress`, { headers })).json()) as {
      badges: Array<{ key: string; credentialId?: string }>;
    };
    const credentialId = progress.badges.find((b) => b.key === 'data-admin')!.credentialId;
    const credential = await (await fetch(`${base}/credentials/${credentialId}`)).text();
    const verdict = (await (
      await fetch(`${base}/api/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: credential,
      })
    ).json()) as { valid: boolean; checks: unknown };
    expect(verdict.valid, JSON.stringify(verdict.checks)).toBe(true);
  });
});

describe('the bundled server in production', () => {
  const start = (extra: Record<string, string>) =>
    run(process.execPath, ['dist/server.mjs'], {
      timeout: 30_000,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        PARCOURS_DATA_DIR: mkdtempSync(join(tmpdir(), 'parcours-prod-')),
        JWT_SECRET: 'j'.repeat(40),
        PARCOURS_KEY_SECRET: '',
        SMTP_URL: '',
        MAIL_TRANSPORT: '',
        ...extra,
      },
    });

  it('exits non-zero without PARCOURS_KEY_SECRET, saying how to generate one', async () => {
    const failure = await start({ SMTP_URL: 'smtp://mail.example:25' }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/PARCOURS_KEY_SECRET: .*randomBytes/);
  });

  it('exits non-zero without SMTP_URL (unless MAIL_TRANSPORT=log)', async () => {
    const failure = await start({ PARCOURS_KEY_SECRET: 'k'.repeat(40) }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('SMTP_URL:');
  });
});
