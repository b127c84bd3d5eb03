import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { launchBrowser, listen, openPage, screenshot, seriousA11yViolations, visibleText, horizontalOverflow, type PageProblems } from '../helpers/browser';
import { deliverDue } from '../../src/notifications/deliver';
import { enqueueMail, markFailed } from '../../src/notifications/outbox.store';
import { findEvent } from '../../src/events/events.store';
import { foreignText, rawTemplateText } from './untranslated';

let ctx: TestContext;
let smtp: TestSmtp;
let browser: Browser;
let base: string;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await buildTestApp({ mail: { smtpUrl: smtp.url, from: 'Parcours <no-reply@parcours.test>' } });
  // An outbox with one sent message and one that failed for good.
  const db = ctx.database.db;
  await ctx.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'agent.envoye@mairie-valbrune.fr' } });
  await deliverDue(db, ctx.mailer);
  const failed = await enqueueMail(db, 'agent.injoignable@mairie-valbrune.fr', 'magic-link', { subject: 'Votre lien de connexion à Parcours', text: 't', html: '<p>t</p>' });
  await markFailed(db, failed, 'smtp', 'connect ECONNREFUSED 10.0.0.25:25', null, new Date());
  base = await listen(ctx.app);
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, base));
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
  await smtp?.stop();
});

async function checkPage(name: string, lang: 'fr' | 'en' = 'fr') {
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  expect(await seriousA11yViolations(page), name).toEqual([]);
  expect(foreignText(await visibleText(page), lang), name).toEqual([]);
  await screenshot(page, name);
}

describe('organiser journey in a real browser', () => {
  it('signs in and sees the dashboard', async () => {
    await page.goto('/organisateur');
    await page.waitForURL('**/organisateur/connexion?suite=%2Forganisateur');
    await checkPage('organisateur-connexion');
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${base}/organisateur`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Tableau de bord');
    await expect(page.locator('.stat-alert .stat-value').innerText()).resolves.toBe('1');
    await checkPage('organisateur-tableau-de-bord');
  });

  it('edits the presence ratio of an event and sees it saved', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Événements' }).click();
    await page.waitForURL('**/organisateur/evenements');
    await checkPage('organisateur-evenements');
    await page.locator('#evenement-webinaire-1').getByRole('link', { name: /Modifier/ }).click();
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
    await expect(page.locator('h1').innerText()).resolves.toBe('Audit log');
    await checkPage('organisateur-journal-en', 'en');
    await page.getByRole('link', { name: 'Events' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Events');
    await checkPage('organisateur-evenements-en', 'en');
  });

  it('keeps the events table usable on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/organisateur/evenements?lang=fr');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisateur-evenements-mobile', { fullPage: false });
  });

  it('had no console error, no CSP violation and no raw template text', () => {
    expect(problems.errors).toEqual([]);
    expect(rawTemplateText()).toEqual([]);
  });
});
