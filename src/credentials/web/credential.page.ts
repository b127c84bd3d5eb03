import type { PublicCredential } from './credential-page.data';
import { formatDay, locale } from '../../shared/format';
import { html, type Html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { layoutText } from '../../web/layout.text';
import { credentialCommonText, credentialText } from './credentials.text';
import { markdown } from '../../web/markdown';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { checksList, downloadList, signerNotice, verdictBanner } from './credential.partials';
import { endorsementsSection } from '../../endorsements/web/endorsement.partials';
import { awardedTo } from '../../wallet/web/my-badges.partials';

const day = (iso: string, lang: PageContext['lang']) => formatDay(new Date(`${iso}T12:00:00Z`), lang, 'UTC');

/** OpenGraph and Twitter tags, so a shared link previews with the badge's name, image and issuer. */
function shareTags(ctx: PageContext, c: PublicCredential): Html {
  const t = textFor(credentialText, ctx.lang);
  const title = `${c.name} — ${c.issuer.name}`;
  const description = c.description.length > 200 ? `${c.description.slice(0, 199)}…` : c.description;
  return html`<meta name="description" content="${description}">
<meta name="robots" content="noindex">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${textFor(layoutText, ctx.lang).brand}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${c.pageUrl}">
<meta property="og:image" content="${c.ogImage}">
<meta property="og:image:width" content="512">
<meta property="og:image:height" content="512">
<meta property="og:image:alt" content="${fmt(t.imageAlt, { name: c.name })}">
<meta property="og:locale" content="${locale(ctx.lang).replace('-', '_')}">
<meta name="twitter:card" content="summary">
<link rel="alternate" type="application/vc+ld+json" href="${urls.credentialFile(c.id, 'json')}">`;
}

export function credentialPage(ctx: PageContext, c: PublicCredential): PageView {
  const t = textFor(credentialText, ctx.lang);
  const d = textFor(credentialCommonText, ctx.lang);
  const evidence = c.evidence.map((e) => {
    const facts = [
      e.date ? day(e.date, ctx.lang) : '',
      e.minutes !== null ? fmt(t.evidenceMinutes, { minutes: e.minutes }) : '',
      e.replay ? t.evidenceReplay : '',
    ].filter(Boolean);
    const details = facts.length ? html`<br><span class="muted">${facts.join(' · ')}</span>` : '';
    return html`<li><strong>${e.name}</strong>${details}</li>`;
  });
  const tags = c.tags.length
    ? html`<p class="small"><span class="muted">${t.tags}</span> <span lang="${c.tagsLang}" data-user-text>${c.tags.map(
        (tag) => html`<span class="tag">${tag}</span>`,
      )}</span></p>`
    : '';
  const issuerSite =
    c.issuer.url && /^https?:\/\//.test(c.issuer.url)
      ? html`<p><a href="${c.issuer.url}" rel="noopener">${t.issuerSite}</a></p>`
      : '';
  const results = c.results.map((r) => html`<li>${fmt(t.resultValue, { name: r.name, value: r.value })}</li>`);
  return {
    title: c.name,
    head: shareTags(ctx, c),
    main: html`${verdictBanner(ctx, c.verification)}
${signerNotice(ctx, c.verification)}
<article class="credential" aria-labelledby="titre-badge">
  <div class="credential-hero">
    <img class="credential-image" src="${urls.achievementImage(c.badgeKey, 'svg')}"
      alt="${fmt(t.imageAlt, { name: c.name })}" width="200" height="200"
      data-fallback="${ctx.assets.url('badge.svg')}">
    <div>
      <p class="eyebrow">${t.eyebrow}</p>
      <h1 id="titre-badge">${c.name}</h1>
      <p class="lead">${fmt(t.issuedBy, { issuer: c.issuer.name, date: formatDay(c.issuedAt, ctx.lang) })}</p>
      ${awardedTo(ctx, c.holderName, t.holder)}
    </div>
  </div>
  <div class="columns">
    <section class="card" aria-labelledby="titre-atteste">
      <h2 id="titre-atteste">${t.descriptionTitle}</h2>
      <p>${c.description}</p>
      ${tags}
      <h3>${t.criteriaTitle}</h3>
      <div class="prose">${markdown(c.criteria)}</div>
    </section>
    <section class="card" aria-labelledby="titre-accompli">
      <h2 id="titre-accompli">${t.evidenceTitle}</h2>
      <ul class="plain-list evidence">${evidence}</ul>
      ${results.length ? html`<h3>${t.resultsTitle}</h3><ul class="plain-list">${results}</ul>` : ''}
    </section>
  </div>
  ${endorsementsSection(ctx, c.endorsements)}
  <section aria-labelledby="titre-verification" class="card verification">
    <h2 id="titre-verification">${t.verificationTitle}</h2>
    <p>${t.verificationLead}</p>
    ${checksList(ctx, c.verification)}
  </section>
  <section aria-labelledby="titre-fichiers">
    <h2 id="titre-fichiers">${d.downloadsTitle}</h2>
    ${downloadList(ctx, c)}
  </section>
  <section aria-labelledby="titre-emetteur" class="issuer">
    <h2 id="titre-emetteur">${t.issuerTitle}</h2>
    <p><strong>${c.issuer.name}</strong></p>
    ${c.issuer.description ? html`<p>${c.issuer.description}</p>` : ''}
    ${issuerSite}
  </section>
  <p class="section-gap"><a class="button button-secondary" href="${urls.verifier()}">${t.verifyAnother}</a></p>
</article>`,
  };
}
