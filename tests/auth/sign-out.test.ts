import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../src/platform';
import { createTestDatabase, type ScratchDatabase } from '../helpers/db';
import { ADMIN, testConfig } from '../helpers/app';

// Two instances on one database, as behind a load balancer: a sign-out on one holds on the other.
let scratch: ScratchDatabase;
let one: Platform;
let two: Platform;
beforeAll(async () => {
  scratch = await createTestDatabase();
  one = await startPlatform(testConfig(), { database: scratch.database, worker: false });
  two = await startPlatform(testConfig(), { database: scratch.database, worker: false });
});
afterAll(async () => {
  await one?.stop();
  await two?.stop();
  await scratch?.drop();
});

const login = async (p: Platform) =>
  (await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN })).json().token as string;
const events = (p: Platform, token: string) =>
  p.app.inject({ method: 'GET', url: '/api/events', headers: { authorization: `Bearer ${token}` } });
const logout = (p: Platform, token: string) =>
  p.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });

describe('POST /api/auth/logout', () => {
  it('[204→401] the token is refused afterwards, by every instance; another session goes on', async () => {
    const token = await login(one);
    const other = await login(one);
    expect((await events(two, token)).statusCode).toBe(200);
    expect((await logout(one, token)).statusCode).toBe(204);
    for (const p of [one, two]) {
      const res = await events(p, token);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    }
    expect((await events(two, other)).statusCode).toBe(200);
    // Signing out twice is refused like any other use of a revoked token.
    expect((await logout(two, token)).statusCode).toBe(401);
  });

  it('[401] without a token', async () => {
    expect((await one.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });

  it('[401] a token without an id (signed before sign-out existed) is refused: it could never be revoked', async () => {
    const old = one.app.jwt.sign({
      sub: '00000000-0000-0000-0000-000000000001',
      role: 'admin',
      email: 'admin@parcours.test',
    });
    expect((await events(one, old)).statusCode).toBe(401);
    const page = await one.app.inject({ url: '/mon-parcours', cookies: { parcours_session: old } });
    expect(page.headers.location).toBe('/connexion');
  });

  it('gives every token its own id', async () => {
    const [a, b] = [await login(one), await login(one)];
    const ids = [a, b].map((t) => one.app.jwt.decode<{ jti: string }>(t)!.jti);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
