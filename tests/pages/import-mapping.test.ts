import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';
import { listAttendanceOfLearner } from '../../src/attendance/attendance.store';
import { findLearnerByEmail } from '../../src/learners/learners.store';
import { mappingDigest } from '../../src/attendance/web/import-mapping.form';
import { InjectSession } from './inject-session';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

const URL = '/organisateur/evenements/webinaire-2/import';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
// Excel "CSV (point-virgule)" on French Windows: Windows-1252, no BOM; no header the importer knows for presence.
const file = iconv.encode(
  [
    'Adresse électronique;Nom complet;Structure;Minutes suivies',
    'helene.lefevre@mairie-valbrune.example;Hélène Lefèvre;Mairie de Valbrune;95',
    'marc.dupont@cc-des-lacs.example;Marc Dupont;CC des Lacs;30',
    'ines.moreau@dept-21.example;Inès Moreau;Département;120',
    '',
  ].join('\r\n'),
  'windows-1252',
);
const upload = { field: 'fichier', name: 'emargement.csv', bytes: file, type: 'text/csv' };
const mapping = {
  email: 'Adresse électronique',
  name: 'Nom complet',
  organisation: 'Structure',
  minutes: 'Minutes suivies',
};
const fields = {
  'colonne-email': mapping.email,
  'colonne-nom': mapping.name,
  'colonne-organisation': mapping.organisation,
  'colonne-arrivee': '',
  'colonne-depart': '',
  'colonne-minutes': mapping.minutes,
  'colonne-presence': '',
};
const selected = (body: string, name: string) =>
  new RegExp(`<select id="champ-${name}"[^>]*>.*?<option value="([^"]*)" selected>`, 's').exec(body)?.[1];

