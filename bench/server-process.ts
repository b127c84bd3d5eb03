// The platform as `npm start` runs it: the bundle (dist/server.mjs) in a child process of its own,
// configured by its environment; its resident memory read from /proc.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { benchConfig } from './databases';
import type { Config } from '../src/config';

/** What the seeding (in the benchmark's process) and the server (in its own) must agree on. */
export const PUBLIC_URL = 'https://badges.bench.example';
export const KEY_SECRET = 'bench-key-secret-bench-key-secret-0123456789';
export const ADMIN = { email: 'admin@bench.example', password: 'bench-password-123' };

/** The configuration of the server's process, for code the benchmark runs on the same database. */
export const serverConfig = (): Config => ({ ...benchConfig(), publicUrl: PUBLIC_URL, keySecret: KEY_SECRET });

/** `npm run build`, as `npm start` runs it first; and the benchmark's own child programs, bundled alike. */
export async function buildBundle() {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  for (const name of ['bare-server', 'issue-child', 'issue-cpu-child']) {
    await build({
      entryPoints: [`bench/${name}.ts`],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      outfile: `dist/bench-${name}.mjs`,
      logLevel: 'warning',
    });
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory now, and its peak since start or since `resetPeak` (VmHWM), in MB. */
  rssMb(): number;
  peakRssMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

const statusField = (pid: number, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Starts `node <entry>` with the environment of a production start, and waits until it answers. */
export async function startServer(
  database: { url?: string; dataDir?: string },
  env: Record<string, string> = {},
  entry = 'dist/server.mjs',
): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=prof`: the server profiled under the bench's load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: resolve('.'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL,
      PARCOURS_KEY_SECRET: KEY_SECRET,
      JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-0123456789',
      MAIL_TRANSPORT: 'log',
      PARCOURS_ADMIN_EMAIL: ADMIN.email,
      PARCOURS_ADMIN_PASSWORD: ADMIN.password,
      // Verification's budget is per client address: the load client sends X-Forwarded-For.
      TRUST_PROXY: 'true',
      ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...(database.dataDir ? { PARCOURS_DATA_DIR: database.dataDir } : {}),
      ...env,
    },
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (waited > 120_000) throw new Error('server did not start');
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rssMb: () => statusField(pid, 'VmRSS'),
    peakRssMb: () => statusField(pid, 'VmHWM'),
    // Linux: writing 5 to clear_refs resets the peak resident size (proc(5)).
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** An organiser's bearer token, as the API hands it. */
export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
