import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';
import { InjectSession } from './inject-session';
import { cookieOf } from './pages-http.helpers';

// Pages served behind https (a public URL in https): its own app; pages-http.test.ts covers plain http.
describe('behind https', () => {
  let secure: TestContext;
  beforeAll(async () => {
    secure = await buildTestApp({ publicUrl: 'https://parcours.example' });
  });
  afterAll(async () => secure?.close());

  it('[303] the session cookie is Secure and the CSP upgrades insecure requests', async () => {
    const s = new InjectSession(secure.app);
    const page = await s.get('/organisateur/connexion');
    expect(String(page.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(page.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(cookieOf(page, 'parcours_csrf')).toMatchObject({ secure: true, httpOnly: true });
    const res = await s.post('/organisateur/connexion', ADMIN);
    expect(cookieOf(res, 'parcours_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });
});
