import { formatDateTime } from '../../shared/format';
import { fmt, textFor } from '../../shared/text';
import { html, type Html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { urls } from '../../web/urls';
import type { WalletLinks } from '../exchange.service';
import { walletText } from './wallet.text';

export interface ExchangeView extends WalletLinks {
  qr: { lcw: string; learnCard: string; offer: string };
}

function way(id: string, title: string, href: string, open: string, qr: string, alt: string): Html {
  return html`<section class="card wallet-way" aria-labelledby="${id}">
  <h2 id="${id}">${title}</h2>
  <figure class="qr"><img src="${qr}" alt="${alt}" width="220" height="220"></figure>
  <p><a class="button" href="${href}" rel="noopener">${open}</a></p>
</section>`;
}

/** The link just made: a QR code and a link for LCW, LearnCard and OpenID wallets. */
export function exchangePage(ctx: PageContext, v: ExchangeView): PageView {
  const t = textFor(walletText, ctx.lang);
  return {
    title: t.pageTitle,
    main: html`<h1>${t.pageTitle}</h1>
<p class="lead">${fmt(t.pageLead, { time: formatDateTime(new Date(v.expiresAt), ctx.lang) })}</p>
<div class="wallet-ways">
  ${way('portefeuille-lcw', t.lcwTitle, v.lcw, t.lcwOpen, v.qr.lcw, t.lcwQrAlt)}
  ${way('portefeuille-learncard', t.learnCardTitle, v.learnCard, t.learnCardOpen, v.qr.learnCard, t.learnCardQrAlt)}
  ${way('portefeuille-oid4vci', t.oid4vciTitle, v.offer, t.oid4vciOpen, v.qr.offer, t.oid4vciQrAlt)}
</div>
<p class="section-gap"><a class="button button-secondary" href="${urls.myBadges()}">${t.back}</a></p>`,
  };
}
