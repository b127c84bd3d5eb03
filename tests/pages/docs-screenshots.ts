/**
 * The README's screenshots: `npx tsx tests/pages/docs-screenshots.ts` writes docs/screenshots/*.png
 * (1280×800, one phone view), from a platform seeded with a small, believable cohort. Not part
 * of the test suite: run it when the pages change, look at the images, commit them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildTestApp, ADMIN } from '../helpers/app';
import { launchBrowser, listen, openPage } from '../helpers/browser';
import { attend, answer, learnerAuth, perfectAnswers } from '../badges/helpers';
import { zoomWebinarReport } from '../imports/zoom-report';
import { importAttendance } from '../../src/attendance/import.service';
import { findLearnerByEmail } from '../../src/learners/learners.store';
import { learnerCredentials } from '../../src/credentials/learner-credentials.service';
import { replaceItxtText } from '../credentials/png-reader';
import { toPalettePng } from './docs-png';

const OUT = resolve('docs/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

const cohort = [
  {
    name: 'Claire Martin',
    email: 'claire.martin@mairie-valbrune.fr',
    org: 'Mairie de Valbrune',
    minutes: 118,
    join: '09:59:10',
    leave: '11:58:30',
  },
  {
    name: 'Hélène Lefèvre',
    email: 'helene.lefevre@mairie-valbrune.fr',
    org: 'Mairie de Valbrune',
    minutes: 91,
    join: '10:01:12',
    leave: '11:31:40',
  },
  {
    name: 'Marc Dupont',
    email: 'marc.dupont@cc-des-lacs.fr',
    org: 'CC des Lacs',
    minutes: 30,
    join: '10:00:00',
    leave: '10:30:00',
  },
  {
    name: 'Inès Moreau',
    email: 'ines.moreau@cote-dor.fr',
    org: 'Département de la Côte-d’Or',
    minutes: 122,
    join: '09:58:40',
    leave: '12:00:00',
  },
  {
    name: 'Julien Petit',
    email: 'julien.petit@dijon-metropole.fr',
    org: 'Dijon Métropole',
    minutes: 104,
    join: '10:03:00',
    leave: '11:47:00',
  },
  {
    name: 'Sophie Leroy',
    email: 'sophie.leroy@ville-beaune.fr',
    org: 'Ville de Beaune',
    minutes: 75,
    join: '10:20:00',
    leave: '11:35:00',
  },
];

/** The test report is dated 12 March; the same report for another session. */
const onDay = (report: Buffer, day: string) => Buffer.from(report.toString('utf8').replaceAll('Mar 12, 2026', day));

