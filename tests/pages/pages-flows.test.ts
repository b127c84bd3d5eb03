import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { answer, attend, learnerAuth, perfectAnswers, WEBINARS } from '../badges/helpers';
import { replaceItxtText } from '../credentials/png-reader';
import { listAudit } from '../../src/audit/audit.store';
import { findLearnerByEmail } from '../../src/learners/learners.store';
import { InjectSession } from './inject-session';
import * as h from './pages-flows.helpers';
import { expectPage, fichier, previewFile, report, sha256, shows } from './pages-flows.helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

const organiser = () => h.organiser(ctx);
const learnerSession = (id: string, email: string) => h.learnerSession(ctx, id, email);
const findLearner = (email: string) => findLearnerByEmail(ctx.database.db, email);
const auditActions = async (limit: number) => (await listAudit(ctx.database.db, { limit })).map((a) => a.action);

describe('attendance import pages', () => {
  let s: InjectSession;
  let resultUrl: string;
  beforeAll(async () => {
    s = await organiser();
  });

  it('[403] a multipart form without its CSRF token is refused before the file is read', async () => {
    expectPage(await previewFile(s, fichier('r.csv', report), { csrf: null }), 403, 'Formulaire expiré');
  });

  it('[400] no file chosen: the field says so', async () => {
    expectPage(await previewFile(s), 400, 'Choisissez le fichier à importer.');
  });

  it('[422] a file that is not an export says why, on the form', async () => {
    expectPage(await previewFile(s, fichier('x.csv', Buffer.from('a;b\n1;2\n'))), 422, 'Format de fichier non reconnu');
  });

  it(
    '[200] previews a Zoom report: ' + 'format, encoding, window, who and why, unmatched rows; nothing stored',
    async () => {
      const res = await previewFile(s, fichier('rapport-zoom.csv', report, 'text/csv'));
      expectPage(res, 200, 'Zoom — rapport de webinaire', '<code>utf-8</code>');
      shows(res, 'helene.lefevre@mairie-valbrune.example', 'Zoé Martin', `name="empreinte" value="${sha256(report)}"`);
      expect(res.body).not.toContain('animation@civiteo.example');
      expect(await findLearner('helene.lefevre@mairie-valbrune.example')).toBeUndefined();
    },
  );

  it('[409] confirming with another file shows that file’s preview and saves nothing', async () => {
    const res = await h.confirmFile(s, 'autre.csv', h.otherReport());
    expectPage(res, 409, 'Ce n’est pas le fichier de l’aperçu', 'autre@x.example');
    expect(await findLearner('autre@x.example')).toBeUndefined();
  });

  it('[303] confirming the same file commits it, audited, and shows the counts', async () => {
    const res = await h.confirmFile(s, 'rapport-zoom.csv', report);
    expect(res.statusCode).toBe(303);
    resultUrl = String(res.headers.location);
    expect(resultUrl).toMatch(/^\/organisateur\/evenements\/webinaire-1\/import\/[0-9a-f-]{36}$/);
    shows(await s.get(resultUrl), 'L’import est enregistré.', 'rapport-zoom.csv', 'Zoé Martin');
    expect(await findLearner('helene.lefevre@mairie-valbrune.example')).toBeDefined();
    expect(await auditActions(5)).toContain('attendance.import');
    expect((await s.get(h.IMPORT_URL)).body).toContain(resultUrl);
  });

  it('[303] the same file again changes nothing and says so', async () => {
    const preview = await previewFile(s, fichier('rapport-zoom.csv', report));
    expect(preview.body).toContain('Fichier déjà importé');
    expect(preview.body).not.toContain('Confirmer l’import</button>');
  });

  it('[400→303] an unmatched row is matched to a learner by e-mail', async () => {
    const page = await s.get(resultUrl);
    const rowId = /action="\/organisateur\/lignes\/([0-9a-f-]{36})\/rattacher"/.exec(page.body)![1]!;
    const line = /id="ligne-(\d+)"/.exec(page.body)![1]!;
    const attach = (email: string) => s.post(`/organisateur/lignes/${rowId}/rattacher`, { [`email-${line}`]: email });
    expectPage(await attach('pas-une-adresse'), 400, 'Indiquez une adresse e-mail valide.');
    const res = await attach('zoe.martin@dept.example');
    expect(res.statusCode).toBe(303);
    const after = await s.get(String(res.headers.location).split('#')[0]!);
    shows(after, 'Rattachée à zoe.martin@dept.example', 'est rattachée à zoe.martin@dept.example');
  });
});

