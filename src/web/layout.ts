import type { Lang } from '../shared/errors';
import type { TokenClaims } from '../plugins/auth';
import type { Assets } from './assets';
import type { Flash } from './flash';
import { attr, html, type Html } from './html';
import { flashText, layoutText } from './layout.text';
import { fmt, textFor } from '../shared/text';

/** What every template may read about the request it answers. */
export interface PageContext {
  lang: Lang;
  /** Path and query as requested, for the language switch and the current nav item. */
  url: string;
  viewer: TokenClaims | null;
  csrfToken: string;
  flash: Flash | null;
  assets: Assets;
}

export interface PageView {
  title: string;
  main: Html;
  status?: number;
  /** Extra `<head>` markup (OpenGraph tags of a shareable page). */
  head?: Html;
}

const otherLang = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');

/** The same page in the other language: `?lang=` is read by the i18n plugin and kept in a cookie. */
function switchUrl(url: string, lang: Lang): string {
  const parsed = new URL(url, 'http://page.invalid');
  parsed.searchParams.set('lang', otherLang(lang));
  return `${parsed.pathname}${parsed.search}`;
}

interface NavItem {
  href: string;
  label: string;
  exact?: boolean;
}

function navItems(ctx: PageContext): NavItem[] {
  const t = textFor(layoutText, ctx.lang);
  const role = ctx.viewer?.role;
  if (role === 'learner') {
    return [
      { href: '/', label: t.navHome, exact: true },
      { href: '/mon-parcours', label: t.navMyPathway },
      { href: '/mes-badges', label: t.navMyBadges },
      { href: '/verifier', label: t.navVerify },
    ];
  }
  if (role === 'organiser' || role === 'admin') {
    return [
      { href: '/organisateur', label: t.navDashboard, exact: true },
      { href: '/organisateur/evenements', label: t.navEvents },
      { href: '/organisateur/apprenants', label: t.navLearners },
      { href: '/organisateur/progression', label: t.navProgress },
      { href: '/organisateur/courriels', label: t.navOutbox },
      ...(role === 'admin' ? [{ href: '/organisateur/journal', label: t.navAudit }] : []),
    ];
  }
  return [
    { href: '/', label: t.navHome, exact: true },
    { href: '/connexion', label: t.navSignIn },
    { href: '/verifier', label: t.navVerify },
    { href: '/organisateur/connexion', label: t.navOrganiserArea },
  ];
}

function isCurrent(item: NavItem, path: string) {
  return item.exact ? path === item.href : path === item.href || path.startsWith(`${item.href}/`);
}

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">`;

export function notice(kind: 'success' | 'error' | 'info', title: string, message: string | Html, id?: string): Html {
  // Errors interrupt (alert); confirmations are announced politely (status).
  const role = kind === 'error' ? 'alert' : 'status';
  return html`<div class="notice notice-${kind}" role="${role}"${id ? attr` id="${id}" tabindex="-1"` : ''}>
  <p class="notice-title">${title}</p><p>${message}</p></div>`;
}

function header(ctx: PageContext, path: string): Html {
  const t = textFor(layoutText, ctx.lang);
  const other = otherLang(ctx.lang);
  const items = navItems(ctx).map(
    (item) =>
      html`<li><a href="${item.href}"${isCurrent(item, path) ? attr` aria-current="page"` : ''}>${item.label}</a></li>`,
  );
  const signOut = ctx.viewer
    ? html`<form method="post" action="/deconnexion" class="signout">${csrfField(ctx)}<button type="submit" class="button-link">${t.signOut}</button></form>`
    : '';
  return html`<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="${ctx.viewer && ctx.viewer.role !== 'learner' ? '/organisateur' : '/'}"><img src="${ctx.assets.url('logo.svg')}" alt="" width="32" height="32"><span class="brand-name">${t.brand}</span><span class="brand-tagline">${t.tagline}</span></a>
    <div class="header-tools">
      ${ctx.viewer ? html`<span class="signed-in">${fmt(t.signedInAs, { email: ctx.viewer.email })}</span>` : ''}
      <a class="lang-switch" href="${switchUrl(ctx.url, ctx.lang)}" lang="${other}" hreflang="${other}">${t.langSwitch}</a>
      ${signOut}
    </div>
  </div>
  <nav class="site-nav" aria-label="${t.navLabel}"><div class="wrap"><ul>${items}</ul></div></nav>
</header>`;
}

function flashNotice(ctx: PageContext): Html | '' {
  if (!ctx.flash) return '';
  return notice(
    'success',
    textFor(layoutText, ctx.lang).successTitle,
    fmt(textFor(flashText, ctx.lang)[ctx.flash.key], ctx.flash.params),
  );
}

/** The whole document around a page's `<main>` content. */
export function layout(ctx: PageContext, view: PageView): string {
  const t = textFor(layoutText, ctx.lang);
  const path = new URL(ctx.url, 'http://page.invalid').pathname;
  return `<!doctype html>\n${html`<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.title} · ${t.brand}</title>
<link rel="icon" href="${ctx.assets.url('logo.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${ctx.assets.url('app.css')}">
<script src="${ctx.assets.url('app.js')}" defer></script>
${view.head ?? ''}
</head>
<body>
<a class="skip-link" href="#contenu">${t.skipLink}</a>
${header(ctx, path)}
<main id="contenu" tabindex="-1"><div class="wrap">
${flashNotice(ctx)}
${view.main}
</div></main>
<footer class="site-footer"><div class="wrap footer-inner">
  <p>${t.footerAbout}</p>
  <nav aria-label="${t.footerNavLabel}"><ul><li><a href="/">${t.footerHome}</a></li><li><a href="/verifier">${t.footerVerify}</a></li><li><a href="/docs">${t.footerApi}</a></li></ul></nav>
</div></footer>
</body>
</html>`}`;
}
