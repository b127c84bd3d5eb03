import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { errorTexts, translate } from '../../src/text';
import { pickLang } from '../../src/shared/i18n';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
  // A route that fails the way a bug does, to check that 5xx answers leak nothing.
  ctx.app.get('/__boom', async () => {
    throw new Error('secret internal detail: password=hunter2');
  });
});
afterAll(async () => ctx?.close());

describe('error envelope', () => {
  it('[404] answers {code, message, requestId} in French by default', async () => {
    const res = await ctx.app.inject({ url: '/nulle-part' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Introuvable : /nulle-part',
      requestId: expect.any(String),
    });
  });

  it('[404] answers in English when Accept-Language prefers it', async () => {
    const res = await ctx.app.inject({ url: '/nowhere', headers: { 'accept-language': 'en-US,en;q=0.8' } });
    expect(res.json().message).toBe('Not found: /nowhere');
  });

  it('[400] validation names every failing field, in both languages', async () => {
    const payload = { email: 'pas-une-adresse', password: '' };
    const fr = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      headers: { 'accept-language': 'en' },
    });
    expect(fr.statusCode).toBe(400);
    expect(fr.json().code).toBe('VALIDATION_FAILED');
    expect(fr.json().message).toMatch(/^Requête invalide : .*email/);
    expect(en.json().message).toMatch(/^Invalid request: .*email/);
    const fields = fr.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('[400] a malformed JSON body is a clear refusal, not a 500', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });

  it('[500] hides the internals', async () => {
    const res = await ctx.app.inject({ url: '/__boom', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('INTERNAL_ERROR');
    expect(res.body).not.toContain('hunter2');
    expect(res.json().message).toMatch(/Erreur interne/);
  });
});

describe('message catalogue', () => {
  it('has a French and an English text for every code, and they differ', () => {
    const params = {
      summary: 's',
      reason: 'r',
      resource: 'x',
      limit: '1',
      type: 't',
      seconds: 5,
      email: 'e',
      key: 'k',
      id: 'i',
      timezone: 'z',
      count: 1,
      problems: 'p',
    };
    const codes = errorTexts.flatMap((text) => Object.keys(text.fr));
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      const fr = translate(code, params, 'fr');
      const en = translate(code, params, 'en');
      expect(fr.length, code).toBeGreaterThan(0);
      expect(en.length, code).toBeGreaterThan(0);
      expect(fr, code).not.toBe(en);
    }
  });

  it('picks French unless English is preferred', () => {
    expect(pickLang(undefined)).toBe('fr');
    expect(pickLang('de-DE,en;q=0.5')).toBe('en');
    expect(pickLang('fr-FR,en;q=0.9')).toBe('fr');
    expect(pickLang('en;q=0.4,fr;q=0.8')).toBe('fr');
    expect(pickLang('en', 'fr')).toBe('fr');
  });
});
