import { createPublicKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';
import { browse, waitForHeading, type PageProblems } from '../helpers/browser';
import { checkPageOn } from '../pages/check-page';
import { mainNavLink } from '../pages/journey.helpers';
import { credentialsOf, download, earnTopic } from '../credentials/app-helpers';

let ctx: TestContext;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let credentialId: string;
let learnerId: string;
const EMAIL = 'lea.martin@mairie-valbrune.example';
// A real browser with axe on every page: slow on a busy two-core machine.
const SLOW = 120_000;

beforeAll(async () => {
  ctx = await buildTestApp({ verifyRateLimit: { max: 1000, windowSeconds: 60 } });
  ({ browser, page, problems } = await browse(ctx.app));
  // The public page verifies the badge live, endorsements included: give it time on a busy machine.
  page.setDefaultTimeout(60_000);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const checkPage = (name: string) => checkPageOn(page, name, 'fr');
const endorsementCard = () => page.locator('section.endorsements li.endorsement');

describe('the Region’s labélisation in a real browser', () => {
  it(
    'the organiser endorses data-juridique from the Labélisations page',
    async () => {
      await page.goto('/organisateur/connexion');
      await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
      await page.getByLabel('Mot de passe').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await waitForHeading(page, 'Tableau de bord');
      await mainNavLink(page, 'Labélisations').click();
      await waitForHeading(page, 'Labélisations');
      await page.getByLabel('Badge').selectOption('data-juridique');
      await page.getByRole('button', { name: 'Signer la labélisation' }).click();
      await page.waitForURL('**/organisateur/labelisations?fait=signee');
      await expect(page.locator('[data-state]').first().getAttribute('data-state')).resolves.toBe('active');
      await checkPage('organisateur-labelisations');
    },
    SLOW,
  );

  it(
    'a badge issued afterwards shows the labélisation on its public page: logo, Region, comment, validity',
    async () => {
      learnerId = await earnTopic(ctx, EMAIL, 'juridique');
      credentialId = (await credentialsOf(ctx, learnerId, EMAIL))[0]!.id;
      await page.goto(`/credentials/${credentialId}`);
      await expect(endorsementCard().getAttribute('data-endorsement')).resolves.toBe('valid');
      const text = (await endorsementCard().textContent()) ?? '';
      expect(text).toContain('Région Bourgogne-Franche-Comté');
      expect(text).toMatch(/Labellisé par Région Bourgogne-Franche-Comté \(valide jusqu’au \d+ \S+ \d{4}\)/);
      expect(text).toContain('La Région Bourgogne-Franche-Comté reconnaît ce badge');
      const logo = endorsementCard().locator('img.endorser-logo');
      await expect(logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0)).resolves.toBe(
        true,
      );
      await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('valid');
      await checkPage('badge-public-labelise');
    },
    SLOW,
  );

  it('« Mes badges » shows the labélisation with its comment', async () => {
    const token = ctx.app.signToken({ sub: learnerId, role: 'learner', email: EMAIL });
    const res = await ctx.app.inject({
      url: '/mes-badges',
      headers: { accept: 'text/html', cookie: `parcours_session=${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-endorsement="valid"');
    expect(res.body).toContain('La Région Bourgogne-Franche-Comté reconnaît ce badge');
    expect(res.body).toContain('src="/endorsers/region-bfc/image.svg"');
  });

  it(
    'the organiser withdraws it; the public page says « Labélisation retirée », the badge stays valid',
    async () => {
      await page.goto('/organisateur/labelisations');
      await page.getByLabel('Motif du retrait').fill('Cahier des charges non renouvelé');
      await page.getByRole('button', { name: /Retirer la labélisation de data juridique/ }).click();
      await page.waitForURL('**/organisateur/labelisations?fait=retiree');
      await expect(page.locator('[data-state]').first().getAttribute('data-state')).resolves.toBe('withdrawn');
      await page.goto(`/credentials/${credentialId}`);
      await expect(endorsementCard().getAttribute('data-endorsement')).resolves.toBe('withdrawn');
      expect((await endorsementCard().textContent()) ?? '').toContain('Labélisation retirée');
      await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('valid');
      await checkPage('badge-public-labelisation-retiree');
      expect(problems.errors).toEqual([]);
    },
    SLOW,
  );
});

describe('VC-JWT kid of a did:key issuer', () => {
  it('[kid] dereferences to exactly one JWK, which verifies the JWT', async () => {
    const token = (await download(ctx, `http://parcours.test/credentials/${credentialId}.jwt`)).body;
    const { kid } = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string };
    expect(kid).toMatch(/^http:\/\/parcours\.test\/jwk\/[A-Za-z0-9_-]{43}$/);
    const jwk = (await download(ctx, kid)).json();
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: kid.split('/').pop() });
    expect(jwk).not.toHaveProperty('keys');
    expect(jwk).not.toHaveProperty('d');
    const { payload } = await jwtVerify(token, createPublicKey({ key: jwk, format: 'jwk' }));
    expect(payload.iss).toMatch(/^did:key:z6Mk/);
  });
});
