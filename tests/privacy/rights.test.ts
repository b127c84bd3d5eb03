import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { answer, learnerAuth } from '../badges/helpers';
import { credentialsOf, earnTopic, verifyOverHttp } from '../credentials/app-helpers';
import { report } from '../imports/import-api.helpers';
import { hashIdentity } from '../../src/ob3/identity-hash';
import { createMailer } from '../../src/notifications/mailer';
import { privacyFooter } from '../../src/privacy/privacy.mail';
import { featureRowsOf, seedFeatureRows, tablesHolding, tokenMailedTo, unzip } from './privacy.helpers';

// Hélène exercises every right; Zoé, in the same file, is the other learner whose data must never leak.
const HELENE = 'helene.lefevre@mairie-valbrune.example';
const NEW_EMAIL = 'h.lefevre@valbrune-agglo.example';
const ZOE = 'zoe.martin@dept.example';

let ctx: TestContext;
let helene: string;
let zoe: string;
let auth: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  const imported = await importReport(false);
  expect(imported.statusCode, imported.body).toBe(201);
  helene = await learnerIdOf(HELENE);
  auth = learnerAuth(ctx, helene, HELENE);
  expect((await answer(ctx, auth, 'quiz-juridique')).statusCode).toBe(201);
  const award = await ctx.app.inject({
    method: 'POST',
    url: `/api/learners/${helene}/awards`,
    headers: await ctx.adminAuth(),
    payload: { badge: 'data-juridique', reason: 'Atelier suivi en rattrapage' },
  });
  expect(award.statusCode, award.body).toBe(201);
  zoe = await earnTopic(ctx, ZOE, 'management');
  const listed = await ctx.app.inject({
    method: 'PUT',
    url: '/api/me/directory',
    headers: auth,
    payload: { collectivite: 'Mairie de Valbrune', department: '35', consent: true, showSignInEmail: false },
  });
  expect(listed.statusCode, listed.body).toBe(200);
  await seedFeatureRows(ctx, helene);
}, 180_000);
afterAll(async () => ctx?.close());

