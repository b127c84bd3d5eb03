import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const secret = 'x'.repeat(40);

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.database.url).toBeUndefined();
    expect(config.database.dataDir).toMatch(/data$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('coerces PORT and derives PUBLIC_URL from it', () => {
    const config = loadConfig({ JWT_SECRET: secret, PORT: '8080', PUBLIC_URL: 'https://badges.example.fr/' });
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('https://badges.example.fr');
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['PARCOURS_ADMIN_EMAIL', { PARCOURS_ADMIN_EMAIL: 'not-an-email', PARCOURS_ADMIN_PASSWORD: 'long-enough-pw' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://x' }],
  ])('names the wrong variable %s', (name, env) => {
    expect(() => loadConfig({ JWT_SECRET: secret, ...env })).toThrowError(new RegExp(`${name}:`));
  });

  it('never prints a secret in its message', () => {
    try {
      loadConfig({ JWT_SECRET: 'tiny-secret' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain('tiny-secret');
    }
  });

  it('requires the admin e-mail and password together', () => {
    expect(() => loadConfig({ JWT_SECRET: secret, PARCOURS_ADMIN_EMAIL: 'a@b.fr' })).toThrowError(/ensemble/);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/JWT_SECRET/);
  });

  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: secret,
    PARCOURS_KEY_SECRET: 'k'.repeat(40),
    SMTP_URL: 'smtp://mail.example:25',
  };

  it('starts in production with every secret given', () => {
    expect(loadConfig(production).keySecret).toBe('k'.repeat(40));
  });

  it('refuses production without PARCOURS_KEY_SECRET and says how to generate one', () => {
    const { PARCOURS_KEY_SECRET: _, ...env } = production;
    expect(() => loadConfig(env)).toThrowError(/^PARCOURS_KEY_SECRET: .*randomBytes/);
    expect(() => loadConfig({ ...env, PARCOURS_KEY_SECRET: '' })).toThrowError(/^PARCOURS_KEY_SECRET:/);
  });

  it('refuses production without SMTP_URL unless MAIL_TRANSPORT=log says it is a demo', () => {
    const { SMTP_URL: _, ...env } = production;
    expect(() => loadConfig(env)).toThrowError(/^SMTP_URL: .*MAIL_TRANSPORT=log/);
    expect(loadConfig({ ...env, MAIL_TRANSPORT: 'log' }).mail.smtpUrl).toBeUndefined();
  });

  it('generates a development secret once and keeps it in the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parcours-config-'));
    const first = loadConfig({ PARCOURS_DATA_DIR: dir });
    const second = loadConfig({ PARCOURS_DATA_DIR: dir });
    expect(first.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first.auth.jwtSecret);
    expect(loadConfig({ PARCOURS_DATA_DIR: mkdtempSync(join(tmpdir(), 'parcours-config-')) }).auth.jwtSecret).not.toBe(
      first.auth.jwtSecret,
    );
  });
});
