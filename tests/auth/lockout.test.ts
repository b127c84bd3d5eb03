import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../src/platform';
import { deviceToken } from '../../src/auth/known-device';
import { createTestDatabase, type ScratchDatabase } from '../helpers/db';
import { ADMIN, testConfig } from '../helpers/app';
import { InjectSession } from '../pages/inject-session';

// One database, two instances: `direct` (TRUST_PROXY unset) and `proxied` (TRUST_PROXY=1, one load balancer).
let scratch: ScratchDatabase;
let direct: Platform;
let proxied: Platform;
beforeAll(async () => {
  scratch = await createTestDatabase();
  direct = await startPlatform(testConfig(), { database: scratch.database, worker: false });
  proxied = await startPlatform(testConfig({ trustProxy: 1 }), { database: scratch.database, worker: false });
});
afterAll(async () => {
  await direct?.stop();
  await proxied?.stop();
  await scratch?.drop();
});

const login = (p: Platform, payload: object, ip: string, headers: Record<string, string> = {}) =>
  p.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip, headers });

describe('client address: X-Forwarded-For is believed only through TRUST_PROXY', () => {
  it('[429] without TRUST_PROXY, a forged X-Forwarded-For does not make a new client', async () => {
    const email = 'xff-ignored@parcours.test';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await login(direct, { email, password: 'mauvais-mot' }, '10.20.0.1', { 'x-forwarded-for': `198.51.100.${i}` }))
          .statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it(
    '[401] with TRUST_PROXY=1, the address the proxy appended is the client; what the client wrote before it is ' +
      'not',
    async () => {
      const email = 'xff-hops@parcours.test';
      // Six clients behind the proxy: each has its own count.
      for (let i = 0; i < 6; i++) {
        expect(
          (
            await login(proxied, { email, password: 'mauvais-mot' }, '10.30.0.1', {
              'x-forwarded-for': `203.0.113.${i}`,
            })
          ).statusCode,
        ).toBe(401);
      }
      // One client forging the first entry: the proxy's entry (the last) still names it.
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (
            await login(proxied, { email: 'xff-forged@parcours.test', password: 'mauvais-mot' }, '10.30.0.1', {
              'x-forwarded-for': `192.0.2.${i}, 203.0.113.77`,
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    },
  );
});

describe('a third party cannot lock the admin out', () => {
  it('[200] successes do not count: the admin signs in many times in a row', async () => {
    for (let i = 0; i < 7; i++) expect((await login(direct, ADMIN, '10.40.0.1')).statusCode).toBe(200);
  });

  it(
    '[303] while the account is hammered from many addresses, the admin signs in from their known browser; ' +
      'guessing stays throttled',
    async () => {
      // The admin signed in on this browser once before: it is a known browser from then on.
      const browser = new InjectSession(direct.app);
      await browser.get('/organisateur/connexion');
      expect(
        (
          await browser.post('/organisateur/connexion', {
            email: ADMIN.email,
            password: ADMIN.password,
            suite: '/organisateur',
          })
        ).statusCode,
      ).toBe(303);
      expect(browser.cookies.get('parcours_device')).toBeTruthy();
      await browser.post('/deconnexion', {});

      // The attack: 40 guesses from 20 addresses.
      const attack: number[] = [];
      for (let i = 0; i < 40; i++)
        attack.push(
          (await login(direct, { email: ADMIN.email, password: `devine-${i}` }, `172.16.${i % 20}.9`)).statusCode,
        );
      expect(attack.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
      // Guessing is throttled: from a fresh address, even the right password is refused until the window ends.
      const fresh = await login(direct, ADMIN, '172.16.99.9', { 'accept-language': 'en' });
      expect(fresh.statusCode).toBe(429);
      expect(fresh.json()).toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED' });
      expect(fresh.json().message).toMatch(/browser where you signed in before/);
      expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
      // Another account's known-browser cookie does not open this one.
      const otherDevice = deviceToken(testConfig().auth.jwtSecret, 'autre@parcours.test');
      expect((await login(direct, ADMIN, '172.16.99.9', { cookie: `parcours_device=${otherDevice}` })).statusCode).toBe(
        429,
      );

      // The real admin, from the known browser (page) …
      await browser.get('/organisateur/connexion');
      const signedIn = await browser.post('/organisateur/connexion', {
        email: ADMIN.email,
        password: ADMIN.password,
        suite: '/organisateur',
      });
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers.location).toBe('/organisateur');
      expect((await browser.get('/organisateur')).statusCode).toBe(200);
      // … and through the API with the same cookie.
      const api = await login(direct, ADMIN, '127.0.0.1', {
        cookie: `parcours_device=${browser.cookies.get('parcours_device')}`,
      });
      expect(api.statusCode).toBe(200);

      // An unknown browser is told why, in French, on the page.
      const stranger = new InjectSession(direct.app);
      await stranger.get('/organisateur/connexion');
      const refused = await stranger.post('/organisateur/connexion', {
        email: ADMIN.email,
        password: ADMIN.password,
        suite: '/organisateur',
      });
      expect(refused.statusCode).toBe(429);
      expect(refused.body).toContain('Trop d’échecs de connexion sur ce compte');
    },
  );

  it('[429] per client and account: five failures, then even the right password waits', async () => {
    const email = 'cible@parcours.test';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await login(direct, { email, password: `essai-${i}-xxxx` }, '10.50.0.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const res = await login(direct, { email, password: 'essai-7-xxxx' }, '10.50.0.1');
    expect(res.json().code).toBe('AUTH_RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