async function importReport(dryRun: boolean) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/events/webinaire-1/imports?fileName=zoom-atelier.csv${dryRun ? '&dryRun=true' : ''}`,
    payload: report,
    headers: { ...(await ctx.adminAuth()), 'content-type': 'text/csv' },
  });
}

async function learnerIdOf(email: string): Promise<string> {
  const res = await ctx.app.inject({ url: `/api/learners?q=${email}`, headers: await ctx.adminAuth() });
  return res.json().learners[0].id;
}

const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = auth) =>
  ctx.app.inject({ method, url, payload, headers });

describe('access and portability (art. 15, 20)', () => {
  it('GET /api/me/export: a ZIP with every kind of data, each credential as .json and .jwt, a README', async () => {
    const res = await api('GET', '/api/me/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzip(res.rawPayload);
    const data = JSON.parse(files['mes-donnees.json']!);
    expect(data.identity).toMatchObject({ id: helene, email: HELENE, organisation: 'Mairie de Valbrune' });
    const fromFile = data.attendance.find((a: { eventKey: string }) => a.eventKey === 'webinaire-1');
    // 10:01:12 → 11:31:40 in the file: about 90 minutes.
    expect(fromFile).toMatchObject({ sourceFile: 'zoom-atelier.csv', minutes: expect.closeTo(90.5, 0) });
    expect(data.answers[0]).toMatchObject({ quizKey: 'quiz-juridique', complete: true });
    expect(data.answers[0].answers).toBeTypeOf('object');
    expect(data.awards.map((a: { badgeKey: string }) => a.badgeKey)).toContain('data-juridique');
    expect(data.credentials.length).toBeGreaterThan(0);
    for (const c of data.credentials) {
      expect(JSON.parse(files[`credentials/${c.id}.json`]!).type).toContain('OpenBadgeCredential');
      expect(files[`credentials/${c.id}.jwt`]!.split('.')).toHaveLength(3);
    }
    expect(data.emails.map((m: { template: string }) => m.template)).toContain('award');
    expect(data.consents).toMatchObject([{ purpose: 'directory', given: true }]);
    expect(data.directory).toMatchObject({ listed: true, department: '35' });
    expect(data.audit.length).toBeGreaterThan(0);
    expect(data.apiGrants).toMatchObject([{ client: 'Plateforme Emploi', scope: 'ob:read', revoked: false }]);
    expect(data.wallet.nameOnBadges).toEqual({ shown: false, decidedAt: expect.stringMatching(/^2026-01-05/) });
    expect(data.reminders.optOuts).toMatchObject([{ kind: 'all' }]);
    expect(files['mes-donnees.json']).not.toMatch(/secret-(token|code)-hash/);
    for (const key of ['identity', 'attendance', 'answers', 'awards', 'credentials', 'emails', 'consents', 'audit'])
      expect(files['README.txt']).toContain(`- ${key} :`);
    for (const key of ['apiGrants', 'wallet', 'reminders']) expect(files['README.txt']).toContain(`- ${key} :`);
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toContain(ZOE);
      expect(text, name).not.toContain('Zoé');
      expect(text, name).not.toContain(zoe);
    }
  });

  it('an organiser produces the same export for a learner, and the audit log records it', async () => {
    const admin = await ctx.adminAuth();
    const res = await api('GET', `/api/learners/${helene}/export`, undefined, admin);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(unzip(res.rawPayload)['mes-donnees.json']!).identity.id).toBe(helene);
    const audit = (await api('GET', '/api/audit?limit=5', undefined, admin)).json();
    const entries = audit.entries ?? audit;
    expect(
      entries.some((e: { action: string; targetId: string }) => e.action === 'learner.export' && e.targetId === helene),
    ).toBe(true);
  });
});

describe('rectification (art. 16)', () => {
  it('PATCH /api/me corrects name and organisation', async () => {
    const res = await api('PATCH', '/api/me', { name: 'Hélène Lefèvre-Morel', organisation: 'Valbrune Agglo' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ name: 'Hélène Lefèvre-Morel', organisation: 'Valbrune Agglo' });
  });

  it('an e-mail change is confirmed from the new address; credentials re-issued, old ones « remplacé »', async () => {
    const before = await credentialsOf(ctx, helene, HELENE);
    const asked = await api('POST', '/api/me/email', { email: NEW_EMAIL });
    expect(asked.statusCode, asked.body).toBe(202);
    const token = await tokenMailedTo(ctx, NEW_EMAIL, 'courriel');
    const done = await api('POST', '/api/me/email/confirm', { token }, {} as never);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().reissued).toHaveLength(before.length);
    expect((await api('POST', '/api/me/email/confirm', { token }, {} as never)).statusCode).toBe(400);

    auth = learnerAuth(ctx, helene, NEW_EMAIL);
    const after = await credentialsOf(ctx, helene, NEW_EMAIL);
    for (const old of before) {
      // Replaced (revoked « remplacé », replaced_by set): no longer in her list, verified as revoked.
      expect(after.find((c) => c.id === old.id)).toBeUndefined();
      const json = (await ctx.app.inject({ url: `/credentials/${old.id}`, headers: { accept: 'application/json' } }))
        .body;
      expect((await verifyOverHttp(ctx, json, 'application/json')).json().valid).toBe(false);
    }
    for (const fresh of after.filter((c) => c.status === 'active')) {
      const res = await ctx.app.inject({ url: `/credentials/${fresh.id}`, headers: { accept: 'application/json' } });
      expect((await verifyOverHttp(ctx, res.body, 'application/json')).json().valid).toBe(true);
      const { identityHash, salt } = JSON.parse(res.body).credentialSubject.identifier[0];
      expect(identityHash).toBe(hashIdentity(NEW_EMAIL, salt));
    }
    expect(after.filter((c) => c.status === 'active')).toHaveLength(before.length);
  });
});

describe('erasure (art. 17)', () => {
  let kept: string[];
  it('« Supprimer mon compte » is confirmed by the e-mailed link; credentials stay valid by default', async () => {
    kept = (await credentialsOf(ctx, helene, NEW_EMAIL)).filter((c) => c.status === 'active').map((c) => c.id);
    expect((await api('POST', '/api/me/erasure', {})).statusCode).toBe(202);
    const token = await tokenMailedTo(ctx, NEW_EMAIL, 'suppression');
    const res = await api('POST', '/api/me/erasure/confirm', { token }, {} as never);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reference: expect.stringMatching(/^effacement-/), revokedCredentials: 0 });
    for (const id of kept) {
      const json = (await ctx.app.inject({ url: `/credentials/${id}`, headers: { accept: 'application/json' } })).body;
      expect((await verifyOverHttp(ctx, json, 'application/json')).json().valid, id).toBe(true);
    }
  });

  it('nothing searchable finds her: learners search, reports, directory, every table', async () => {
    const admin = await ctx.adminAuth();
    for (const q of ['Lefèvre', 'Valbrune', NEW_EMAIL, HELENE, 'effacement'])
      expect((await api('GET', `/api/learners?q=${encodeURIComponent(q)}`, undefined, admin)).json().total, q).toBe(0);
    const all = (await api('GET', '/api/learners?limit=200', undefined, admin)).json().learners;
    expect(all.map((l: { id: string }) => l.id)).not.toContain(helene);
    const csv = (await api('GET', '/api/reports/progress.csv', undefined, admin)).body;
    expect(csv).not.toMatch(/Lef[eè]vre|valbrune/i);
    expect(JSON.stringify((await api('GET', '/api/directory')).json())).not.toMatch(/Lef[eè]vre|Valbrune/i);
    for (const needle of [HELENE, NEW_EMAIL, 'Lefèvre', 'Hélène'])
      expect(await tablesHolding(ctx, needle), needle).toEqual([]);
    expect(Object.entries(await featureRowsOf(ctx, helene)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await tablesHolding(ctx, ZOE)).not.toEqual([]); // the scan does find someone who is still there
  });

  it('a re-import of the same file reports her as erased and creates nothing', async () => {
    const preview = await importReport(true);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.erased).toEqual([{ lines: expect.any(Array), message: 'personne ayant demandé l’effacement' }]);
    expect(body.people.map((p: { email: string }) => p.email)).not.toContain(HELENE);
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('IMPORT_PEOPLE_ERASED');
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/events/webinaire-2/imports?fileName=zoom.csv',
      payload: report,
      headers: { ...(await ctx.adminAuth()), 'content-type': 'text/csv' },
    });
    expect(other.statusCode, other.body).toBe(201);
    expect((await importReport(false)).json()).toMatchObject({ learnersCreated: 0, attendanceCreated: 0 });
    expect(await tablesHolding(ctx, HELENE)).toEqual([]);
  });

  it('an organiser erases a learner and revokes her credentials: they verify as revoked', async () => {
    const ids = (await credentialsOf(ctx, zoe, ZOE)).map((c) => c.id);
    const res = await api('POST', `/api/learners/${zoe}/erasure`, { revokeCredentials: true }, await ctx.adminAuth());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revokedCredentials).toBe(ids.length);
    for (const id of ids) {
      const json = (await ctx.app.inject({ url: `/credentials/${id}`, headers: { accept: 'application/json' } })).body;
      const checks = (await verifyOverHttp(ctx, json, 'application/json')).json().checks;
      expect(checks.find((c: { check: string }) => c.check === 'status').code).toBe('VERIFY_STATUS_REVOKED');
    }
    expect(await tablesHolding(ctx, ZOE)).toEqual([]);
  });
});

describe('the privacy notice', () => {
  it('every e-mail ends with the notice’s address', async () => {
    const lines: string[] = [];
    const mailer = createMailer({
      from: 'x@parcours.test',
      log: { info: (_o: object, text: string) => lines.push(text) } as never,
      footer: privacyFooter('http://parcours.test'),
    });
    await mailer.send({ to: 'a@b.example', subject: 's', text: 'Bonjour' });
    expect(lines[0]).toContain('http://parcours.test/confidentialite');
  });
});
