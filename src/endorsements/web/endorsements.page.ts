import { formatDay } from '../../shared/format';
import { fmt, textFor } from '../../shared/text';
import { errorSummary, select } from '../../web/forms';
import { html, type Html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { urls } from '../../web/urls';
import type { EndorsementSummary } from '../endorsements.facade';
import { endorsementsPageText } from './endorsements.text';

export interface EndorsementsData {
  endorsements: EndorsementSummary[];
  /** Hosted endorsers and badges, for the form that signs a new endorsement. */
  endorsers: Array<{ value: string; label: string }>;
  badges: Array<{ value: string; label: string }>;
  done?: 'signee' | 'retiree';
  message?: string;
  status?: number;
}

const PILL = {
  requested: 'pending',
  active: 'earned',
  expired: 'not_started',
  withdrawn: 'failed',
  'withdrawal-unsigned': 'pending',
} as const;

function row(ctx: PageContext, e: EndorsementSummary): Html {
  const t = textFor(endorsementsPageText, ctx.lang);
  const day = (iso: string) => formatDay(new Date(iso), ctx.lang);
  const withdrawable = e.state === 'active' || e.state === 'requested' || e.state === 'expired';
  const field = `motif-${e.id}`;
  const form = withdrawable
    ? html`<form method="post" action="${urls.organiser.endorsementWithdraw(e.id)}" class="inline-form">
  ${csrfField(ctx)}
  <label for="${field}" class="small">${t.reasonLabel}</label>
  <input id="${field}" name="motif" required minlength="3" maxlength="1000">
  <button type="submit" class="button button-small button-secondary"
    aria-label="${fmt(t.withdrawLabel, { badge: e.badgeName, endorser: e.endorserName })}">${t.withdraw}</button>
</form>`
    : e.withdrawalReason
      ? html`<span data-user-text>${e.withdrawalReason}</span>`
      : '';
  const mode = e.mode === 'hosted' ? t.hosted : t.offline;
  const state = t[`state.${e.state}`];
  return html`<tr data-endorsement="${e.id}">
  <td data-label="${t.colBadge}"><a href="${e.url}">${e.badgeName}</a></td>
  <td data-label="${t.colEndorser}">${e.endorserName}<br><span class="small muted">${mode}</span></td>
  <td data-label="${t.colState}"><span class="pill pill-${PILL[e.state]}" data-state="${e.state}">${state}</span></td>
  <td data-label="${t.colValidity}">${fmt(t.validity, { from: day(e.validFrom), until: day(e.validUntil) })}</td>
  <td data-label="${t.colAction}">${form}</td>
</tr>`;
}

/** /organisateur/labelisations: every endorsement with its state and validity, sign one, withdraw one. */
export function endorsementsPage(ctx: PageContext, data: EndorsementsData): PageView {
  const t = textFor(endorsementsPageText, ctx.lang);
  const done = data.done === 'signee' ? t.created : data.done === 'retiree' ? t.withdrawn : '';
  const table =
    data.endorsements.length === 0
      ? html`<p class="empty">${t.empty}</p>`
      : html`<div class="table-scroll" role="region" aria-labelledby="legende-labelisations" tabindex="0">
<table class="table table-stack"><caption id="legende-labelisations">${t.caption}</caption>
<thead><tr><th scope="col">${t.colBadge}</th><th scope="col">${t.colEndorser}</th><th scope="col">${t.colState}</th>
<th scope="col">${t.colValidity}</th><th scope="col">${t.colAction}</th></tr></thead>
<tbody>${data.endorsements.map((e) => row(ctx, e))}</tbody></table></div>`;
  const create =
    data.endorsers.length === 0
      ? ''
      : html`<form method="post" action="${urls.organiser.endorsements()}" class="card form">
  <h2>${t.createTitle}</h2><p class="hint">${t.createHint}</p>${csrfField(ctx)}
  ${select({ name: 'organisme', label: t.endorserLabel, options: data.endorsers })}
  ${select({ name: 'badge', label: t.badgeLabel, options: data.badges })}
  <p><button type="submit" class="button">${t.create}</button></p>
</form>`;
  return {
    title: t.title,
    status: data.status,
    main: html`<h1>${t.title}</h1>
${done ? notice('success', done, '') : ''}
${data.message ? errorSummary(t.title, data.message) : ''}
<p class="lead">${t.lead}</p>
${table}
${create}
<p class="small muted">${t.offlineHint}</p>`,
  };
}
