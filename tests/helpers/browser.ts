import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';

/** Debian's Chromium (installed by .ci/run when missing); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = resolve('test-output/screenshots');

/** One browser per test file. Playwright gives each launch a fresh, temporary user-data-dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** The real platform on 127.0.0.1, random port; returns its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export interface PageProblems {
  /** Console errors and CSP violations, except failed image loads listed in `allowMissing`. */
  errors: string[];
}

/**
 * A browsing context (its own cookies: one per person) with a page that records console errors.
 * `allowMissing` lists URL fragments whose 404s are expected (routes another area will add).
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
  options: { locale?: string; viewport?: { width: number; height: number }; allowMissing?: string[] } = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    baseURL,
    locale: options.locale ?? 'fr-FR',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  // Fail fast: a missing element should not wait for vitest's own timeout.
  page.setDefaultTimeout(10_000);
  const problems: PageProblems = { errors: [] };
  const missing: string[] = [];
  page.on('response', (res) => {
    if (res.status() === 404 && (options.allowMissing ?? []).some((m) => res.url().includes(m)))
      missing.push(res.url());
    // A page answered with 4xx on purpose (404 page, a refused form): Chromium logs it, it is no fault.
    if (res.status() >= 400 && res.request().isNavigationRequest()) missing.push(res.url());
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const url = msg.location().url ?? '';
    if (/Failed to load resource/.test(text) && missing.includes(url)) return;
    // A failed load names its URL: "404 … /achievements/x.svg" says what to fix.
    problems.errors.push(url && /Failed to load resource/.test(text) ? `${text} ${url}` : text);
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  return { context, page, problems };
}

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core on the current page; returns the serious and critical violations (expect none). */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

// Page-side code is passed as strings: the project's tsconfig has no DOM types, on purpose.

/**
 * The page's text for a reader, without data shown as code (identifiers, JSON details) nor what
 * people typed (`data-user-text`: a note or a reason is shown in the language it was written in).
 */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('code, script, style, [hidden], [data-user-text]')) parts.push(node.textContent);
    }
    return parts.join(' ');
  })()`);
}

/** Pixels the page is wider than the viewport (a phone layout must not scroll sideways). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

export const focusedElementId = (page: Page) =>
  page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");

/** PNG to test-output/screenshots/<name>.png (the whole page unless `fullPage: false`); returns the path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/**
 * Waits until the page's main heading reads `name` (exactly, or matching a RegExp). After a click
 * the old page stays readable until the new one arrives: reading `h1` at once is a race.
 */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
  } catch (error) {
    const shown = await page
      .locator('h1')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`expected the heading ${String(name)}, the page shows ${JSON.stringify(shown)} (${page.url()})`, {
      cause: error,
    });
  }
}

/** The platform listening on a random port, a browser, and a page on it: every journey's start. */
export async function browse(app: FastifyInstance, options: Parameters<typeof openPage>[2] = {}) {
  const base = await listen(app);
  const browser = await launchBrowser();
  return { base, browser, ...(await openPage(browser, base, options)) };
}
