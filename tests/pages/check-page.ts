import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, visibleText } from '../helpers/browser';
import { foreignText } from './untranslated';

/**
 * What every page of a browser journey must pass: its language, axe, no text of the other language;
 * then a screenshot.
 */
export async function checkPageOn(page: Page, name: string, lang: 'fr' | 'en' = 'fr') {
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  expect(await seriousA11yViolations(page), name).toEqual([]);
  expect(foreignText(await visibleText(page), lang), name).toEqual([]);
  await screenshot(page, name);
}