/** Chromium's PNG, re-encoded as a 256-colour PNG at the strongest deflate: a README image, small. */
async function save(page: Page, name: string, fullPage = false) {
  const { width, height, file } = toPalettePng(await page.screenshot({ fullPage }));
  await writeFile(resolve(OUT, `${name}.png`), file);
  console.log(`${name}.png ${width}×${height} ${Math.round(file.length / 1024)} kB`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const ctx = await buildTestApp({ publicUrl: 'http://localhost:3000' });
  const db = ctx.database.db;
  const actor = { id: 'docs', email: ADMIN.email };
  // Two webinars imported from Zoom, a third with one person without an e-mail (to match).
  for (const [key, people, day] of [
    ['webinaire-1', cohort, 'Mar 12, 2026'],
    ['webinaire-2', cohort.slice(0, 5), 'Mar 26, 2026'],
  ] as const) {
    const report = onDay(
      zoomWebinarReport([...people], [{ name: 'Animatrice Civiteo', email: 'animation@civiteo.fr' }]),
      day,
    );
    await importAttendance({ db, awards: ctx.services.awards }, actor, {
      eventKey: key,
      input: report,
      dryRun: false,
      acceptPartial: false,
      fileName: `zoom-${key}.csv`,
      lang: 'fr',
    });
  }
  await attend(ctx, 'claire.martin@mairie-valbrune.fr', ['atelier-admin', 'atelier-juridique']);
  await attend(ctx, 'ines.moreau@cote-dor.fr', ['atelier-admin']);
  await attend(ctx, 'julien.petit@dijon-metropole.fr', ['atelier-juridique'], 'replay', 80);
  const claire = (await findLearnerByEmail(db, 'claire.martin@mairie-valbrune.fr'))!;
  const ines = (await findLearnerByEmail(db, 'ines.moreau@cote-dor.fr'))!;
  await answer(ctx, learnerAuth(ctx, claire.id, claire.email), 'quiz-admin');
  await answer(ctx, learnerAuth(ctx, ines.id, ines.email), 'quiz-admin', {
    ...perfectAnswers(ctx, 'quiz-admin'),
    q1: ['b'],
  });
  const [credential] = await learnerCredentials(
    db,
    ctx.services.programme,
    ctx.services.config.publicUrl,
    claire.id,
    'fr',
  );

  const base = await listen(ctx.app);
  const browser = await launchBrowser();
  try {
    const visitor = await openPage(browser, base, { viewport: VIEWPORT });
    let p = visitor.page;
    await p.goto('/');
    await save(p, 'accueil');
    await p.goto(`/credentials/${credential!.id}`);
    await save(p, 'badge-public');
    const png = Buffer.from(await (await fetch(`${base}/credentials/${credential!.id}.png`)).arrayBuffer());
    await p.goto('/verifier');
    await p.locator('#champ-fichier').setInputFiles({
      name: 'badge-data-admin.png',
      mimeType: 'image/png',
      buffer: replaceItxtText(png, 'data admin', 'data expert'),
    });
    await p.getByRole('button', { name: 'Vérifier' }).click();
    await p.locator('[data-verdict]').waitFor();
    await save(p, 'verificateur-badge-modifie');

    const learner = await openPage(browser, base, { viewport: VIEWPORT });
    await learner.context.addCookies([
      {
        name: 'parcours_session',
        value: ctx.app.signToken({ sub: claire.id, role: 'learner', email: claire.email }),
        url: base,
      },
    ]);
    p = learner.page;
    await p.goto('/mon-parcours');
    await save(p, 'mon-parcours');
    await p.goto('/questionnaires/quiz-juridique');
    await p.locator('#champ-q1-a').check();
    await save(p, 'questionnaire');
    await p.goto('/mes-badges');
    await save(p, 'mes-badges');
    await p.goto('/mes-badges?lang=en');
    await save(p, 'my-badges-en');

    const phone = await openPage(browser, base, { viewport: { width: 390, height: 844 } });
    await phone.context.addCookies([
      {
        name: 'parcours_session',
        value: ctx.app.signToken({ sub: claire.id, role: 'learner', email: claire.email }),
        url: base,
      },
    ]);
    await phone.page.goto(`/credentials/${credential!.id}`);
    await save(phone.page, 'badge-public-telephone');

    const organiser = await openPage(browser, base, { viewport: VIEWPORT });
    p = organiser.page;
    await p.goto('/organisateur/connexion');
    await p.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await p.getByLabel('Mot de passe').fill(ADMIN.password);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await p.waitForURL(`${base}/organisateur`);
    await p.goto('/organisateur/evenements/atelier-admin/import');
    const sheet = onDay(
      zoomWebinarReport(
        [cohort[0]!, cohort[3]!, cohort[4]!, { ...cohort[2]!, minutes: 40, join: '09:35:00', leave: '10:15:00' }],
        [{ name: 'Animatrice Civiteo', email: 'animation@civiteo.fr' }],
        [{ name: 'Nadia Benali', join: '10:00:00', leave: '11:50:00', minutes: 110 }],
      ),
      'May 07, 2026',
    );
    await p
      .locator('#champ-fichier')
      .setInputFiles({ name: 'zoom-atelier-3.csv', mimeType: 'text/csv', buffer: sheet });
    await p.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await p.locator('h1', { hasText: 'Aperçu de l’import' }).waitFor();
    await save(p, 'organisateur-import-apercu');
    await p.evaluate(
      'window.scrollTo(0, ' +
        'document.getElementById("titre-personnes").getBoundingClientRect().top + window.scrollY - 24)',
    );
    await save(p, 'organisateur-import-qui-et-pourquoi');
    await p.goto('/organisateur/progression');
    await save(p, 'organisateur-progression');
    await p.goto(`/organisateur/apprenants/${ines.id}`);
    await save(p, 'organisateur-apprenant');
  } finally {
    await browser.close();
    await ctx.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
