import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildTestApp, type TestContext } from '../helpers/app';
import { browse, waitForHeading } from '../helpers/browser';
import { attend, learnerAuth } from '../badges/helpers';
import { learnerCookie } from '../pages/journey.helpers';
import { unzip } from './privacy.helpers';

// Camille holds a badge and joins « Relais data du territoire » in a browser; Yann (a badge, no
// public contact) is listed through the API; Inès has no badge and may not join.
const CAMILLE = 'camille.roux@rennes.example';
const YANN = 'yann.le-goff@quimper.example';

let ctx: TestContext;
let browser: Browser;
let page: Page;
let base: string;
let camille: string;
let yann: string;

async function holder(email: string, name: string, organisation: string) {
  const id = await attend(ctx, email, ['webinaire-1']);
  const award = await ctx.app.inject({
    method: 'POST',
    url: `/api/learners/${id}/awards`,
    headers: await ctx.adminAuth(),
    payload: { badge: 'data-juridique', reason: 'Parcours validé en commission' },
  });
  expect(award.statusCode, award.body).toBe(201);
  const named = await ctx.app.inject({
    method: 'PATCH',
    url: '/api/me',
    headers: learnerAuth(ctx, id, email),
    payload: { name, organisation },
  });
  expect(named.statusCode, named.body).toBe(200);
  return id;
}

beforeAll(async () => {
  ctx = await buildTestApp();
  camille = await holder(CAMILLE, 'Camille Roux', 'Mairie de Rennes (35)');
  yann = await holder(YANN, 'Yann Le Goff', 'Ville de Quimper');
  const listed = await ctx.app.inject({
    method: 'PUT',
    url: '/api/me/directory',
    headers: learnerAuth(ctx, yann, YANN),
    payload: { collectivite: 'Ville de Quimper', department: '29', consent: true, showSignInEmail: false },
  });
  expect(listed.statusCode, listed.body).toBe(200);
  ({ base, browser, page } = await browse(ctx.app));
  await page.context().addCookies([learnerCookie(ctx, base, camille, CAMILLE)]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const relays = (p: Page) => p.locator('[data-relay] h4').allInnerTexts();

describe('« Relais data du territoire »', () => {
  it('is off by default; a badge holder opts in from « Mes données » and is found by department', async () => {
    await page.goto('/relais');
    await waitForHeading(page, 'Relais data du territoire');
    expect(await relays(page)).toEqual(['Yann Le Goff']);

    await page.goto('/mes-donnees');
    await waitForHeading(page, 'Mes données');
    await page.getByText('Vous ne figurez pas dans l’annuaire').waitFor();
    expect(await page.getByLabel('Département').inputValue()).toBe('35');
    await page.getByLabel('Adresse de contact professionnelle publique').fill('relais.data@rennes.example');
    await page.getByLabel('J’accepte de figurer dans l’annuaire').check();
    await page.getByRole('button', { name: 'Figurer dans l’annuaire' }).click();
    await page.getByText('Vous figurez dans l’annuaire des relais data.').waitFor();

    await page.goto('/relais');
    await page.getByLabel('Département', { exact: true }).fill('35');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/departement=35/);
    expect(await relays(page)).toEqual(['Camille Roux']);
    const card = page.locator('[data-relay]', { hasText: 'Camille Roux' });
    expect(await card.getByRole('link', { name: 'relais.data@rennes.example' }).count()).toBe(1);
    expect(await card.textContent()).not.toContain(CAMILLE);
    const badge = card.getByRole('link', { name: /Juridique|juridique|RGPD/i }).first();
    expect(await badge.getAttribute('href')).toMatch(/^\/credentials\//);
  });

  it('the CSV for community managers holds only what people agreed to show', async () => {
    const res = await ctx.app.inject({ url: '/api/directory/export.csv', headers: await ctx.adminAuth() });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Camille Roux;Mairie de Rennes (35);35;');
    expect(res.body).toContain('relais.data@rennes.example');
    expect(res.body).toMatch(/Yann Le Goff;Ville de Quimper;29;[^;]+;\r\n/);
    expect(res.body).not.toContain(CAMILLE);
    expect(res.body).not.toContain(YANN);
    const search = await ctx.app.inject({ url: '/api/directory?collectivite=quimper&badge=data-juridique' });
    expect(search.json().people.map((p: { name: string }) => p.name)).toEqual(['Yann Le Goff']);
  });

  it('someone without a badge may not join', async () => {
    const ines = await attend(ctx, 'ines@brest.example', ['webinaire-1']);
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/me/directory',
      headers: learnerAuth(ctx, ines, 'ines@brest.example'),
      payload: { collectivite: 'Brest', department: '29', consent: true, showSignInEmail: true },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('DIRECTORY_NEEDS_BADGE');
  });

  it('one click withdraws: gone from the directory at once, the withdrawal on record', async () => {
    await page.goto('/mes-donnees');
    await page.getByRole('button', { name: 'Ne plus figurer dans l’annuaire' }).click();
    await page.getByText('Vous ne figurez plus dans l’annuaire.').waitFor();
    await page.goto('/relais?departement=35');
    await waitForHeading(page, 'Relais data du territoire');
    expect(await relays(page)).toEqual([]);
    const exported = await ctx.app.inject({ url: '/api/me/export', headers: learnerAuth(ctx, camille, CAMILLE) });
    expect(exported.statusCode).toBe(200);
    const data = JSON.parse(unzip(exported.rawPayload)['mes-donnees.json']!);
    expect(data.consents.map((c: { given: boolean }) => c.given)).toEqual([true, false]);
    expect(data.directory).toMatchObject({ listed: false, contactEmail: null });
  });
});
