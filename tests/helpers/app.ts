import { resolve } from 'node:path';
import type { Config } from '../../src/config';
import { startPlatform, type Platform } from '../../src/platform';
import { createTestDatabase } from './db';
import { startSmtp, type TestSmtp } from './smtp';

export const ADMIN = { email: 'admin@parcours.test', password: 'mot-de-passe-admin-1' };

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://parcours.test',
    database: { dataDir: 'memory' },
    mail: { from: 'Parcours <no-reply@parcours.test>' },
    auth: {
      jwtSecret: 'test-secret-test-secret-test-secret-0123',
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
    },
    paths: { badgesDir: resolve('badges'), quizzesDir: resolve('quizzes') },
    logLevel: 'silent',
    ...overrides,
  };
}

export interface TestContext extends Platform {
  close(): Promise<void>;
  /** A bearer header for the first admin. */
  adminAuth(): Promise<{ authorization: string }>;
}

/** The real platform on a database of its own; the outbox worker is off so tests deliver explicitly. */
export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { database, drop } = await createTestDatabase();
  const platform = await startPlatform(testConfig(overrides), { database, worker: false });
  let adminHeader: { authorization: string } | undefined;
  return {
    ...platform,
    async close() {
      await platform.stop();
      await drop();
    },
    async adminAuth() {
      if (adminHeader) return adminHeader;
      const res = await platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
      if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.body}`);
      adminHeader = { authorization: `Bearer ${res.json().token}` };
      return adminHeader;
    },
  };
}

export interface MailTestContext extends TestContext {
  smtp: TestSmtp;
}

/** The platform sending through a real SMTP server started in the test process; `close()` stops both. */
export async function buildTestAppWithSmtp(overrides: Partial<Config> = {}): Promise<MailTestContext> {
  const smtp = await startSmtp();
  const ctx = await buildTestApp({
    mail: { smtpUrl: smtp.url, from: 'Parcours <no-reply@parcours.test>' },
    ...overrides,
  });
  return {
    ...ctx,
    smtp,
    async close() {
      await ctx.close();
      await smtp.stop();
    },
  };
}
