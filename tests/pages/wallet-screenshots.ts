/**
 * The README's wallet screenshots: `npx tsx tests/pages/wallet-screenshots.ts` writes
 * docs/screenshots/portefeuille-*.png — « Mes badges » with its wallet panel, and the page of QR
 * codes a learner scans with LCW, LearnCard or an OpenID wallet. Not part of the test suite (as
 * docs-screenshots.ts, whose saving it shares): run it when those pages change, look, commit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildTestApp } from '../helpers/app';
import { launchBrowser, listen, openPage } from '../helpers/browser';
import { answer, attend, learnerAuth, WEBINARS } from '../badges/helpers';
import { upsertLearner } from '../../src/learners/learners.store';
import { toPalettePng } from './docs-png';

const OUT = resolve('docs/screenshots');

async function save(page: Page, name: string, fullPage = false) {
  const { width, height, file } = toPalettePng(await page.screenshot({ fullPage }));
  await writeFile(resolve(OUT, `${name}.png`), file);
  console.log(`${name}.png ${width}×${height} ${Math.round(file.length / 1024)} kB`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const ctx = await buildTestApp({ publicUrl: 'http://localhost:3000' });
  const email = 'claire.martin@mairie-valbrune.fr';
  await upsertLearner(ctx.services.db, { email, name: 'Claire Martin', organisation: 'Mairie de Valbrune' });
  const id = await attend(ctx, email, [...WEBINARS, 'atelier-juridique']);
  await answer(ctx, learnerAuth(ctx, id, email), 'quiz-juridique');
  const base = await listen(ctx.app);
  const browser = await launchBrowser();
  try {
    const learner = await openPage(browser, base, { viewport: { width: 1280, height: 800 } });
    await learner.context.addCookies([
      { name: 'parcours_session', value: ctx.app.signToken({ sub: id, role: 'learner', email }), url: base },
    ]);
    const p = learner.page;
    await p.goto('/mes-badges');
    await p.evaluate('document.getElementById("portefeuille").scrollIntoView()');
    await save(p, 'portefeuille-mes-badges');
    await p.getByRole('button', { name: 'Ajouter tous mes badges à mon portefeuille' }).click();
    await p.locator('h1', { hasText: 'Ajouter à mon portefeuille' }).waitFor();
    await save(p, 'portefeuille-qr', true);
  } finally {
    await browser.close();
    await ctx.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
