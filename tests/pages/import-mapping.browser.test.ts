import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';
import { browse, focusedElementId, waitForHeading, type PageProblems } from '../helpers/browser';
import { listAttendanceOfLearner, listImports } from '../../src/attendance/attendance.store';
import { findLearnerByEmail } from '../../src/learners/learners.store';
import { checkPageOn } from './check-page';
import { rawTemplateText } from './untranslated';

let ctx: TestContext;
let browser: Browser;
let base: string;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ctx = await buildTestApp();
  ({ base, browser, page, problems } = await browse(ctx.app));
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const checkPage = (name: string, lang: 'fr' | 'en' = 'fr') => checkPageOn(page, name, lang);

const IMPORT = '/organisateur/evenements/webinaire-2/import';
// A sign-in sheet kept by hand: `;`-separated, headers no export tool uses, minutes instead of times.
const sheet = {
  name: 'presences-webinaire-2.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      'Adresse électronique;Nom complet;Structure;Minutes suivies',
      'helene.lefevre@mairie-valbrune.example;Hélène Lefèvre;Mairie de Valbrune;95',
      'marc.dupont@cc-des-lacs.example;Marc Dupont;CC des Lacs;30',
      'ines.moreau@dept-21.example;Inès Moreau;Département;120',
      '',
    ].join('\n'),
  ),
};
const mappingHeading = (name: string) => page.getByRole('heading', { level: 2, name });

/** Chooses the file on the first step and asks for its preview (fetched in place by app.js). */
async function uploadSheet(previewButton: string) {
  await page.locator('#champ-fichier').setInputFiles(sheet);
  await page.getByRole('button', { name: previewButton }).click();
}

describe('importing a file in no known layout, in a real browser', () => {
  it('signs in as an organiser', async () => {
    await page.goto('/organisateur/connexion?lang=en');
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/organisateur`);
  });

  it('offers the file’s columns to map, in English', async () => {
    await page.goto(`${IMPORT}?lang=en`);
    await waitForHeading(page, 'Import attendance');
    await uploadSheet('See the preview');
    await mappingHeading('Say which column is which').waitFor();
    expect(await page.getByLabel('E-mail address (required)').inputValue()).toBe('Adresse électronique');
    await checkPage('organisateur-import-colonnes-en', 'en');
  });

  it('shows the error and a mapping form, with the file carried and obvious columns guessed', async () => {
    await page.goto(`${IMPORT}?lang=fr`);
    await waitForHeading(page, 'Importer les présences');
    await uploadSheet('Voir l’aperçu');
    await mappingHeading('Indiquer les colonnes du fichier').waitFor();
    await expect(page.locator('#erreurs').innerText()).resolves.toContain('Le fichier n’a pas pu être lu');
    // The file chosen once is kept by the page: nothing to choose again.
    await page.getByText('Le fichier de l’aperçu est repris').waitFor();
    const form = page.locator('form[data-import-preview]');
    expect(
      await form
        .getByRole('group', { name: 'Qui est la personne' })
        .getByLabel('Adresse e-mail (obligatoire)')
        .inputValue(),
    ).toBe('Adresse électronique');
    expect(await form.getByLabel('Nom', { exact: true }).inputValue()).toBe('Nom complet');
    expect(await form.getByLabel('Organisation').inputValue()).toBe('Structure');
    expect(await form.getByLabel('Minutes de présence').inputValue()).toBe('Minutes suivies');
    expect(await form.getByLabel('Présent ou absent').inputValue()).toBe('');
    await checkPage('organisateur-import-colonnes');
  });

  it('refuses a mapping without an e-mail column, with the summary linked to the field', async () => {
    await page.getByLabel('Adresse e-mail (obligatoire)').selectOption('');
    await page.getByRole('button', { name: 'Voir l’aperçu avec ces colonnes' }).click();
    await page.locator('#erreurs').getByText('Vérifiez les colonnes choisies').waitFor();
    expect(await focusedElementId(page)).toBe('erreurs');
    const link = page.locator('#erreurs').getByRole('link', { name: 'Choisissez la colonne des adresses e-mail.' });
    expect(await link.getAttribute('href')).toBe('#champ-colonne-email');
    await expect(page.getByLabel('Adresse e-mail (obligatoire)').getAttribute('aria-invalid')).resolves.toBe('true');
    // The other choices are kept, and the file is still carried.
    expect(await page.getByLabel('Minutes de présence').inputValue()).toBe('Minutes suivies');
    await page.getByText('Le fichier de l’aperçu est repris').waitFor();
    await checkPage('organisateur-import-colonnes-erreur');
  });

  it('maps the columns, previews who attended, and confirms', async () => {
    await page.getByLabel('Adresse e-mail (obligatoire)').selectOption('Adresse électronique');
    await page.getByLabel('Minutes de présence').selectOption('Minutes suivies');
    await page.getByRole('button', { name: 'Voir l’aperçu avec ces colonnes' }).click();
    await waitForHeading(page, 'Aperçu de l’import');
    await expect(page.locator('[data-format]').innerText()).resolves.toBe('CSV avec correspondance de colonnes');
    await expect(
      page
        .getByRole('row', { name: /Hélène Lefèvre/ })
        .getByText('Présent', { exact: true })
        .count(),
    ).resolves.toBe(1);
    await expect(
      page
        .getByRole('row', { name: /Marc Dupont/ })
        .getByText('Absent', { exact: true })
        .count(),
    ).resolves.toBe(1);
    await expect(
      page
        .getByRole('row', { name: /Inès Moreau/ })
        .getByText('Présent', { exact: true })
        .count(),
    ).resolves.toBe(1);
    await page.getByText('Le fichier de l’aperçu est repris').waitFor();
    expect(await page.locator('input[name="colonne-minutes"]').getAttribute('value')).toBe('Minutes suivies');
    await checkPage('organisateur-import-colonnes-apercu');

    await page.getByRole('button', { name: 'Confirmer l’import' }).click();
    await page.waitForURL(/\/organisateur\/evenements\/webinaire-2\/import\/[0-9a-f-]{36}$/);
    await page.getByRole('status').getByText('L’import est enregistré.').waitFor();
    await expect(page.locator('.lead').innerText()).resolves.toContain(sheet.name);

    const db = ctx.database.db;
    const [record] = await listImports(db, 'webinaire-2');
    expect(record).toMatchObject({ format: 'mapped', fileName: sheet.name });
    const status = async (email: string) => {
      const learner = await findLearnerByEmail(db, email);
      return (await listAttendanceOfLearner(db, learner!.id)).find((a) => a.eventKey === 'webinaire-2')?.status;
    };
    expect(await status('helene.lefevre@mairie-valbrune.example')).toBe('present');
    expect(await status('marc.dupont@cc-des-lacs.example')).toBe('absent');
    expect(await status('ines.moreau@dept-21.example')).toBe('present');
  });

  it('had no console error, no CSP violation and no raw template text', () => {
    // A refused preview is fetched in place: Chromium logs its 4xx status, which here is the point.
    const expected = (e: string) => /status of 4(00|22) .*\/organisateur\/evenements\/webinaire-2\/import$/.test(e);
    expect(problems.errors.filter((e) => !expected(e))).toEqual([]);
    expect(rawTemplateText()).toEqual([]);
  });
});