describe('import of a file in no known layout: the column mapping', () => {
  let s: InjectSession;
  beforeAll(async () => {
    s = new InjectSession(ctx.app);
    await s.get('/organisateur/connexion?lang=fr');
    expect((await s.post('/organisateur/connexion', { ...ADMIN, suite: '/organisateur' })).statusCode).toBe(303);
  });

  it('[422] shows the error and a mapping form listing the file’s columns, with obvious guesses', async () => {
    await s.get(URL);
    const res = await s.postMultipart(URL, { etape: 'apercu' }, upload);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="erreurs"');
    expect(res.body).toContain('Indiquer les colonnes du fichier');
    // Read from the bytes with the importer's own charset detection: the accents survive.
    expect(res.body).toContain('<option value="Adresse électronique"');
    expect(selected(res.body, 'colonne-email')).toBe('Adresse électronique');
    expect(selected(res.body, 'colonne-nom')).toBe('Nom complet');
    expect(selected(res.body, 'colonne-organisation')).toBe('Structure');
    expect(selected(res.body, 'colonne-minutes')).toBe('Minutes suivies');
    expect(selected(res.body, 'colonne-presence')).toBe('');
    expect(res.body).toContain('name="etape" value="correspondance"');
    expect(await findLearnerByEmail(ctx.database.db, 'helene.lefevre@mairie-valbrune.example')).toBeUndefined();
  });

  it('[400] refuses choices without an e-mail or a presence column, each field linked from the summary', async () => {
    const res = await s.postMultipart(
      URL,
      { etape: 'correspondance', ...fields, 'colonne-email': '', 'colonne-minutes': '' },
      upload,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Vérifiez les colonnes choisies');
    expect(res.body).toContain('<a href="#champ-colonne-email">Choisissez la colonne des adresses e-mail.</a>');
    expect(res.body).toContain(
      '<a href="#champ-colonne-arrivee">Choisissez au moins une colonne qui indique la présence',
    );
    // The choices made are kept, and the columns are still the file's.
    expect(selected(res.body, 'colonne-nom')).toBe('Nom complet');
    expect(res.body).toContain('<option value="Minutes suivies">');
  });

  it('[400] refuses one column for two fields, and a time of arrival without a departure', async () => {
    const res = await s.postMultipart(
      URL,
      { etape: 'correspondance', ...fields, 'colonne-nom': mapping.email, 'colonne-arrivee': 'Minutes suivies' },
      upload,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('La colonne « Adresse électronique » est déjà choisie pour « Adresse e-mail ».');
    expect(res.body).toContain(
      '<a href="#champ-colonne-depart">Avec l’heure d’arrivée, choisissez aussi l’heure de départ.</a>',
    );
  });

  it('[422] a chosen column the file does not have: the importer’s message, and the field says which', async () => {
    const res = await s.postMultipart(URL, { etape: 'correspondance', ...fields, 'colonne-minutes': 'Durée' }, upload);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Colonnes de la correspondance introuvables : Durée.');
    expect(res.body).toContain('<a href="#champ-colonne-minutes">La colonne « Durée » n’est pas dans ce fichier.</a>');
  });

  it('[400] in English too', async () => {
    await s.get(`${URL}?lang=en`);
    const res = await s.postMultipart(
      URL,
      { etape: 'correspondance', ...fields, 'colonne-email': '', 'colonne-minutes': 'Durée' },
      upload,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Check the chosen columns');
    expect(res.body).toContain('Choose the column of e-mail addresses.');
    expect(res.body).toContain('— none —');
    await s.get(`${URL}?lang=fr`);
  });

  it(
    '[422→200] an .xlsx workbook in no known layout: ' + 'its columns offered, then previewed with the mapping',
    async () => {
      const xlsx = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'attendance', 'export-inconnu.xlsx'));
      const workbook = {
        field: 'fichier',
        name: 'presences.xlsx',
        bytes: xlsx,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
      await s.get(URL);
      const refused = await s.postMultipart(URL, { etape: 'apercu' }, workbook);
      expect(refused.statusCode).toBe(422);
      expect(selected(refused.body, 'colonne-email')).toBe('Adresse électronique');
      expect(selected(refused.body, 'colonne-minutes')).toBe('Minutes suivies');
      const res = await s.postMultipart(URL, { etape: 'correspondance', ...fields }, workbook);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/<th scope="row">Hélène Lefèvre<\/th>[\s\S]*?pill-present/);
      expect(res.body).toMatch(/<th scope="row">Marc Dupont<\/th>[\s\S]*?pill-absent/);
    },
  );

  it('[200] previews with the mapping and carries it, with its digest, into the confirmation', async () => {
    const res = await s.postMultipart(URL, { etape: 'correspondance', ...fields }, upload);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('CSV avec correspondance de colonnes');
    expect(res.body).toContain('Minutes de présence : Minutes suivies');
    expect(res.body).toMatch(/<th scope="row">Marc Dupont<\/th>[\s\S]*?pill-absent/);
    expect(res.body).toContain(`name="empreinte" value="${sha256(file)}"`);
    expect(res.body).toContain('name="colonne-minutes" value="Minutes suivies"');
    expect(res.body).toContain('name="colonne-presence" value=""');
    expect(res.body).toContain(`name="empreinte-colonnes" value="${mappingDigest(mapping)}"`);
  });

  it('[409] a confirmation whose columns differ from the preview’s saves nothing and previews them', async () => {
    const res = await s.postMultipart(
      URL,
      {
        etape: 'confirmer',
        empreinte: sha256(file),
        ...fields,
        'colonne-organisation': '',
        'empreinte-colonnes': mappingDigest(mapping),
      },
      upload,
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Ce ne sont pas les colonnes de l’aperçu');
    expect(res.body).toContain(
      `name="empreinte-colonnes" value="${mappingDigest({ ...mapping, organisation: undefined })}"`,
    );
    expect(await findLearnerByEmail(ctx.database.db, 'helene.lefevre@mairie-valbrune.example')).toBeUndefined();
  });

  it('[422] a mapped preview confirmed without its columns saves nothing and asks for them', async () => {
    const res = await s.postMultipart(
      URL,
      { etape: 'confirmer', empreinte: sha256(file), 'empreinte-colonnes': mappingDigest(mapping) },
      upload,
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Indiquer les colonnes du fichier');
    expect(await findLearnerByEmail(ctx.database.db, 'helene.lefevre@mairie-valbrune.example')).toBeUndefined();
  });

  it('[303] confirming with the previewed columns stores who attended', async () => {
    const res = await s.postMultipart(
      URL,
      { etape: 'confirmer', empreinte: sha256(file), ...fields, 'empreinte-colonnes': mappingDigest(mapping) },
      upload,
    );
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/^\/organisateur\/evenements\/webinaire-2\/import\/[0-9a-f-]{36}$/);
    const status = async (email: string) => {
      const learner = await findLearnerByEmail(ctx.database.db, email);
      return (await listAttendanceOfLearner(ctx.database.db, learner!.id)).find((a) => a.eventKey === 'webinaire-2')
        ?.status;
    };
    expect(await status('helene.lefevre@mairie-valbrune.example')).toBe('present');
    expect(await status('marc.dupont@cc-des-lacs.example')).toBe('absent');
    expect(await status('ines.moreau@dept-21.example')).toBe('present');
    expect((await findLearnerByEmail(ctx.database.db, 'ines.moreau@dept-21.example'))!.organisation).toBe(
      'Département',
    );
  });
});
