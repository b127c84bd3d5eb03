import type { Lang } from '../shared/errors';
import type { TokenClaims } from '../plugins/auth';
import type { Assets } from './assets';
import type { Flash } from './flash';
import { attr, html, type Html } from './html';
import { flashText, layoutText } from './layout.text';
import { fmt, textFor } from '../shared/text';
import { urls } from './urls';

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
      { href: urls.home(), label: t.navHome, exact: true },
      { href: urls.pathway(), label: t.navMyPathway },
      { href: urls.myBadges(), label: t.navMyBadges },
      { href: urls.myData(), label: t.navMyData },
      { href: urls.verifier(), label: t.navVerify },
    ];
  }
  if (role === 'organiser' || role === 'admin') {
    return [
      { href: urls.organiser.dashboard(), label: t.navDashboard, exact: true },
      { href: urls.organiser.events(), label: t.navEvents },
      { href: urls.organiser.learners(), label: t.navLearners },
      { href: urls.organiser.progress(), label: t.navProgress },
      { href: urls.organiser.outbox(), label: t.navOutbox },
      { href: urls.organiser.endorsements(), label: t.navEndorsements },
      { href: urls.organiser.reminders(), label: t.navReminders },
      { href: urls.organiser.platforms(), label: t.navPlatforms },
      ...(role === 'admin' ? [{ href: urls.organiser.audit(), label: t.navAudit }] : []),
    ];
  }
  return [
    { href: urls.home(), label: t.navHome, exact: true },
    { href: urls.signIn(), label: t.navSignIn },
    { href: urls.verifier(), label: t.navVerify },
    { href: urls.organiser.signIn(), label: t.navOrganiserArea },
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
  const signOutButton = html`<button type="submit" class="button-link">${t.signOut}</button>`;
  const signOut = ctx.viewer
    ? html`<form method="post" action="${urls.signOut()}" class="signout">${csrfField(ctx)}${signOutButton}</form>`
    : '';
  const logo = html`<img src="${ctx.assets.url('logo.svg')}" alt="" width="32" height="32">`;
  const tagline = html`<span class="brand-tagline">${t.tagline}</span>`;
  const home = ctx.viewer && ctx.viewer.role !== 'learner' ? urls.organiser.dashboard() : urls.home();
  return html`<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="${home}">${logo}<span class="brand-name">${t.brand}</span>${tagline}</a>
    <div class="header-tools">
      ${ctx.viewer ? html`<span class="signed-in">${fmt(t.signedInAs, { email: ctx.viewer.email })}</span>` : ''}
      <a class="lang-switch" href="${switchUrl(ctx.url, ctx.lang)}" lang="${other}" hreflang="${other}">${
        t.langSwitch
      }</a>
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
  const footerLinks = [
    { href: urls.home(), label: t.footerHome },
    { href: urls.verifier(), label: t.footerVerify },
    { href: urls.docs(), label: t.footerApi },
    { href: urls.directory(), label: t.footerDirectory },
    { href: urls.privacy(), label: t.footerPrivacy },
  ].map((link) => html`<li><a href="${link.href}">${link.label}</a></li>`);
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
  <nav aria-label="${t.footerNavLabel}"><ul>${footerLinks}</ul></nav>
</div></footer>
</body>
</html>`}`;
}
