import type { Lang } from '../../shared/errors';
import { formatDay } from '../../shared/format';
import { fmt, textFor } from '../../shared/text';
import { html, type Html } from '../../web/html';
import type { PageContext } from '../../web/layout';
import type { EndorsementCheck } from '../../ob3/verify-endorsements';
import { endorsementCardText } from './endorsements.text';

/** One embedded endorsement as a page shows it: what the endorser signed, and what the verifier found. */
export interface EndorsementCard {
  name: string;
  issuerId?: string;
  /** Same-origin logo only (the pages' CSP loads no outside image). */
  logo?: string;
  comment?: string;
  validUntil?: Date;
  state: 'valid' | 'withdrawn' | 'invalid' | 'unknown';
  message: string;
}

const sameOrigin = (url: string | undefined, publicUrl: string) => {
  const base = publicUrl.replace(/\/+$/, '');
  return url?.startsWith(`${base}/`) ? url.slice(base.length) : undefined;
};

/** The endorsement checks of a verification (POST /api/verify's), as cards. */
export function endorsementCards(
  result: { checks: ReadonlyArray<{ check: string }> },
  lang: Lang,
  publicUrl: string,
): EndorsementCard[] {
  return result.checks
    .filter((c): c is EndorsementCheck => c.check === 'endorsement')
    .map((c) => {
      const e = c.endorsement;
      const until = e?.validUntil ? new Date(e.validUntil) : undefined;
      return {
        name: e?.name ?? '?',
        ...(e?.issuerId ? { issuerId: e.issuerId } : {}),
        ...(sameOrigin(e?.image, publicUrl) ? { logo: sameOrigin(e?.image, publicUrl) } : {}),
        ...(e?.comment ? { comment: e.comment } : {}),
        ...(until && !Number.isNaN(until.getTime()) ? { validUntil: until } : {}),
        state:
          c.ok === true
            ? 'valid'
            : c.code === 'ENDORSEMENT_WITHDRAWN'
              ? 'withdrawn'
              : c.ok === 'unknown'
                ? 'unknown'
                : 'invalid',
        message: c.message[lang],
      };
    });
}

/** The labélisations of a badge: logo, endorser, its signed comment (French), validity and verdict. */
export function endorsementsSection(ctx: PageContext, cards: EndorsementCard[] = [], compact = false): Html {
  if (cards.length === 0) return html``;
  const t = textFor(endorsementCardText, ctx.lang);
  const items = cards.map((c) => {
    const pill = { valid: 'check-ok', withdrawn: 'check-failed', invalid: 'check-failed', unknown: 'check-unknown' }[
      c.state
    ];
    const logo = c.logo
      ? html`<img class="endorser-logo" src="${c.logo}" alt="${fmt(t.logoAlt, { name: c.name })}"
  width="56" height="56">`
      : '';
    const until = c.validUntil
      ? html`<p class="small muted">${fmt(t.validUntil, { date: formatDay(c.validUntil, ctx.lang) })}</p>`
      : '';
    const id =
      c.issuerId && !compact ? html`<p class="small muted signer-id">${fmt(t.endorser, { id: c.issuerId })}</p>` : '';
    return html`<li class="endorsement endorsement-${c.state}" data-endorsement="${c.state}">
  ${logo}<div><p><strong>${c.name}</strong> <span class="pill pill-${pill}">${t[`state.${c.state}`]}</span></p>
  ${c.comment ? html`<p lang="fr" data-user-text>${c.comment}</p>` : ''}
  ${until}<p class="small">${c.message}</p>${id}</div>
</li>`;
  });
  const heading = compact ? html`<h3>${t.title}</h3>` : html`<h2 id="titre-labelisation">${t.title}</h2>`;
  return html`<section class="${compact ? 'endorsements' : 'card endorsements'}" aria-label="${t.title}">
  ${heading}<ul class="plain-list">${items}</ul>
</section>`;
}
