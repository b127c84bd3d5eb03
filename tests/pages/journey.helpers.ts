import type { Page } from 'playwright-core';
import type { TestContext } from '../helpers/app';
import type { Quiz } from '../../src/programme/quiz.schemas';
import { learnerCredentials } from '../../src/credentials/learner-credentials.service';

/** A link of the main navigation. */
export const mainNavLink = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name });

/** Fills every question of the quiz form with a right (or acceptable) answer. */
export async function fillQuizRight(page: Page, quiz: Quiz) {
  for (const q of quiz.questions) {
    if (q.type === 'text') await page.locator(`#champ-${q.id}`).fill('Mieux documenter nos jeux de données.');
    else if (q.type === 'scale') await page.locator(`#champ-${q.id}-4`).check();
    else for (const id of q.correct ?? [q.choices[0]!.id]) await page.locator(`#champ-${q.id}-${id}`).check();
  }
}

/** Drops a PNG file on the verifier's drop zone, as a third party dragging it from their desktop. */
export const dropPng = (page: Page, png: Buffer, name: string) =>
  page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob('${png.toString('base64')}'), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], '${name}', { type: 'image/png' }));
      const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      document.querySelector('[data-dropzone]').dispatchEvent(drop);
    })()`);

/** The session cookie of a learner, for a browser context opened on `base`. */
export const learnerCookie = (ctx: TestContext, base: string, sub: string, email: string) => ({
  name: 'parcours_session',
  value: ctx.app.signToken({ sub, role: 'learner', email }),
  url: base,
});

/** The learner's pages checked on a phone, with the name of their screenshot ('' for none). */
export const phonePages = (credentialId: string) => [
  ['/mon-parcours', ''],
  ['/questionnaires/quiz-admin', ''],
  ['/mes-badges', 'mes-badges-mobile'],
  [`/credentials/${credentialId}`, 'badge-public-mobile'],
  ['/verifier', ''],
];

/** The id of the learner's first credential, as Mes badges lists them. */
export async function firstCredentialId(ctx: TestContext, learnerId: string) {
  const { db } = ctx.database;
  const [credential] = await learnerCredentials(
    db,
    ctx.services.programme,
    ctx.services.config.publicUrl,
    learnerId,
    'fr',
  );
  return credential!.id;
}
