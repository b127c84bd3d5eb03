import jsonwebtoken from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

const login = (payload: object, ip = '10.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip });

describe('organiser sign-in', () => {
  it('[200] signs the first admin in with a JWT carrying the role', async () => {
    const res = await login(ADMIN);
    expect(res.statusCode).toBe(200);
    const claims = ctx.app.jwt.decode<{ role: string; email: string }>(res.json().token);
    expect(claims).toMatchObject({ role: 'admin', email: ADMIN.email });
  });

  it('[200] accepts the e-mail in another case', async () => {
    expect((await login({ ...ADMIN, email: 'Admin@Parcours.TEST' }, '10.0.0.2')).statusCode).toBe(200);
  });

  it('[401] refuses a wrong password and an unknown address with the same answer', async () => {
    const wrong = await login({ email: ADMIN.email, password: 'pas-le-bon-mot' }, '10.0.0.3');
    const unknown = await login({ email: 'personne@parcours.test', password: 'pas-le-bon-mot' }, '10.0.0.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('[429] rate-limits failures on one address: per client first, then from every client together', async () => {
    const email = 'cible@parcours.test';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await login({ email, password: `essai-${i}-xxxx` }, '10.1.0.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const res = await login({ email, password: 'essai-7-xxxx' }, '10.1.0.1');
    expect(res.json().code).toBe('AUTH_RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Other clients: 10 failures on the account in all (the 5 above and the 5 below), then the account waits.
    const others: number[] = [];
    for (let i = 0; i < 6; i++)
      others.push((await login({ email, password: `essai-${i}-yyyy` }, `10.1.1.${i}`)).statusCode);
    expect(others).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login({ email, password: 'essai-8-yyyy' }, '10.1.2.1')).json().code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('[400] names the missing field', async () => {
    const res = await login({ email: ADMIN.email }, '10.0.0.4');
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual(expect.objectContaining({ field: 'password' }));
  });
});

describe('organiser routes', () => {
  it('[401] without a token, [403] with a learner token, [200] with an organiser token', async () => {
    expect((await ctx.app.inject({ url: '/api/events' })).statusCode).toBe(401);
    const learner = ctx.app.signToken({
      sub: '00000000-0000-0000-0000-000000000001',
      role: 'learner',
      email: 'a@b.fr',
    });
    const asLearner = await ctx.app.inject({ url: '/api/events', headers: { authorization: `Bearer ${learner}` } });
    expect(asLearner.statusCode).toBe(403);
    expect(asLearner.json().code).toBe('AUTH_FORBIDDEN');
    expect((await ctx.app.inject({ url: '/api/events', headers: await ctx.adminAuth() })).statusCode).toBe(200);
  });

  it('[401] refuses a token signed with another secret', async () => {
    const forged = jsonwebtoken.sign(
      { sub: 'x', role: 'admin', email: 'x@y.fr' },
      'another-secret-another-secret-12345',
    );
    const res = await ctx.app.inject({ url: '/api/events', headers: { authorization: `Bearer ${forged}` } });
    expect(res.statusCode).toBe(401);
  });
});
