import type { CredentialCard } from './my-badges.data';
import { formatDateTime, formatDay } from '../../shared/format';
import { html, type Html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { credentialCommonText, myBadgesText } from './credentials.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { downloadList } from './credential.partials';
import { endorsementsSection } from '../../endorsements/web/endorsement.partials';
import { cardWallet, walletPanel } from '../../wallet/web/my-badges.partials';
import type { WalletPanel } from '../../wallet/web/wallet-panel.data';

/** The public link to copy, LinkedIn and a QR code: only for a badge that still holds. */
function share(ctx: PageContext, c: CredentialCard): Html {
  const t = textFor(myBadgesText, ctx.lang);
  const linkId = `lien-${c.id}`;
  return html`<section class="share" aria-labelledby="partager-${c.id}">
    <h3 id="partager-${c.id}">${t.shareTitle}</h3>
    <div class="share-grid">
      <div>
        <label for="${linkId}">${fmt(t.linkLabel, { name: c.name })}</label>
        <div class="copy-row">
          <input id="${linkId}" type="url" value="${c.links.page}" readonly spellcheck="false">
          <button type="button" class="button button-secondary" data-copy="${linkId}" data-copied="${t.copied}"
            data-copy-failed="${t.copyFailed}" hidden>${t.copy}</button>
        </div>
        <p class="copy-status small" role="status" data-copy-status></p>
        <p><a class="button button-linkedin" href="${c.linkedInUrl}" rel="noopener"
          aria-label="${fmt(t.linkedInLabel, { name: c.name })}">${t.linkedIn}</a></p>
      </div>
      <figure class="qr">
        <img src="${c.qr}" alt="${fmt(t.qrAlt, { name: c.name })}" width="148" height="148">
        <figcaption class="small muted">${t.qrCaption}</figcaption>
      </figure>
    </div>
  </section>`;
}

function card(ctx: PageContext, c: CredentialCard, wallet?: WalletPanel): Html {
  const t = textFor(myBadgesText, ctx.lang);
  const d = textFor(credentialCommonText, ctx.lang);
  const revoked = c.status === 'revoked';
  const state =
    revoked && c.revokedAt ? fmt(t.revokedOn, { date: formatDateTime(new Date(c.revokedAt), ctx.lang) }) : t.active;
  const reason =
    revoked && c.revocationReason
      ? html`<p>${t.revokedReason} <span data-user-text>${c.revocationReason}</span></p>`
      : '';
  return html`<li class="card credential-card${revoked ? ' credential-revoked' : ''}" id="badge-${c.id}"
  data-badge="${c.badgeKey}">
  <div class="credential-head">
    <img class="badge-image" src="${urls.achievementImage(c.badgeKey, 'svg')}" alt="" width="96" height="96"
      data-fallback="${ctx.assets.url('badge.svg')}">
    <div>
      <h2>${c.name}</h2>
      <p class="pill pill-${revoked ? 'failed' : 'earned'}">${state}</p>
      <p class="muted">${fmt(t.issuedOn, { date: formatDay(new Date(c.issuedAt), ctx.lang) })}</p>
      ${reason}
      <p><a href="${urls.credential(c.id)}"
        aria-label="${fmt(t.publicPageLabel, { name: c.name })}">${t.publicPage}</a></p>
    </div>
  </div>
  ${endorsementsSection(ctx, c.endorsements, true)}
  <section aria-labelledby="telecharger-${c.id}">
    <h3 id="telecharger-${c.id}">${d.downloadsTitle}</h3>
    ${downloadList(ctx, c, (file) => fmt(t.downloadLabel, { file, name: c.name }))}
  </section>
  ${revoked ? '' : share(ctx, c)}
  ${wallet ? cardWallet(ctx, c, wallet) : ''}
</li>`;
}

/** `wallet`: the wallet area's panel; `platforms`: the OB 3.0 API's (ob3-api/web/platforms.partial.ts). */
export function myBadgesPage(
  ctx: PageContext,
  credentials: CredentialCard[],
  wallet?: WalletPanel,
  platforms: Html = html``,
): PageView {
  const t = textFor(myBadgesText, ctx.lang);
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
${wallet && credentials.length > 0 ? walletPanel(ctx, wallet) : ''}
${
  credentials.length === 0
    ? html`<div class="empty"><p>${t.empty}</p>
  <p><a class="button" href="${urls.pathway()}">${t.toPathway}</a></p></div>`
    : html`<ul class="credential-list">${credentials.map((c) => card(ctx, c, wallet))}</ul>`
}
${platforms}`,
  };
}