describe('learner pages for organisers', () => {
  let s: InjectSession;
  let id: string;
  beforeAll(async () => {
    s = await organiser();
    id = await attend(ctx, 'camille.roux@commune.example', [...WEBINARS, 'atelier-admin']);
  });
  const open = () => s.get(`/organisateur/apprenants/${id}`);
  const send = (form: string, fields: Record<string, string>) =>
    s.post(`/organisateur/apprenants/${id}/${form}`, fields);

  it('[200] searches and pages the learners', async () => {
    const res = await s.get('/organisateur/apprenants?q=camille');
    expectPage(res, 200, 'camille.roux@commune.example', '1 apprenant(s) pour « camille »');
    const none = await s.get('/organisateur/apprenants?q=personne-inconnue');
    expect(none.body).toContain('Aucun apprenant ne correspond.');
  });

  it('[200] shows attendance with its source, badges and forms', async () => {
    expectPage(await open(), 200, 'Saisie à la main', 'Attribuer un badge à la main');
    expect((await s.get('/organisateur/apprenants/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('[400→303] records a replay by hand, which the page then shows', async () => {
    await open();
    const bad = await send('presence', { evenement: '', statut: 'replay', minutes: '-3' });
    expectPage(bad, 400, 'Choisissez un événement.', 'Indiquez un nombre de minutes entre 0 et 1440.');
    const replay = { evenement: 'atelier-juridique', statut: 'replay', minutes: '', note: 'Replay vu le 20 avril' };
    expect((await send('presence', replay)).statusCode).toBe(303);
    shows(await open(), 'Replay vu le 20 avril', 'La présence à « Atelier 1');
  });

  it('[303] awards a badge by hand with a reason, then revokes its credential with a reason', async () => {
    await open();
    expect((await send('attribution', { badge: 'data-admin', motif: '' })).statusCode).toBe(400);
    expect(
      (await send('attribution', { badge: 'data-admin', motif: 'Questionnaire rempli sur papier' })).statusCode,
    ).toBe(303);
    let page = await open();
    shows(page, 'Le badge « data admin » est attribué.', 'Questionnaire rempli sur papier');
    const credentialId = /\/badges\/([0-9a-f-]{36})\/revocation/.exec(page.body)![1]!;
    const revoke = (motif: string) =>
      send(`badges/${credentialId}/revocation`, { [`motif-${credentialId.slice(0, 8)}`]: motif });
    expectPage(await revoke('x'), 400, 'Indiquez un motif d’au moins 3 caractères.');
    expect((await revoke('Attribué par erreur')).statusCode).toBe(303);
    page = await open();
    shows(page, 'Le badge « data admin » est révoqué.', 'Attribué par erreur');
    // Already revoked: the service's refusal is shown, with its status.
    expect((await revoke('Encore')).statusCode).toBe(409);
    expect(await auditActions(10)).toEqual(
      expect.arrayContaining(['award.manual', 'credential.revoke', 'attendance.set']),
    );
  });

  it('[400→303] merges a duplicate into this record', async () => {
    const duplicate = await attend(ctx, 'c.roux@perso.example', ['atelier-management']);
    await open();
    expectPage(await send('fusion', { doublon: 'c.roux@perso.example' }), 400, 'Cochez la confirmation.');
    const fuse = (doublon: string) => send('fusion', { doublon, confirmation: 'oui' });
    expect((await fuse('nobody@x.example')).body).toContain('Aucune fiche avec cette adresse e-mail.');
    expect((await fuse('camille.roux@commune.example')).statusCode).toBe(400);
    expect((await fuse('c.roux@perso.example')).statusCode).toBe(303);
    expect((await open()).body).toContain('La fiche c.roux@perso.example est fusionnée dans celle-ci.');
    expect(await findLearner('c.roux@perso.example')).toBeUndefined();
    expect((await s.get(`/organisateur/apprenants/${duplicate}`)).statusCode).toBe(404);
  });

  it('[200] shows the cohort matrix, filters by organisation, and links a CSV the session can download', async () => {
    expectPage(await s.get('/organisateur/progression'), 200, 'camille.roux@commune.example');
    const filtered = await s.get(`/organisateur/progression?organisation=${encodeURIComponent('Mairie de Valbrune')}`);
    expect(filtered.body).toContain('Hélène Lefèvre');
    expect(filtered.body).not.toContain('camille.roux@commune.example');
    const csvHref = /href="(\/api\/reports\/progress\.csv\?[^"]+)"/.exec(filtered.body)![1]!.replace(/&amp;/g, '&');
    const csv = await s.get(csvHref);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('Hélène Lefèvre');
  });
});

describe('questionnaire, my badges, public page, verifier', () => {
  const email = 'lea.bernard@commune.example';
  let id: string;
  let learner: InjectSession;
  let credentialId: string;
  beforeAll(async () => {
    id = await attend(ctx, email, [...WEBINARS, 'atelier-admin']);
    learner = learnerSession(id, email);
  });

  it('[422] names each unanswered question beside it and keeps the answers given', async () => {
    expectPage(await learner.get('/questionnaires/quiz-admin'), 200, 'type="checkbox"', '<textarea');
    const res = await learner.post('/questionnaires/quiz-admin', { q1: 'a' });
    expectPage(res, 422, 'Question 2 : une réponse est attendue.');
    expect(res.body).toMatch(/id="champ-q1-a" name="q1" value="a" checked/);
  });

  it('[303→200] submits every answer, shows the score and the correction, and the badge', async () => {
    await learner.get('/questionnaires/quiz-admin');
    const res = await h.postAnswers(ctx, learner, '/questionnaires/quiz-admin', perfectAnswers(ctx, 'quiz-admin'));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const result = await learner.get(String(res.headers.location));
    expect(result.body).toContain('Votre résultat');
    expect(result.body).toMatch(/100\s%/u);
    expect(result.body).toContain('Correction');
    const pathway = await learner.get('/mon-parcours');
    expect(pathway.body).toContain('Voir mon badge');
    credentialId = /href="\/credentials\/([0-9a-f-]{36})"/.exec(pathway.body)![1]!;
    // Someone else's attempt is not found.
    const other = learnerSession('00000000-0000-4000-8000-000000000009', 'x@y.example');
    expect((await other.get(String(res.headers.location))).statusCode).toBe(404);
  });

  it('[200] Mes badges lists the credential with downloads, LinkedIn, copy-link and a QR code', async () => {
    const res = await learner.get('/mes-badges');
    const downloads = ['json', 'jwt', 'png', 'svg'].map((ext) => `href="/credentials/${credentialId}.${ext}"`);
    expectPage(res, 200, ...downloads, 'https://www.linkedin.com/profile/add?');
    expect(res.body).toContain(`value="http://parcours.test/credentials/${credentialId}"`);
    expect(res.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code/);
  });

  it(
    '[200] the public page answers browsers in HTML with OpenGraph tags and a live verification; ' + 'others get JSON',
    async () => {
      const page = await h.browserGet(ctx, `/credentials/${credentialId}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      const ogImage = '<meta property="og:image" content="http://parcours.test/achievements/data-admin/image.png">';
      shows(page, '<meta property="og:title" content="data admin', ogImage, 'data-verdict="valid"');
      expect(page.body).not.toContain(email);
      const json = await h.jsonGet(ctx, `/credentials/${credentialId}`);
      expect(json.headers['content-type']).toMatch(/^application\/vc\+ld\+json/);
      const missing = await new InjectSession(ctx.app).get('/credentials/00000000-0000-4000-8000-000000000000');
      expectPage(missing, 404, 'Badge numérique introuvable');
    },
  );

  it('[200] the verifier checks a pasted credential, a baked PNG, and a tampered one', async () => {
    const v = new InjectSession(ctx.app);
    await v.get('/verifier');
    const json = (await ctx.app.inject({ url: `/credentials/${credentialId}.json` })).body;
    expectPage(await v.postMultipart('/verifier', { credential: json }), 200, 'data-verdict="valid"');
    const png = (await ctx.app.inject({ url: `/credentials/${credentialId}.png` })).rawPayload;
    const baked = await v.postMultipart('/verifier', { credential: '' }, fichier('badge.png', png, 'image/png'));
    shows(baked, 'data-verdict="valid"', 'Format lu : PNG');
    const forged = replaceItxtText(png, 'data admin', 'data tricheur');
    const tampered = await v.postMultipart('/verifier', { credential: '' }, fichier('badge.png', forged, 'image/png'));
    expect(tampered.body).toContain('data-verdict="invalid"');
    expect((await v.postMultipart('/verifier', { credential: '' })).statusCode).toBe(400);
    const garbage = await v.postMultipart('/verifier', { credential: 'bonjour' });
    expectPage(garbage, 400, 'Impossible de lire ce fichier comme un badge');
  });

  it('[200] a closed questionnaire says when it opens', async () => {
    const s = await organiser();
    await h.postponeWorkshop(s);
    const res = await learner.get('/questionnaires/quiz-juridique');
    shows(res, 'Ce questionnaire n’est pas encore ouvert', '2099');
    expect(res.body).not.toContain('Envoyer mes réponses');
    expect((await answer(ctx, learnerAuth(ctx, id, email), 'quiz-juridique')).statusCode).toBe(409);
  });
});
