import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, buildTestAppWithSmtp, type MailTestContext } from '../helpers/app';
import { browse, waitForHeading } from '../helpers/browser';
import { checkPageOn } from '../pages/check-page';
import { mainNavLink } from '../pages/journey.helpers';
import { answer, attend, learnerAuth } from '../badges/helpers';
import { received, tick } from './helpers';

let ctx: MailTestContext;
let browser: Browser;
let base: string;
let page: Page;

const late = ['retard.un@cc-des-lacs.example', 'retard.deux@cc-des-lacs.example'];
const answered = 'a.repondu@cc-des-lacs.example';
const otherWorkshop = 'atelier.un@cc-des-lacs.example';

beforeAll(async () => {
  ctx = await buildTestAppWithSmtp();
  ({ base, browser, page } = await browse(ctx.app));
}, 180_000); // the machine may be busy: building the platform alone can take a minute
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const checkPage = (name: string) => checkPageOn(page, name, 'fr');

describe('« Relances » in a real browser', { timeout: 90_000 }, () => {
  it('the organiser opens « Relances »: rules, what is planned, no tracking', async () => {
    for (const email of late) await attend(ctx, email, ['atelier-management']);
    const id = await attend(ctx, answered, ['atelier-management']);
    expect((await answer(ctx, learnerAuth(ctx, id), 'quiz-management')).statusCode).toBe(201);
    await attend(ctx, otherWorkshop, ['atelier-juridique']);
    await page.goto('/organisateur/connexion');
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${base}/organisateur`);
    await mainNavLink(page, 'Relances').click();
    await waitForHeading(page, 'Relances');
    await page.getByText('Aucune ouverture ni aucun clic n’est suivi').waitFor();
    await checkPage('organisateur-relances');
  });

  it('previews the reminder to the attendees of Atelier 2 without an answer: count and exact e-mail', async () => {
    await page.getByLabel('Séance', { exact: true }).selectOption('atelier-management');
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    await waitForHeading(page, 'Aperçu de la relance');
    await page.getByText('2 destinataire(s) : personnes présentes à « Atelier 2 »').waitFor();
    const shown = await page.locator('.recipients li').allInnerTexts();
    expect(shown.sort()).toEqual([...late].sort());
    const preview = (await page.locator('.mail-text').textContent()) ?? '';
    expect(preview).toContain('http://parcours.test/questionnaires/quiz-management');
    await checkPage('organisateur-relances-apercu');
  });

  it('sends it: two e-mails, to those two people only', async () => {
    await page.getByRole('button', { name: 'Envoyer 2 relance(s)' }).click();
    await page.waitForURL('**/organisateur/relances?envoyees=2');
    await page.getByRole('status').getByText('2 relance(s) mise(s) en file d’envoi').waitFor();
    expect(await page.locator('#legende-envoyees').count()).toBe(1);

    // The outbox sends them: exactly the previewed e-mail, to those two people only.
    await tick(ctx, new Date());
    for (const email of late) expect(received(ctx.smtp, email)).toHaveLength(1);
    for (const email of [answered, otherWorkshop]) expect(received(ctx.smtp, email)).toHaveLength(0);
    expect(received(ctx.smtp, late[0]!)[0]!.text).toContain('http://parcours.test/questionnaires/quiz-management');
  });

  it('the audit log shows the send', async () => {
    await mainNavLink(page, 'Journal').click();
    await waitForHeading(page, /Journal/);
    const row = page.locator('tbody tr', { hasText: 'reminders.send' });
    await expect(row.count()).resolves.toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/event\/atelier-management[\s\S]*recipients=2/);
    expect(text).toContain(ADMIN.email);
  });

  it('records the viewers of a webinar recording from a Zoom export', async () => {
    await mainNavLink(page, 'Relances').click();
    await waitForHeading(page, 'Relances');
    await page.getByLabel('Webinaire', { exact: true }).selectOption('webinaire-1');
    const csv = `Name,Email,Duration\nRetard Un,${late[0]},80\n`;
    await page.getByLabel('Export des spectateurs (CSV)').setInputFiles({
      name: 'viewers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Enregistrer les visionnages' }).click();
    await page.getByRole('status').getByText('1 visionnage(s) enregistré(s)').waitFor();
  });

  it('the learner unsubscribes from the link in the e-mail', async () => {
    const mail = received(ctx.smtp, late[1]!)[0]!;
    const link = /(http:\/\/parcours\.test\/relances\/desinscription\?\S+)/.exec(mail.text ?? '')![1]!;
    await page.goto(link.replace('http://parcours.test', base));
    await waitForHeading(page, 'Ne plus recevoir de relances');
    await checkPage('relances-desinscription');
    await page.getByRole('button', { name: 'Ne plus recevoir ce type de relance' }).click();
    await page.getByRole('status').getByText('Vous ne recevrez plus ce type de relance.').waitFor();
  });
});
