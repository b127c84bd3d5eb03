import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { ADMIN, type TestContext } from '../helpers/app';
import { zoomWebinarReport } from '../imports/zoom-report';
import { InjectSession } from './inject-session';

/** Sessions, files and requests behind tests/pages/pages-flows.test.ts. */
export const IMPORT_URL = '/organisateur/evenements/webinaire-1/import';

export const organiser = async (ctx: TestContext) => {
  const s = new InjectSession(ctx.app);
  await s.get('/organisateur/connexion');
  expect((await s.post('/organisateur/connexion', { ...ADMIN, suite: '/organisateur' })).statusCode).toBe(303);
  return s;
};
/** A learner's browser session: the same JWT the magic link would set, in the page cookie. */
export const learnerSession = (ctx: TestContext, id: string, email: string) => {
  const s = new InjectSession(ctx.app);
  s.cookies.set('parcours_session', ctx.app.signToken({ sub: id, role: 'learner', email }));
  return s;
};
export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const report = zoomWebinarReport(
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
/** Another export than the previewed one. */
export const otherReport = () =>
  zoomWebinarReport([
    { name: 'Autre Personne', email: 'autre@x.example', join: '10:00:00', leave: '12:00:00', minutes: 120 },
  ]);

/** The file field of a multipart form. */
export const fichier = (name: string, bytes: Buffer, type?: string) => ({
  field: 'fichier',
  name,
  bytes,
  ...(type ? { type } : {}),
});
/** Posts the import form of webinaire-1 (open it first for its CSRF token). */
export const postImport = (
  s: InjectSession,
  fields: Record<string, string>,
  file?: ReturnType<typeof fichier>,
  options?: { csrf?: string | null },
) => s.postMultipart(IMPORT_URL, fields, file, options);

/** Confirms the import of a file, with the fingerprint of the previewed report. */
export const confirmFile = (s: InjectSession, name: string, bytes: Buffer) =>
  postImport(s, { etape: 'confirmer', empreinte: sha256(report) }, fichier(name, bytes));

/** Posts a questionnaire with several values per field, as checkboxes do, with the session's token. */
export const postAnswers = (
  ctx: TestContext,
  learner: InjectSession,
  url: string,
  answers: Record<string, unknown>,
) => {
  const body = new URLSearchParams({ _csrf: learner.csrf });
  for (const [k, v] of Object.entries(answers)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, String(x));
  return ctx.app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    headers: {
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...learner.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
};

/** Moves Atelier 1 to 2099 (from its edit form): its questionnaire is not open yet. */
export const postponeWorkshop = async (s: InjectSession) => {
  await s.get('/organisateur/evenements/atelier-juridique');
  return s.post('/organisateur/evenements/atelier-juridique', LATE_WORKSHOP);
};
const LATE_WORKSHOP = {
  title: 'Atelier 1',
  kind: 'workshop',
  startsAt: '2099-04-09T09:30',
  endsAt: '2099-04-09T12:30',
  timezone: 'Europe/Paris',
  presencePercent: '50',
};

/** The response has this status and its page shows each text. */
export const expectPage = (res: { statusCode: number; body: string }, status: number, ...texts: string[]) => {
  expect(res.statusCode).toBe(status);
  for (const text of texts) expect(res.body).toContain(text);
};
/** A credential fetched as JSON. */
export const jsonGet = (ctx: TestContext, url: string) =>
  ctx.app.inject({ url, headers: { accept: 'application/json' } });
/** A page fetched as a browser asks for it (HTML first, anything else last). */
export const browserGet = (ctx: TestContext, url: string) =>
  new InjectSession(ctx.app, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }).get(url);
/** The page shows each text. */
export const shows = (res: { body: string }, ...texts: string[]) => {
  for (const text of texts) expect(res.body).toContain(text);
};
/** Opens the import form of webinaire-1, then sends a file to preview. */
export const previewFile = async (
  s: InjectSession,
  ...args: Parameters<typeof postImport> extends [unknown, unknown, ...infer R] ? R : never
) => {
  await s.get(IMPORT_URL);
  return postImport(s, { etape: 'apercu' }, ...args);
};
