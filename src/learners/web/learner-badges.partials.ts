import type { Award } from '../../badges/awards.service';
import type { CredentialSummary } from '../../credentials/credentials.schemas';
import type { BadgeProgress } from '../../badges/progress';
import { formatDay, formatPercent } from '../../shared/format';
import { input, select } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { csrfField, type PageContext } from '../../web/layout';
import { learnerText } from './learner-file.text';
import { pathwayText } from '../../badges/web/learner.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { badgeState } from '../../badges/web/pathway.page';
import { columnHeads, formError, scrollRegion, type LearnerPageData, type T } from './learner-form';

function revokeForm(ctx: PageContext, t: T, data: LearnerPageData, name: string, credential: CredentialSummary) {
  if (credential.status !== 'active') return '';
  const revoking = data.state?.form === 'revocation' ? data.state : undefined;
  const open = revoking && revoking.values.credential === credential.id;
  const field = `motif-${credential.id.slice(0, 8)}`;
  const reason = input({
    name: field,
    label: t.revokeReason,
    hint: t.revokeHint,
    value: open ? revoking.values.reason : '',
    error: open ? revoking.errors[field] : undefined,
    required: true,
    attrs: { maxlength: 1000, minlength: 3 },
  });
  const summary = html`<summary>${fmt(t.revokeTitle, { name })}</summary>`;
  const action = `${urls.organiser.learner(data.learner.id)}/badges/${credential.id}/revocation`;
  return html`<details class="revoke"${open ? attr` open` : ''}>${summary}
  <form method="post" action="${action}" class="form" novalidate>
    ${open ? formError(ctx, t, data.state, 'revocation') : ''}
    ${csrfField(ctx)}
    ${reason}
    <p><button type="submit" class="button button-danger">${t.revokeButton}</button></p>
  </form></details>`;
}

function credentialCell(ctx: PageContext, t: T, data: LearnerPageData, name: string, credential?: CredentialSummary) {
  if (!credential) return t.credentialNone;
  const active = credential.status === 'active';
  const revokedOn = () =>
    fmt(t.credentialRevoked, { date: formatDay(new Date(credential.revokedAt ?? credential.issuedAt), ctx.lang) });
  const status = active ? t.credentialActive : revokedOn();
  const pill = html`<span class="pill pill-${active ? 'earned' : 'failed'}">${status}</span>`;
  const reason = html`<span data-user-text>${credential.revocationReason}</span>`;
  const why =
    credential.status === 'revoked' && credential.revocationReason
      ? html`<br><span class="small">${t.reasonLabel} ${reason}</span>`
      : '';
  const label = fmt(t.viewCredentialLabel, { name });
  const link = html`<a href="${urls.credential(credential.id)}" aria-label="${label}">${t.viewCredential}</a>`;
  return html`${pill}
  ${why}
  <br>${link}${revokeForm(ctx, t, data, name, credential)}`;
}

function awardNote(ctx: PageContext, t: T, award: Award | undefined): Html | '' {
  if (!award) return '';
  const method = award.method === 'manual' ? t.methodManual : t.methodRule;
  const on = fmt(t.awardedOn, { date: formatDay(award.awardedAt, ctx.lang), method });
  const reason = award.reason ? html`<br>${t.reasonLabel} <span data-user-text>${award.reason}</span>` : '';
  return html`<br><span class="small">${on}${reason}</span>`;
}

type Held = { award?: Award; credential?: CredentialSummary };

function badgeRow(ctx: PageContext, data: LearnerPageData, b: BadgeProgress, { award, credential }: Held): Html {
  const t = textFor(learnerText, ctx.lang);
  const p = textFor(pathwayText, ctx.lang);
  const state = badgeState(ctx, b, Boolean(award?.revokedAt));
  const percent = html`<span class="muted">${formatPercent(b.percent / 100, ctx.lang)}</span>`;
  const conditions = b.conditions.map((c) => {
    const met = html`<span class="visually-hidden">${c.met ? p.conditionMet : p.conditionMissing}</span>`;
    return html`<li class="condition condition-${c.met ? 'met' : 'missing'}">${met} ${c.detail}</li>`;
  });
  return html`<tr id="badge-${b.key}">
  <th scope="row">${b.name}</th>
  <td data-label="${t.colState}"><span class="pill pill-${state.tone}">${state.text}</span> ${percent}
    ${awardNote(ctx, t, award)}
    <details><summary>${t.conditions}</summary><ul class="conditions">${conditions}</ul></details></td>
  <td data-label="${t.colCredential}">${credentialCell(ctx, t, data, b.name, credential)}</td>
</tr>`;
}

export function badgesSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const awards = new Map(data.awards.map((a) => [a.badgeKey, a]));
  const credentials = new Map(data.credentials.map((c) => [c.badgeKey, c]));
  const rows = data.badges.map((b) =>
    badgeRow(ctx, data, b, { award: awards.get(b.key), credential: credentials.get(b.key) }),
  );
  const a = data.state?.form === 'attribution' ? data.state : undefined;
  const awardable = data.badges.filter((b) => !awards.has(b.key));
  const badgeField = select({
    name: 'badge',
    label: t.fieldBadge,
    value: a?.values.badge,
    error: a?.errors.badge,
    options: [{ value: '', label: t.select }, ...awardable.map((b) => ({ value: b.key, label: b.name }))],
  });
  const reasonField = input({
    name: 'motif',
    label: t.awardReason,
    value: a?.values.motif,
    error: a?.errors.motif,
    required: true,
    attrs: { maxlength: 1000, minlength: 3 },
  });
  const action = `${urls.organiser.learner(data.learner.id)}/attribution`;
  const awardForm =
    awardable.length === 0
      ? html`<p class="muted">${t.awardNone}</p>`
      : html`<form method="post" action="${action}" class="form form-wide" novalidate id="form-attribution">
    ${formError(ctx, t, data.state, 'attribution')}
    ${csrfField(ctx)}
    ${badgeField}
    ${reasonField}
    <p><button type="submit" class="button">${t.awardButton}</button></p>
  </form>`;
  return html`<section aria-labelledby="titre-badges" id="badges">
  <h2 id="titre-badges">${t.badgesTitle}</h2>
  ${scrollRegion('legende-badges')}<table class="table table-stack">
    <caption id="legende-badges">${t.badgesCaption}</caption>
    <thead><tr>${columnHeads([t.colBadge, t.colState, t.colCredential])}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <div class="card section-gap">
    <h3>${t.awardTitle}</h3>
    <p class="muted">${t.awardLead}</p>
    ${awardForm}
  </div>
</section>`;
}
