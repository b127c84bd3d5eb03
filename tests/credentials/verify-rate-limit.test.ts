import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app';
import { InjectSession } from '../pages/inject-session';

/**
 * Public verification's rate limit (issue #9), apart from verify-public.test.ts: each test builds its
 * own app with its own small budget.
 */
describe('public verification is rate-limited per client (#9)', () => {
  it(
    '[429] POST /api/verify and the verifier page share one budget; Retry-After, stable code, fr/en; ' +
      'X-Forwarded-For ignored',
    async () => {
      const limited = await buildTestApp({ verifyRateLimit: { max: 3, windowSeconds: 60 } });
      try {
        const send = (lang = 'fr', ip = '203.0.113.7') =>
          limited.app.inject({
            method: 'POST',
            url: '/api/verify',
            payload: '{}',
            headers: { 'content-type': 'application/json', 'accept-language': lang, 'x-forwarded-for': ip },
          });
        for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(200);
        const refused = await send('fr', '198.51.100.9'); // another claimed address: the socket's counts
        expect(refused.statusCode).toBe(429);
        expect(refused.json().code).toBe('VERIFY_RATE_LIMITED');
        expect(refused.json().message).toMatch(/^Trop de vérifications/);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect((await send('en')).json().message).toMatch(/^Too many verifications/);
        const page = new InjectSession(limited.app);
        await page.get('/verifier');
        const refusedPage = await page.postMultipart('/verifier', { credential: '{}' });
        expect(refusedPage.statusCode).toBe(429);
        expect(refusedPage.headers['retry-after']).toBeDefined();
        expect(refusedPage.body).toContain('Trop de vérifications');
      } finally {
        await limited.close();
      }
    },
  );

  it(
    '[429] over real HTTP on one keep-alive connection: a refused 1 MB body leaves the connection ' + 'usable',
    async () => {
      const limited = await buildTestApp({ verifyRateLimit: { max: 1, windowSeconds: 60 } });
      try {
        const address = await limited.app.listen({ port: 0, host: '127.0.0.1' });
        const { Agent, request } = await import('node:http');
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        const send = (body: Buffer, path = '/api/verify') =>
          new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
            const req = request(
              `${address}${path}`,
              {
                method: path === '/health' ? 'GET' : 'POST',
                agent,
                headers: { 'content-type': 'application/octet-stream' },
              },
              (res) => {
                res.resume();
                res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
              },
            );
            req.on('error', reject);
            req.setTimeout(5000, () => req.destroy(new Error('no answer')));
            req.end(path === '/health' ? undefined : body);
          });
        expect((await send(Buffer.from('{}'))).status).toBe(200);
        const first = await send(Buffer.alloc(1_048_576, 0x20));
        expect(first.status).toBe(429);
        const again = await send(Buffer.from('{}'));
        expect(again.status).toBe(429);
        const health = await send(Buffer.alloc(0), '/health');
        expect(health.status).toBe(200);
        agent.destroy();
      } finally {
        await limited.close();
      }
    },
  );
});
