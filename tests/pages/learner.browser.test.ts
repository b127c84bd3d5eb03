import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildTestAppWithSmtp, type TestContext } from '../helpers/app';
import type { TestSmtp } from '../helpers/smtp';
import {
  browse,
  openPage,
  screenshot,
  seriousA11yViolations,
  horizontalOverflow,
  waitForHeading,
  focusedElementId,
  type PageProblems,
} from '../helpers/browser';
import { deliverDue } from '../../src/notifications/deliver';
import { checkPageOn } from './check-page';
import { dropPng, fillQuizRight, firstCredentialId, learnerCookie, mainNavLink, phonePages } from './journey.helpers';
import { rawTemplateText } from './untranslated';
import { attend, WEBINARS } from '../badges/helpers';
import { replaceItxtText } from '../credentials/png-reader';
import { findLearnerByEmail } from '../../src/learners/learners.store';

const ALLOW_MISSING: string[] = [];
const EMAIL = 'claire.martin@mairie-valbrune.fr';

let ctx: TestContext;
let smtp: TestSmtp;
let browser: Browser;
let base: string;
let page: Page;
let problems: PageProblems;
/** The baked PNG the learner downloads, later dropped on the verifier by a third party. */
let baked: Buffer;

beforeAll(async () => {
  const withMail = await buildTestAppWithSmtp();
  [ctx, smtp] = [withMail, withMail.smtp];
  // Claire attended both webinars and workshop 3: only its questionnaire stands between her and "data admin".
  await attend(ctx, EMAIL, [...WEBINARS, 'atelier-admin']);
  ({ base, browser, page, problems } = await browse(ctx.app, { allowMissing: ALLOW_MISSING }));
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

/** The checks every page gets: no serious axe violation, no text of the other language, a screenshot. */
const checkPage = (name: string, lang: 'fr' | 'en' = 'fr', on: Page = page) => checkPageOn(on, name, lang);

describe('learner journey in a real browser', { timeout: 90_000 }, () => {
  it('visits the home page, signs in through the e-mailed link and lands on Mon parcours', async () => {
    await page.goto('/');
    await waitForHeading(page, /Vos formations/);
    expect(await page.locator('.badge-card').count()).toBe(4);
    await checkPage('accueil');

    await page.getByRole('link', { name: 'Recevoir mon lien de connexion' }).click();
    await page.waitForURL('**/connexion');
    await checkPage('connexion');

    // An invalid address is named beside its field, with focus on the summary.
    await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
    await page.waitForSelector('#erreurs');
    expect(await focusedElementId(page)).toBe('erreurs');
    await checkPage('connexion-erreur');

    await page.getByLabel('Adresse e-mail').fill('Claire.Martin@Mairie-Valbrune.fr');
    await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte de réception' }).waitFor();
    await checkPage('connexion-envoye');

    await deliverDue(ctx.database.db, ctx.mailer);
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('claire.martin@mairie-valbrune.fr'));
    const link = new URL(/https?:\/\/\S+\/connexion\/lien\?token=[\w-]+/.exec(mail.text ?? '')![0]);
    await page.goto(`${link.pathname}${link.search}`);
    await checkPage('connexion-lien');

    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL('**/mon-parcours');
    await waitForHeading(page, 'Mon parcours');
    expect(await page.locator('#mes-badges .badge-card').count()).toBe(4);
    expect(await page.locator('#sessions .timeline-item').count()).toBe(5);
    await expect(mainNavLink(page, 'Mon parcours').getAttribute('aria-current')).resolves.toBe('page');
    await checkPage('mon-parcours');
  });

  it('answers the questionnaire, sees the score and the correction, and the badge appears', async () => {
    const card = page.locator('#badge-data-admin');
    await expect(card.locator('.pill').first().innerText()).resolves.toBe('En cours');
    await card.getByRole('link', { name: /Répondre au questionnaire/ }).click();
    await page.waitForURL('**/questionnaires/quiz-admin');
    await checkPage('questionnaire');

    // Sent empty: the summary takes the focus and names the questions.
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.waitForSelector('#erreurs');
    expect(await focusedElementId(page)).toBe('erreurs');
    await checkPage('questionnaire-erreurs');

    const quiz = ctx.services.programme.quizzes.find((q) => q.key === 'quiz-admin')!;
    await fillQuizRight(page, quiz);
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.waitForURL('**/questionnaires/quiz-admin/resultats/*');
    await expect(page.locator('.score-value').innerText()).resolves.toMatch(/\b100\s%$/u);
    expect(await page.locator('.review-correct').count()).toBeGreaterThan(5);
    await checkPage('questionnaire-resultat');

    await page.getByRole('link', { name: 'Voir mon parcours' }).click();
    await page.waitForURL('**/mon-parcours');
    await expect(card.locator('.pill').first().innerText()).resolves.toBe('Obtenu');
    await expect(card.getByRole('link', { name: 'Voir mon badge' }).isVisible()).resolves.toBe(true);
    await checkPage('mon-parcours-badge');
  });

  it('finds the badge in Mes badges, copies its link, opens the public page and downloads the PNG', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await mainNavLink(page, 'Mes badges').click();
    await page.waitForURL('**/mes-badges');
    const card = page.locator('.credential-card').first();
    await expect(card.locator('h2').innerText()).resolves.toBe('data admin');
    await expect(
      card.locator('img[alt^="QR code"]').evaluate((img) => (img as { naturalWidth: number }).naturalWidth),
    ).resolves.toBeGreaterThan(0);
    await checkPage('mes-badges');
    await card.getByRole('button', { name: 'Copier le lien' }).click();
    await card.getByText('Lien copié.').waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toMatch(/^http:\/\/parcours\.test\/credentials\/[0-9a-f-]{36}$/);

    await card.getByRole('link', { name: /Voir la page publique/ }).click();
    await page.waitForURL('**/credentials/*');
    await page.locator('[data-verdict="valid"]').waitFor();
    expect(await page.locator('.check-failed').count()).toBe(0);
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toContain('data admin');
    await checkPage('badge-public');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-download="png"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('badge-data-admin.png');
    baked = await readFile((await download.path())!);
    expect(baked.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(baked.includes(Buffer.from('openbadgecredential'))).toBe(true);

    // The same pages in English, with no French left.
    await page.goto(`${new URL(page.url()).pathname}?lang=en`);
    await expect(page.locator('.verdict-title').innerText()).resolves.toBe('Genuine and valid badge');
    await checkPage('badge-public-en', 'en');
    await page.goto('/mes-badges');
    await checkPage('mes-badges-en', 'en');
    await page.goto('/questionnaires/quiz-admin');
    await checkPage('questionnaire-en', 'en');
    await page.goto('/mon-parcours?lang=fr');
  });

  it('lets a third party drop the baked PNG on the verifier: valid; then a tampered one: invalid', async () => {
    const visitor = await openPage(browser, base, { allowMissing: ALLOW_MISSING });
    try {
      const p = visitor.page;
      await p.goto('/');
      await mainNavLink(p, 'Vérifier un badge').click();
      await p.waitForURL('**/verifier');
      await checkPage('verificateur', 'fr', p);
      await dropPng(p, baked, 'badge-data-admin.png');
      await p.locator('[data-verdict]').waitFor();
      await expect(p.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('valid');
      expect(await p.locator('.check-ok').count()).toBe(6);
      await checkPage('verificateur-valide', 'fr', p);

      await dropPng(p, replaceItxtText(baked, 'data admin', 'data expert'), 'badge-modifie.png');
      await p.locator('[data-verdict="invalid"]').waitFor();
      await expect(p.locator('[data-check="proof"] .check-message').innerText()).resolves.toContain(
        'Signature invalide',
      );
      await checkPage('verificateur-invalide', 'fr', p);
      expect(visitor.problems.errors).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });

  it('switches to English and stays in English', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/mon-parcours?lang=en');
    await waitForHeading(page, 'My pathway');
    await checkPage('mon-parcours-en', 'en');
    await page.goto('/');
    await waitForHeading(page, /Your training/);
    await checkPage('accueil-en', 'en');
    await page.goto('/page-qui-n-existe-pas');
    await waitForHeading(page, 'Page not found');
    await checkPage('404-en', 'en');
    await page.getByRole('link', { name: 'Français' }).click();
    await waitForHeading(page, 'Page introuvable');
    await checkPage('404');
  });

  it('signs out', async () => {
    await page.goto('/mon-parcours');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByText('Vous êtes déconnecté').waitFor();
    await page.goto('/mon-parcours');
    await page.waitForURL('**/connexion');
  });

  it('reads well on a phone', async () => {
    const phone = await openPage(browser, base, { viewport: { width: 390, height: 844 }, allowMissing: ALLOW_MISSING });
    try {
      await phone.page.goto('/');
      const overflow = await horizontalOverflow(phone.page);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(phone.page)).toEqual([]);
      await screenshot(phone.page, 'accueil-mobile', { fullPage: false });
      // Claire's pages on her phone: nothing wider than the screen, nothing axe objects to.
      const learner = (await findLearnerByEmail(ctx.database.db, EMAIL))!;
      await phone.context.addCookies([learnerCookie(ctx, base, learner.id, EMAIL)]);
      for (const [url, name] of phonePages(await firstCredentialId(ctx, learner.id))) {
        await phone.page.goto(url!);
        expect(await horizontalOverflow(phone.page), url).toBeLessThanOrEqual(0);
        expect(await seriousA11yViolations(phone.page), url).toEqual([]);
        if (name) await screenshot(phone.page, name, { fullPage: false });
      }
      expect(phone.problems.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('the /docs Swagger UI still works beside the pages', async () => {
    await page.goto('/docs');
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 15_000 });
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('Parcours API');
  });

  it('had no console error, no CSP violation and no raw template text', () => {
    expect(problems.errors).toEqual([]);
    expect(rawTemplateText()).toEqual([]);
  });
});
