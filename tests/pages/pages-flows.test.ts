import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestApp, type TestContext } from '../helpers/app';
import { zoomWebinarReport } from '../imports/zoom-report';
import { answer, attend, learnerAuth, perfectAnswers, WEBINARS } from '../badges/helpers';
import { replaceItxtText } from '../credentials/png-reader';
import { listAudit } from '../../src/audit/audit.store';
import { findLearnerByEmail } from '../../src/learners/learners.store';
import { InjectSession } from './inject-session';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

const organiser = async () => {
  const s = new InjectSession(ctx.app);
  await s.get('/organisateur/connexion');
  expect((await s.post('/organisateur/connexion', { ...ADMIN, suite: '/organisateur' })).statusCode).toBe(303);
  return s;
};
/** A learner's browser session: the same JWT the magic link would set, in the page cookie. */
const learnerSession = (id: string, email: string) => {
  const s = new InjectSession(ctx.app);
  s.cookies.set('parcours_session', ctx.app.signToken({ sub: id, role: 'learner', email }));
  return s;
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const report = zoomWebinarReport(
  [
    {
      name: 'Hélène Lefèvre',
      email: 'helene.lefevre@mairie-valbrune.example',
      join: '10:01:12',
      leave: '11:31:40',
      minutes: 91,
      org: 'Mairie de Valbrune',
    },
    { name: 'Marc Dupont', email: 'marc.dupont@cc-des-lacs.example', join: '10:00:00', leave: '10:30:00', minutes: 30 },
  ],
  [{ name: 'Animatrice Civiteo', email: 'animation@civiteo.example' }],
  [{ name: 'Zoé Martin', join: '10:00:00', leave: '11:40:00', minutes: 100 }],
);

describe('attendance import pages', () => {
  let s: InjectSession;
  let resultUrl: string;
  beforeAll(async () => {
    s = await organiser();
  });

  it('[403] a multipart form without its CSRF token is refused before the file is read', async () => {
    await s.get('/organisateur/evenements/webinaire-1/import');
    const res = await s.postMultipart(
      '/organisateur/evenements/webinaire-1/import',
      { etape: 'apercu' },
      { field: 'fichier', name: 'r.csv', bytes: report },
      { csrf: null },
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formulaire expiré');
  });

  it('[400] no file chosen: the field says so', async () => {
    await s.get('/organisateur/evenements/webinaire-1/import');
    const res = await s.postMultipart('/organisateur/evenements/webinaire-1/import', { etape: 'apercu' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choisissez le fichier à importer.');
  });

  it('[422] a file that is not an export says why, on the form', async () => {
    await s.get('/organisateur/evenements/webinaire-1/import');
    const res = await s.postMultipart(
      '/organisateur/evenements/webinaire-1/import',
      { etape: 'apercu' },
      { field: 'fichier', name: 'x.csv', bytes: Buffer.from('a;b\n1;2\n') },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Format de fichier non reconnu');
  });

  it(
    '[200] previews a Zoom report: ' + 'format, encoding, window, who and why, unmatched rows; nothing stored',
    async () => {
      await s.get('/organisateur/evenements/webinaire-1/import');
      const res = await s.postMultipart(
        '/organisateur/evenements/webinaire-1/import',
        { etape: 'apercu' },
        { field: 'fichier', name: 'rapport-zoom.csv', bytes: report, type: 'text/csv' },
      );
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Zoom — rapport de webinaire');
      expect(res.body).toContain('<code>utf-8</code>');
      expect(res.body).toContain('helene.lefevre@mairie-valbrune.example');
      expect(res.body).toContain('Zoé Martin');
      expect(res.body).toContain(`name="empreinte" value="${sha256(report)}"`);
      expect(res.body).not.toContain('animation@civiteo.example');
      expect(await findLearnerByEmail(ctx.database.db, 'helene.lefevre@mairie-valbrune.example')).toBeUndefined();
    },
  );

  it('[409] confirming with another file shows that file’s preview and saves nothing', async () => {
    const other = zoomWebinarReport([
      { name: 'Autre Personne', email: 'autre@x.example', join: '10:00:00', leave: '12:00:00', minutes: 120 },
    ]);
    const res = await s.postMultipart(
      '/organisateur/evenements/webinaire-1/import',
      { etape: 'confirmer', empreinte: sha256(report) },
      { field: 'fichier', name: 'autre.csv', bytes: other },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Ce n’est pas le fichier de l’aperçu');
    expect(res.body).toContain('autre@x.example');
    expect(await findLearnerByEmail(ctx.database.db, 'autre@x.example')).toBeUndefined();
  });

  it('[303] confirming the same file commits it, audited, and shows the counts', async () => {
    const res = await s.postMultipart(
      '/organisateur/evenements/webinaire-1/import',
      { etape: 'confirmer', empreinte: sha256(report) },
      { field: 'fichier', name: 'rapport-zoom.csv', bytes: report },
    );
    expect(res.statusCode).toBe(303);
    resultUrl = String(res.headers.location);
    expect(resultUrl).toMatch(/^\/organisateur\/evenements\/webinaire-1\/import\/[0-9a-f-]{36}$/);
    const page = await s.get(resultUrl);
    expect(page.body).toContain('L’import est enregistré.');
    expect(page.body).toContain('rapport-zoom.csv');
    expect(page.body).toContain('Zoé Martin');
    expect(await findLearnerByEmail(ctx.database.db, 'helene.lefevre@mairie-valbrune.example')).toBeDefined();
    expect((await listAudit(ctx.database.db, { limit: 5 })).map((a) => a.action)).toContain('attendance.import');
    const history = await s.get('/organisateur/evenements/webinaire-1/import');
    expect(history.body).toContain(resultUrl);
  });

  it('[303] the same file again changes nothing and says so', async () => {
    await s.get('/organisateur/evenements/webinaire-1/import');
    const preview = await s.postMultipart(
      '/organisateur/evenements/webinaire-1/import',
      { etape: 'apercu' },
      { field: 'fichier', name: 'rapport-zoom.csv', bytes: report },
    );
    expect(preview.body).toContain('Fichier déjà importé');
    expect(preview.body).not.toContain('Confirmer l’import</button>');
  });

  it('[400→303] an unmatched row is matched to a learner by e-mail', async () => {
    const page = await s.get(resultUrl);
    const rowId = /action="\/organisateur\/lignes\/([0-9a-f-]{36})\/rattacher"/.exec(page.body)![1]!;
    const line = /id="ligne-(\d+)"/.exec(page.body)![1]!;
    const bad = await s.post(`/organisateur/lignes/${rowId}/rattacher`, { [`email-${line}`]: 'pas-une-adresse' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Indiquez une adresse e-mail valide.');
    const res = await s.post(`/organisateur/lignes/${rowId}/rattacher`, {
      [`email-${line}`]: 'zoe.martin@dept.example',
    });
    expect(res.statusCode).toBe(303);
    const after = await s.get(String(res.headers.location).split('#')[0]!);
    expect(after.body).toContain('Rattachée à zoe.martin@dept.example');
    expect(after.body).toContain('est rattachée à zoe.martin@dept.example');
  });
});

describe('learner pages for organisers', () => {
  let s: InjectSession;
  let id: string;
  beforeAll(async () => {
    s = await organiser();
    id = await attend(ctx, 'camille.roux@commune.example', [...WEBINARS, 'atelier-admin']);
  });

  it('[200] searches and pages the learners', async () => {
    const res = await s.get('/organisateur/apprenants?q=camille');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('camille.roux@commune.example');
    expect(res.body).toContain('1 apprenant(s) pour « camille »');
    expect((await s.get('/organisateur/apprenants?q=personne-inconnue')).body).toContain(
      'Aucun apprenant ne correspond.',
    );
  });

  it('[200] shows attendance with its source, badges and forms', async () => {
    const res = await s.get(`/organisateur/apprenants/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Saisie à la main');
    expect(res.body).toContain('Attribuer un badge à la main');
    expect((await s.get('/organisateur/apprenants/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('[400→303] records a replay by hand, which the page then shows', async () => {
    await s.get(`/organisateur/apprenants/${id}`);
    const bad = await s.post(`/organisateur/apprenants/${id}/presence`, {
      evenement: '',
      statut: 'replay',
      minutes: '-3',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choisissez un événement.');
    expect(bad.body).toContain('Indiquez un nombre de minutes entre 0 et 1440.');
    const res = await s.post(`/organisateur/apprenants/${id}/presence`, {
      evenement: 'atelier-juridique',
      statut: 'replay',
      minutes: '',
      note: 'Replay vu le 20 avril',
    });
    expect(res.statusCode).toBe(303);
    const page = await s.get(`/organisateur/apprenants/${id}`);
    expect(page.body).toContain('Replay vu le 20 avril');
    expect(page.body).toContain('La présence à « Atelier 1');
  });

  it('[303] awards a badge by hand with a reason, then revokes its credential with a reason', async () => {
    await s.get(`/organisateur/apprenants/${id}`);
    const missing = await s.post(`/organisateur/apprenants/${id}/attribution`, { badge: 'data-admin', motif: '' });
    expect(missing.statusCode).toBe(400);
    const res = await s.post(`/organisateur/apprenants/${id}/attribution`, {
      badge: 'data-admin',
      motif: 'Questionnaire rempli sur papier',
    });
    expect(res.statusCode).toBe(303);
    let page = await s.get(`/organisateur/apprenants/${id}`);
    expect(page.body).toContain('Le badge « data admin » est attribué.');
    expect(page.body).toContain('Questionnaire rempli sur papier');
    const credentialId = /\/badges\/([0-9a-f-]{36})\/revocation/.exec(page.body)![1]!;
    const field = `motif-${credentialId.slice(0, 8)}`;
    const short = await s.post(`/organisateur/apprenants/${id}/badges/${credentialId}/revocation`, { [field]: 'x' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Indiquez un motif d’au moins 3 caractères.');
    const revoked = await s.post(`/organisateur/apprenants/${id}/badges/${credentialId}/revocation`, {
      [field]: 'Attribué par erreur',
    });
    expect(revoked.statusCode).toBe(303);
    page = await s.get(`/organisateur/apprenants/${id}`);
    expect(page.body).toContain('Le badge « data admin » est révoqué.');
    expect(page.body).toContain('Attribué par erreur');
    // Already revoked: the service's refusal is shown, with its status.
    const again = await s.post(`/organisateur/apprenants/${id}/badges/${credentialId}/revocation`, {
      [field]: 'Encore',
    });
    expect(again.statusCode).toBe(409);
    const actions = (await listAudit(ctx.database.db, { limit: 10 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['award.manual', 'credential.revoke', 'attendance.set']));
  });

  it('[400→303] merges a duplicate into this record', async () => {
    const duplicate = await attend(ctx, 'c.roux@perso.example', ['atelier-management']);
    await s.get(`/organisateur/apprenants/${id}`);
    const unconfirmed = await s.post(`/organisateur/apprenants/${id}/fusion`, { doublon: 'c.roux@perso.example' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Cochez la confirmation.');
    const unknown = await s.post(`/organisateur/apprenants/${id}/fusion`, {
      doublon: 'nobody@x.example',
      confirmation: 'oui',
    });
    expect(unknown.body).toContain('Aucune fiche avec cette adresse e-mail.');
    const self = await s.post(`/organisateur/apprenants/${id}/fusion`, {
      doublon: 'camille.roux@commune.example',
      confirmation: 'oui',
    });
    expect(self.statusCode).toBe(400);
    const res = await s.post(`/organisateur/apprenants/${id}/fusion`, {
      doublon: 'c.roux@perso.example',
      confirmation: 'oui',
    });
    expect(res.statusCode).toBe(303);
    const page = await s.get(`/organisateur/apprenants/${id}`);
    expect(page.body).toContain('La fiche c.roux@perso.example est fusionnée dans celle-ci.');
    expect(await findLearnerByEmail(ctx.database.db, 'c.roux@perso.example')).toBeUndefined();
    expect((await s.get(`/organisateur/apprenants/${duplicate}`)).statusCode).toBe(404);
  });

  it('[200] shows the cohort matrix, filters by organisation, and links a CSV the session can download', async () => {
    const res = await s.get('/organisateur/progression');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('camille.roux@commune.example');
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
    const form = await learner.get('/questionnaires/quiz-admin');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('type="checkbox"');
    expect(form.body).toContain('<textarea');
    const res = await learner.post('/questionnaires/quiz-admin', { q1: 'a' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Question 2 : une réponse est attendue.');
    expect(res.body).toMatch(/id="champ-q1-a" name="q1" value="a" checked/);
  });

  it('[303→200] submits every answer, shows the score and the correction, and the badge', async () => {
    await learner.get('/questionnaires/quiz-admin');
    const answers = perfectAnswers(ctx, 'quiz-admin');
    const body = new URLSearchParams({ _csrf: learner.csrf });
    for (const [k, v] of Object.entries(answers)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, String(x));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/questionnaires/quiz-admin',
      payload: body.toString(),
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...learner.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
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
    expect(res.statusCode).toBe(200);
    for (const ext of ['json', 'jwt', 'png', 'svg'])
      expect(res.body).toContain(`href="/credentials/${credentialId}.${ext}"`);
    expect(res.body).toContain('https://www.linkedin.com/profile/add?');
    expect(res.body).toContain(`value="http://parcours.test/credentials/${credentialId}"`);
    expect(res.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code/);
  });

  it(
    '[200] the public page answers browsers in HTML with OpenGraph tags and a live verification; ' + 'others get JSON',
    async () => {
      const page = await new InjectSession(ctx.app, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }).get(
        `/credentials/${credentialId}`,
      );
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.body).toContain('<meta property="og:title" content="data admin');
      expect(page.body).toContain(
        `<meta property="og:image" content="http://parcours.test/achievements/data-admin/image.png">`,
      );
      expect(page.body).toContain('data-verdict="valid"');
      expect(page.body).not.toContain(email);
      const json = await ctx.app.inject({
        url: `/credentials/${credentialId}`,
        headers: { accept: 'application/json' },
      });
      expect(json.headers['content-type']).toMatch(/^application\/vc\+ld\+json/);
      const missing = await new InjectSession(ctx.app).get('/credentials/00000000-0000-4000-8000-000000000000');
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('Badge numérique introuvable');
    },
  );

  it('[200] the verifier checks a pasted credential, a baked PNG, and a tampered one', async () => {
    const v = new InjectSession(ctx.app);
    await v.get('/verifier');
    const json = (await ctx.app.inject({ url: `/credentials/${credentialId}.json` })).body;
    const pasted = await v.postMultipart('/verifier', { credential: json });
    expect(pasted.statusCode).toBe(200);
    expect(pasted.body).toContain('data-verdict="valid"');
    const png = (await ctx.app.inject({ url: `/credentials/${credentialId}.png` })).rawPayload;
    const baked = await v.postMultipart(
      '/verifier',
      { credential: '' },
      { field: 'fichier', name: 'badge.png', bytes: png, type: 'image/png' },
    );
    expect(baked.body).toContain('data-verdict="valid"');
    expect(baked.body).toContain('Format lu : PNG');
    const forged = replaceItxtText(png, 'data admin', 'data tricheur');
    const tampered = await v.postMultipart(
      '/verifier',
      { credential: '' },
      { field: 'fichier', name: 'badge.png', bytes: forged, type: 'image/png' },
    );
    expect(tampered.body).toContain('data-verdict="invalid"');
    const nothing = await v.postMultipart('/verifier', { credential: '' });
    expect(nothing.statusCode).toBe(400);
    const garbage = await v.postMultipart('/verifier', { credential: 'bonjour' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.body).toContain('Impossible de lire ce fichier comme un badge');
  });

  it('[200] a closed questionnaire says when it opens', async () => {
    const s = await organiser();
    await s.get('/organisateur/evenements/atelier-juridique');
    await s.post('/organisateur/evenements/atelier-juridique', {
      title: 'Atelier 1',
      kind: 'workshop',
      startsAt: '2099-04-09T09:30',
      endsAt: '2099-04-09T12:30',
      timezone: 'Europe/Paris',
      presencePercent: '50',
    });
    const res = await learner.get('/questionnaires/quiz-juridique');
    expect(res.body).toContain('Ce questionnaire n’est pas encore ouvert');
    expect(res.body).toContain('2099');
    expect(res.body).not.toContain('Envoyer mes réponses');
    expect((await answer(ctx, learnerAuth(ctx, id, email), 'quiz-juridique')).statusCode).toBe(409);
  });
});
