import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/shared/errors';
import { allTexts } from '../../src/web-areas';
import { loadAssets, type Assets } from '../../src/web/assets';
import { layout } from '../../src/web/layout';
import { notFoundPage } from '../../src/web/error.page';
import { loadProgramme } from '../../src/programme/load-programme';
import { resolve } from 'node:path';
import { foreignText, rawTemplateText } from './untranslated';
import { contextFor, type Quizzes } from './i18n-base.data';
import { renderAll as renderPages } from './i18n.helpers';

describe('page dictionaries', () => {
  it('have the same keys and placeholders in French and English', () => {
    for (const text of allTexts) {
      expect(Object.keys(text.en).sort(), text.name).toEqual(Object.keys(text.fr).sort());
      for (const key of Object.keys(text.fr)) {
        const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(params(text.en[key]!), `${text.name}.${key}`).toEqual(params(text.fr[key]!));
        expect(text.fr[key]!.trim(), `${text.name}.${key}`).not.toBe('');
      }
    }
  });

  it('differ between French and English, except the keys declared the same', () => {
    const identical = allTexts.flatMap((text) =>
      Object.keys(text.fr)
        .filter((key) => text.fr[key] === text.en[key] && !text.same.includes(key))
        .map((key) => `${text.name}.${key}`),
    );
    expect(identical).toEqual([]);
    const names = allTexts.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('templates', () => {
  let assets: Assets;
  let quizzes: Quizzes;
  beforeAll(async () => {
    assets = await loadAssets();
    quizzes = (await loadProgramme({ badgesDir: resolve('badges'), quizzesDir: resolve('quizzes') })).quizzes;
  });
  const ctxFor = (lang: Lang) => contextFor(assets)(lang);
  const renderAll = (lang: Lang) => renderPages(lang, assets, quizzes);

  it('carry no words of their own: every text comes from a dictionary', () => {
    renderAll('fr');
    renderAll('en');
    expect(rawTemplateText()).toEqual([]);
  });

  it('render no text of the other language and no unfilled placeholder', () => {
    const visible = (page: string) =>
      page
        .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    for (const lang of ['fr', 'en'] as const) {
      for (const page of renderAll(lang)) expect(foreignText(visible(page), lang)).toEqual([]);
    }
  });

  it('escape every value', () => {
    const ctx = ctxFor('fr');
    const page = layout(ctx, notFoundPage(ctx, '/<script>alert(1)</script>'));
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;');
  });
});
