import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, buildTestAppWithSmtp, type TestContext } from '../helpers/app';
import {
  browse,
  screenshot,
  seriousA11yViolations,
  horizontalOverflow,
  waitForHeading,
  type PageProblems,
} from '../helpers/browser';
import { findEvent } from '../../src/events/events.store';
import { checkPageOn } from './check-page';
import { rawTemplateText } from './untranslated';
import { mainNavLink } from './journey.helpers';
import { seedOutbox, webinarReport } from './organiser.helpers';
import { answer, attend, learnerAuth, WEBINARS } from '../badges/helpers';

let ctx: TestContext;
let browser: Browser;
let base: string;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ctx = await buildTestAppWithSmtp();
  await seedOutbox(ctx);
  ({ base, browser, page, problems } = await browse(ctx.app));
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const checkPage = (name: string, lang: 'fr' | 'en' = 'fr') => checkPageOn(page, name, lang);

describe('organiser journey in a real browser', () => {
  it('signs in and sees the dashboard', async () => {
    await page.goto('/organisateur');
    await page.waitForURL('**/organisateur/connexion?suite=%2Forganisateur');
    await checkPage('organisateur-connexion');
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${base}/organisateur`);
    await waitForHeading(page, 'Tableau de bord');
    await expect(page.locator('.stat-alert .stat-value').innerText()).resolves.toBe('1');
    await checkPage('organisateur-tableau-de-bord');
  });

  it('edits the presence ratio of an event and sees it saved', async () => {
    await mainNavLink(page, 'Événements').click();
    await page.waitForURL('**/organisateur/evenements');
    await checkPage('organisateur-evenements');
    await page
      .locator('#evenement-webinaire-1')
      .getByRole('link', { name: /Modifier/ })
      .click();
    await page.waitForURL('**/organisateur/evenements/webinaire-1');
    expect(await page.getByLabel('Présence minimale, en %').inputValue()).toBe('50');
    expect(await page.getByLabel('Début').inputValue()).toBe('2026-03-12T10:00');
    await checkPage('organisateur-evenement');

    await page.getByLabel('Présence minimale, en %').fill('75');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/organisateur\/evenements#evenement-webinaire-1$/);
    await page.getByRole('status').getByText('est enregistré').waitFor();
    expect(await page.locator('#evenement-webinaire-1 [data-presence]').innerText()).toMatch(/^75\s%$/);
    const saved = await findEvent(ctx.database.db, 'webinaire-1');
    expect(saved).toMatchObject({ minPresenceRatio: 0.75, startsAt: new Date('2026-03-12T09:00:00.000Z') });
    await checkPage('organisateur-evenement-enregistre');
  });

  it('opens the outbox and retries a failed e-mail', async () => {
    await page.getByRole('link', { name: 'Courriels' }).first().click();
    await page.waitForURL('**/organisateur/courriels');
    expect(await page.locator('tbody tr').count()).toBe(2);
    await checkPage('organisateur-courriels');
    await page.getByRole('link', { name: /En échec/ }).click();
    await page.waitForURL('**/organisateur/courriels?statut=failed');
    await page.getByRole('button', { name: 'Relancer le courriel à agent.injoignable@mairie-valbrune.fr' }).click();
    await page.getByRole('status').getByText('Le courriel sera renvoyé').waitFor();
    expect(page.url()).toBe(`${base}/organisateur/courriels?statut=failed`);
    await expect(page.locator('.empty').innerText()).resolves.toBe('Aucun courriel pour ce filtre.');
  });

  it('reads the audit log, in French then in English', async () => {
    await page.getByRole('link', { name: 'Journal' }).click();
    await page.waitForURL('**/organisateur/journal');
    const body = await page.innerText('main');
    expect(body).toContain('Événement enregistré');
    expect(body).toContain('Courriel relancé');
    await checkPage('organisateur-journal');
    await page.getByRole('link', { name: 'English' }).click();
    await waitForHeading(page, 'Audit log');
    await checkPage('organisateur-journal-en', 'en');
    await page.getByRole('link', { name: 'Events' }).click();
    await waitForHeading(page, 'Events');
    await checkPage('organisateur-evenements-en', 'en');
  });

  it('imports a Zoom report through the preview, confirms it, and matches the row without an e-mail', async () => {
    await page.goto('/organisateur/evenements?lang=fr');
    await page.getByRole('link', { name: /Importer les présences de « Webinaire #1/ }).click();
    await page.waitForURL('**/organisateur/evenements/webinaire-1/import');
    await checkPage('organisateur-import');

    const report = webinarReport();
    await page
      .locator('#champ-fichier')
      .setInputFiles({ name: 'rapport-zoom-webinaire-1.csv', mimeType: 'text/csv', buffer: report });
    await page.getByText('Fichier choisi : rapport-zoom-webinaire-1.csv').waitFor();
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await waitForHeading(page, 'Aperçu de l’import');
    await expect(page.locator('[data-format]').innerText()).resolves.toBe('Zoom — rapport de webinaire');
    // The file chosen for the preview is carried into the confirmation: nothing to choose again.
    await page.getByText('Le fichier de l’aperçu est repris').waitFor();
    const marc = page.getByRole('row', { name: /Marc Dupont/ });
    await expect(marc.getByText('Absent').count()).resolves.toBe(1);
    await checkPage('organisateur-import-apercu');

    await page.getByRole('button', { name: 'Confirmer l’import' }).click();
    await page.waitForURL(/\/organisateur\/evenements\/webinaire-1\/import\/[0-9a-f-]{36}$/);
    await page.getByRole('status').getByText('L’import est enregistré.').waitFor();
    const row = page.locator('tr', { hasText: 'Zoé Martin' });
    await row.getByLabel(/Adresse e-mail de l’apprenant/).fill('zoe.martin@commune-de-lacs.example');
    await row.getByRole('button', { name: 'Rattacher' }).click();
    await page.getByRole('status').getByText('est rattachée à zoe.martin@commune-de-lacs.example').waitFor();
    await checkPage('organisateur-import-resultat');
  });

  it('reads the cohort’s progress, filtered by organisation', async () => {
    await mainNavLink(page, 'Progression').click();
    await page.waitForURL('**/organisateur/progression');
    expect(await page.locator('.matrix tbody tr').count()).toBe(4);
    await checkPage('organisateur-progression');
    await page.getByLabel('Organisation').selectOption('Mairie de Valbrune');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL('**/organisateur/progression?organisation=*');
    expect(await page.locator('.matrix tbody tr').count()).toBe(1);
    expect(await page.getAttribute('a[href^="/api/reports/progress.csv"]', 'href')).toBe(
      '/api/reports/progress.csv?organisation=Mairie+de+Valbrune&lang=fr',
    );
  });

  it('revokes a learner’s credential with a reason, and the public page shows it revoked', async () => {
    // Sophie earned "data juridique": both webinars, workshop 1 and its questionnaire.
    const email = 'sophie.leroy@mairie-valbrune.example';
    const id = await attend(ctx, email, [...WEBINARS, 'atelier-juridique']);
    expect((await answer(ctx, learnerAuth(ctx, id, email), 'quiz-juridique')).statusCode).toBe(201);

    await mainNavLink(page, 'Apprenants').click();
    await page.waitForURL('**/organisateur/apprenants');
    await page.getByLabel('Rechercher').fill('sophie');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL('**/organisateur/apprenants?q=sophie');
    await checkPage('organisateur-apprenants');
    await page.getByRole('link', { name: `Ouvrir la fiche de ${email}` }).click();
    await page.waitForURL(`**/organisateur/apprenants/${id}`);
    await checkPage('organisateur-apprenant');

    const badge = page.locator('#badge-data-juridique');
    await badge.getByText(/Révoquer « data juridique/).click();
    await badge.getByLabel('Motif de la révocation').fill('Présence à l’atelier 1 enregistrée par erreur');
    await badge.getByRole('button', { name: 'Révoquer ce badge' }).click();
    await page.getByRole('status').getByText('est révoqué').waitFor();
    await expect(page.locator('#badge-data-juridique').innerText()).resolves.toContain(
      'Présence à l’atelier 1 enregistrée par erreur',
    );

    await page
      .locator('#badge-data-juridique')
      .getByRole('link', { name: /Page publique/ })
      .click();
    await page.waitForURL('**/credentials/*');
    await page.locator('[data-verdict="revoked"]').waitFor();
    await expect(page.locator('[data-verdict]').innerText()).resolves.toContain('Ce badge a été révoqué');
    await expect(page.locator('[data-check="status"] .check-message').innerText()).resolves.toBe(
      'Ce badge a été révoqué par son émetteur.',
    );
    // Public: neither the holder's e-mail nor the organiser's reason.
    expect(await page.innerText('body')).not.toContain(email);
    expect(await page.innerText('body')).not.toContain('enregistrée par erreur');
    await checkPage('badge-revoque');
    await page.goto(`${new URL(page.url()).pathname}?lang=en`);
    await expect(page.locator('.verdict-title').innerText()).resolves.toBe('This badge was revoked');
    await checkPage('badge-revoque-en', 'en');
    await page.goto(`/organisateur/apprenants/${id}`);
    await checkPage('organisateur-apprenant-en', 'en');
    await page.goto('/organisateur/progression?lang=fr');
  });

  it('keeps the events table usable on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/organisateur/evenements?lang=fr');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisateur-evenements-mobile', { fullPage: false });
    for (const url of [
      '/organisateur/evenements/webinaire-1/import',
      '/organisateur/apprenants',
      '/organisateur/progression',
    ]) {
      await page.goto(url);
      expect(await horizontalOverflow(page), url).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page), url).toEqual([]);
    }
    await page.goto('/organisateur/apprenants?q=sophie');
    await page
      .getByRole('link', { name: /Ouvrir la fiche/ })
      .first()
      .click();
    await page.waitForURL('**/organisateur/apprenants/*');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisateur-apprenant-mobile', { fullPage: false });
  });

  it('had no console error, no CSP violation and no raw template text', () => {
    expect(problems.errors).toEqual([]);
    expect(rawTemplateText()).toEqual([]);
  });
});
