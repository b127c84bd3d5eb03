import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buildTestAppWithSmtp, type MailTestContext } from '../helpers/app';
import { addOrganiser } from '../../src/auth/organisers.service';
import { findEvent } from '../../src/events/events.store';
import { InjectSession } from './inject-session';
import {
  cookieOf,
  ELSEWHERE,
  expectFormExpired,
  expectOwnHeaders,
  expectStrictPageHeaders,
  hashedAssets,
  mailedLink,
  mailedToken,
  NOT_FOUND_JSON,
  expectOrganiserPagesDenied,
  prefetchTwice,
  signInOrganiser,
  webinarForm,
} from './pages-http.helpers';

let ctx: MailTestContext;
beforeAll(async () => {
  ctx = await buildTestAppWithSmtp();
});
afterAll(async () => ctx?.close());

const session = () => new InjectSession(ctx.app);
const magicLinkToken = (email: string) => mailedToken(ctx, email);

describe('page security headers', () => {
  it('[200] a page has a strict CSP, frame-ancestors none, referrer policy and nosniff', async () => {
    expectStrictPageHeaders(await session().get('/'));
  });

  it('[200] the JSON API and the /docs Swagger UI keep their own headers', async () => {
    expectOwnHeaders(await ctx.app.inject({ url: '/api/programme' }), /^application\/json/);
    const docs = await ctx.app.inject({ url: '/docs/json' });
    expect(docs.statusCode).toBe(200);
    const ui = await ctx.app.inject({ url: '/docs', headers: { accept: 'text/html' } });
    expectOwnHeaders(ui, 'text/html; charset=utf-8');
  });

  it('[200] assets have content-hashed names and are cached for a year', async () => {
    const page = await session().get('/');
    const [css, js] = hashedAssets(page.body);
    expect(css).toBeDefined();
    expect(js).toBeDefined();
    const res = await ctx.app.inject({ url: css! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await ctx.app.inject({ url: css!, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await ctx.app.inject({ url: '/assets/app.0000000000.css' })).statusCode).toBe(404);
  });
});

describe('not found', () => {
  it('[404] a browser gets a page, an API client the unchanged JSON envelope', async () => {
    const page = await session().get('/nulle-part?x=1');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Page introuvable');
    expect(page.body).toContain('/nulle-part');

    const json = await ctx.app.inject({ url: '/nulle-part', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual(NOT_FOUND_JSON);
    const post = await ctx.app.inject({ method: 'POST', url: '/nulle-part', headers: { accept: 'text/html' } });
    expect(post.json().code).toBe('NOT_FOUND');
    const api = await ctx.app.inject({ url: '/api/nulle-part', headers: { accept: 'text/html' } });
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Introuvable : /api/nulle-part' });
  });
});

describe('sessions and CSRF', () => {
  it('[303] organiser sign-in sets parcours_session HttpOnly, SameSite=Lax, not Secure over http', async () => {
    const s = session();
    const res = await signInOrganiser(s);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/organisateur');
    const cookie = cookieOf(res, 'parcours_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
    // The very JWT the API accepts as a bearer token.
    const api = await ctx.app.inject({ url: '/api/audit', headers: { authorization: `Bearer ${cookie.value}` } });
    expect(api.statusCode).toBe(200);
    expect((await s.get('/organisateur')).statusCode).toBe(200);
  });

  it('[401] a wrong password shows the API message and keeps the e-mail, never the password', async () => {
    const s = session();
    await s.get('/organisateur/connexion');
    const res = await s.post('/organisateur/connexion', { email: ADMIN.email, password: 'pas-le-bon-mot-de-passe' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(res.body).toContain(`value="${ADMIN.email}"`);
    expect(res.body).not.toContain('pas-le-bon-mot-de-passe');
  });

  it('[303] never redirects outside the organiser area after sign-in', async () => {
    const s = session();
    await s.get('/organisateur/connexion');
    const res = await s.post('/organisateur/connexion', { ...ADMIN, suite: 'https://ailleurs.example/organisateur' });
    expect(res.headers.location).toBe('/organisateur');
  });

  const csrfRefused =
    '[403] a form posted without its token, with a wrong one or without the CSRF cookie is refused with a clear page';
  it(csrfRefused, async () => {
    const s = session();
    await s.get('/organisateur/connexion');
    for (const res of [
      await s.post('/organisateur/connexion', ADMIN, { csrf: null }),
      await s.post('/organisateur/connexion', ADMIN, { csrf: 'faux-jeton' }),
      await session().post('/organisateur/connexion', ADMIN, { csrf: s.csrf }),
    ])
      expectFormExpired(res);
  });

  it('[200→303] the e-mailed link is consumed only by the confirm button, then opens Mon parcours', async () => {
    const token = await magicLinkToken('agent.pages@mairie-valbrune.fr');
    const s = session();
    // A mail scanner prefetching the link twice consumes nothing.
    await prefetchTwice(s, token);
    const res = await s.post('/connexion/lien', { token });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mon-parcours');
    expect(cookieOf(res, 'parcours_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const page = await s.get('/mon-parcours');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mon parcours');

    // Learner cookies never reach organiser pages.
    await expectOrganiserPagesDenied(s);
    // A used link shows the API's message.
    const again = await session()
      .post('/connexion/lien', { token }, { csrf: s.csrf })
      .catch(() => null);
    expect(again?.statusCode).toBe(403); // no CSRF cookie in a fresh session
    const reuse = await s.post('/connexion/lien', { token });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.body).toContain('Ce lien de connexion est invalide, a déjà servi ou a expiré.');
  });

  it('[303] anonymous visitors of organiser pages go to the organiser sign-in and come back', async () => {
    const asked = '/organisateur/courriels?statut=failed';
    const res = await session().get(asked);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/organisateur/connexion?suite=${encodeURIComponent(asked)}`);
    expect((await session().get('/mon-parcours')).headers.location).toBe('/connexion');
  });

  it('[403] the audit log is for admins only', async () => {
    await addOrganiser(ctx.database.db, null, { email: 'orga@parcours.test', password: 'mot-de-passe-orga-1' });
    const s = session();
    expect((await signInOrganiser(s, 'orga@parcours.test', 'mot-de-passe-orga-1')).statusCode).toBe(303);
    expect((await s.get('/organisateur/evenements')).statusCode).toBe(200);
    const res = await s.get('/organisateur/journal');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('réservée aux administrateurs');
  });

  it('[303] sign-out clears the session cookie, and a copy of the old cookie no longer works', async () => {
    const s = session();
    const signedIn = await signInOrganiser(s);
    const copied = String(cookieOf(signedIn, 'parcours_session')!.value);
    const withCopy = () =>
      ctx.app.inject({ method: 'GET', url: '/organisateur', cookies: { parcours_session: copied } });
    expect((await withCopy()).statusCode).toBe(200);
    const res = await s.post('/deconnexion', {});
    expect(res.statusCode).toBe(303);
    expect(cookieOf(res, 'parcours_session')?.value).toBe('');
    expect((await s.get('/organisateur')).statusCode).toBe(303);
    expect((await withCopy()).headers.location).toMatch(/^\/organisateur\/connexion/);
  });
});

describe('forms', () => {
  it('[400] an invalid presence ratio is refused beside its field and nothing is saved', async () => {
    const s = session();
    await signInOrganiser(s);
    const form = await s.get('/organisateur/evenements/webinaire-1');
    expect(form.statusCode).toBe(200);
    const before = await findEvent(ctx.database.db, 'webinaire-1');
    const res = await s.post('/organisateur/evenements/webinaire-1', webinarForm('150'));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Indiquez un nombre entre 0 et 100.');
    expect(res.body).toContain('aria-invalid="true"');
    expect(await findEvent(ctx.database.db, 'webinaire-1')).toEqual(before);

    const window = await s.post('/organisateur/evenements/webinaire-1', webinarForm('60'));
    expect(window.statusCode).toBe(400);
    expect(window.body).toContain('La fin de l’événement (endsAt) doit être postérieure à son début (startsAt).');
  });

  it('[303] a signed-out learner comes back to the page they asked for, through the e-mailed link', async () => {
    const s = session();
    const asked = await s.get('/questionnaires/quiz-admin');
    expect(asked.headers.location).toBe('/connexion?suite=%2Fquestionnaires%2Fquiz-admin');
    const form = await s.get(asked.headers.location!);
    expect(form.body).toContain('name="suite" value="/questionnaires/quiz-admin"');
    const sent = await s.post('/connexion', { email: 'retour@commune.example', suite: '/questionnaires/quiz-admin' });
    expect(sent.statusCode).toBe(200);
    const link = await mailedLink(ctx, 'retour@commune.example');
    expect(link).toContain('&suite=%2Fquestionnaires%2Fquiz-admin');
    const confirm = await s.get(link);
    expect(confirm.body).toContain('name="suite" value="/questionnaires/quiz-admin"');
    const token = /token=([\w-]+)/.exec(link)![1]!;
    const signedIn = await s.post('/connexion/lien', { token, suite: '/questionnaires/quiz-admin' });
    expect(signedIn.headers.location).toBe('/questionnaires/quiz-admin');
  });

  it.each(ELSEWHERE)('[303] never sends a learner elsewhere after sign-in (%s)', async (suite) => {
    const s = session();
    const token = await magicLinkToken(`ailleurs${Math.random().toString(36).slice(2)}@commune.example`);
    expect((await s.get(`/connexion/lien?token=${token}`)).statusCode).toBe(200);
    expect((await s.post('/connexion/lien', { token, suite })).headers.location).toBe('/mon-parcours');
  });

  it('[303] a destination with characters a header cannot carry is re-encoded, not a 500', async () => {
    const s = session();
    const token = await magicLinkToken('euro@commune.example');
    await s.get(`/connexion/lien?token=${token}`);
    const res = await s.post('/connexion/lien', { token, suite: '/mon-parcours?x=€' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mon-parcours?x=%E2%82%AC');
  });

  it('[400] the learner sign-in names an invalid e-mail address', async () => {
    const s = session();
    await s.get('/connexion');
    const res = await s.post('/connexion', { email: 'pas-une-adresse' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Indiquez une adresse e-mail valide');
  });

  it('[200] ?lang=en switches to English and is remembered in a cookie', async () => {
    const s = session();
    const res = await s.get('/?lang=en');
    expect(res.body).toContain('<html lang="en">');
    expect(cookieOf(res, 'lang')).toMatchObject({ value: 'en', httpOnly: true, sameSite: 'Lax' });
    const next = await s.get('/connexion');
    expect(next.body).toContain('<html lang="en">');
    expect(next.body).toContain('Sign in to your pathway');
  });
});
