import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { PRIVACY_STRING_VARS, type PrivacyConfig, RETENTION_DAY_VARS, readPrivacyEnv } from './privacy/privacy.config';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Environment variables we read, with their defaults; the README table mirrors this. */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: 'localhost' }),
  PUBLIC_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  PARCOURS_DATA_DIR: Type.String({ default: './data' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_TRANSPORT: Type.Optional(Type.Union([Type.Literal('smtp'), Type.Literal('log')])),
  MAIL_FROM: Type.String({ default: 'Parcours <no-reply@parcours.localhost>' }),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  PARCOURS_KEY_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  PARCOURS_ADMIN_EMAIL: Type.Optional(Type.String({ format: 'email' })),
  PARCOURS_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10 })),
  PARCOURS_BADGES_DIR: Type.String({ default: './badges' }),
  PARCOURS_QUIZZES_DIR: Type.String({ default: './quizzes' }),
  TRUST_PROXY: Type.String({ default: 'false' }),
  PARCOURS_SIGNING_THREADS: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  // Privacy notice, register and retention (src/privacy/privacy.config.ts has the defaults).
  ...Object.fromEntries(PRIVACY_STRING_VARS.map((k) => [k, Type.Optional(Type.String({ minLength: 1 }))])),
  ...Object.fromEntries(RETENTION_DAY_VARS.map((k) => [k, Type.Optional(Type.Integer({ minimum: 1 }))])),
});
export type Env = Static<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  database: { url?: string; dataDir: string };
  /** No smtpUrl: e-mails are printed to the log (development, or MAIL_TRANSPORT=log for a demo). */
  mail: { smtpUrl?: string; from: string };
  /** Fastify's trustProxy: false (default), a hop count, or a list of proxy addresses/CIDRs. */
  trustProxy?: boolean | number | string[];
  /**
   * POST /api/verify and the verifier page, per client address: default 30 a minute
   * (src/credentials/verify.routes.ts).
   */
  verifyRateLimit?: { max: number; windowSeconds: number };
  auth: { jwtSecret: string; adminEmail?: string; adminPassword?: string };
  keySecret?: string;
  /** Threads computing Data Integrity proofs (src/ob3/signing-pool.ts); default: one per core. */
  signingThreads?: number;
  paths: { badgesDir: string; quizzesDir: string };
  logLevel: string;
  /** Controller, DPO and retention durations; unset: src/privacy/privacy.config.ts's defaults. */
  privacy?: PrivacyConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const ajv = addFormats(new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true, removeAdditional: false }));
const validateEnv = ajv.compile(EnvSchema);

/**
 * Validates the environment once; every refusal names the variable. Called by server.ts and the CLI,
 * never on import.
 */
export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const env: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key];
    if (value !== undefined && value !== '') env[key] = value;
  }
  if (!validateEnv(env)) {
    const problems = (validateEnv.errors ?? []).map((e) => {
      const name = e.instancePath.replace(/^\//, '') || String(e.params?.missingProperty ?? '');
      const secret = name === 'JWT_SECRET' || name === 'PARCOURS_KEY_SECRET';
      return `${name}: ${e.message}${secret ? '' : ` (got ${JSON.stringify(env[name])})`}`;
    });
    throw new ConfigError(`Configuration invalide / invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = env as Env;
  if ((e.PARCOURS_ADMIN_EMAIL === undefined) !== (e.PARCOURS_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('PARCOURS_ADMIN_EMAIL et PARCOURS_ADMIN_PASSWORD vont ensemble / must be set together');
  }
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    // Instances behind a load balancer must share the secret: never generate it in production.
    throw new ConfigError('JWT_SECRET: obligatoire en production / required in production (32 characters or more)');
  }
  if (e.NODE_ENV === 'production' && !e.PARCOURS_KEY_SECRET) {
    // Without it the signing keys' private parts are stored in clear in the database and its WAL.
    throw new ConfigError(
      'PARCOURS_KEY_SECRET: obligatoire en production / required in production (32 characters or more; ' +
        'générez-le avec / generate it with: ' +
        "node -e \"console.log(require('crypto').randomBytes(48).toString('base64url'))\")",
    );
  }
  const transport = e.MAIL_TRANSPORT ?? (e.SMTP_URL ? 'smtp' : 'log');
  if (transport === 'smtp' && !e.SMTP_URL)
    throw new ConfigError('SMTP_URL: obligatoire avec / required with MAIL_TRANSPORT=smtp');
  if (e.NODE_ENV === 'production' && !e.SMTP_URL && e.MAIL_TRANSPORT !== 'log') {
    // Printing e-mails puts sign-in links in the log: production must send them, or say it is a demo.
    throw new ConfigError(
      'SMTP_URL: obligatoire en production / required in production (or MAIL_TRANSPORT=log for a demo)',
    );
  }
  const dataDir = resolve(e.PARCOURS_DATA_DIR);
  const port = e.PORT;
  return Object.freeze({
    env: e.NODE_ENV,
    port,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    database: { url: e.DATABASE_URL, dataDir },
    mail: { smtpUrl: transport === 'smtp' ? e.SMTP_URL : undefined, from: e.MAIL_FROM },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    auth: {
      jwtSecret: e.JWT_SECRET ?? devJwtSecret(dataDir),
      adminEmail: e.PARCOURS_ADMIN_EMAIL,
      adminPassword: e.PARCOURS_ADMIN_PASSWORD,
    },
    keySecret: e.PARCOURS_KEY_SECRET,
    signingThreads: e.PARCOURS_SIGNING_THREADS,
    paths: { badgesDir: resolve(e.PARCOURS_BADGES_DIR), quizzesDir: resolve(e.PARCOURS_QUIZZES_DIR) },
    logLevel: e.LOG_LEVEL,
    privacy: readPrivacyEnv(env),
  });
}

/**
 * TRUST_PROXY: 'false' (default: X-Forwarded-For is ignored, the socket address is the client),
 * 'true' (trust every hop: only behind a proxy that strips the header), a hop count ('1' for one
 * load balancer) or a comma-separated list of proxy addresses or CIDR ranges.
 */
function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '0' || v === '') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (
    list.some(
      (a) => !/^[0-9a-f.:]+(\/\d{1,3})?$/.test(a) && a !== 'loopback' && a !== 'linklocal' && a !== 'uniquelocal',
    )
  ) {
    throw new ConfigError(
      "TRUST_PROXY: false, true, un nombre de proxys ou une liste d'adresses / " +
        `false, true, a hop count or a list of addresses (got ${JSON.stringify(value)})`,
    );
  }
  return list;
}

/** Development only: a random secret kept in the data folder so sessions survive restarts. */
function devJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
