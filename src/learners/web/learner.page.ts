import type { Quiz } from '../../programme/quiz.schemas';
import type { LearnerFile } from './learner-file.data';
import { formatDateTime, formatDay, formatNumber, formatPercent } from '../../shared/format';
import { errorSummary, input, select, type FieldErrors } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { learnerText } from './learner-file.text';
import { importText } from '../../attendance/web/import.text';
import { pathwayText } from '../../badges/web/learner.text';
import { fmt, textFor } from '../../shared/text';
import { answersReview, scoreText } from '../../quizzes/web/quiz.partials';
import { formatLabel } from '../../attendance/web/import.partials';
import { urls } from '../../web/urls';
import { badgeState } from '../../badges/web/pathway.page';

export type LearnerForm = 'presence' | 'attribution' | 'revocation' | 'fusion';

/** A refused form, re-shown with what was typed, beside the field in error. */
export interface FormState {
  form: LearnerForm;
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

export interface LearnerPageData extends LearnerFile {
  quizzes: readonly Quiz[];
  state?: FormState;
  status?: number;
}

type T = Readonly<Record<keyof typeof learnerText.fr, string>>;

const minutes = (value: number | null, lang: PageContext['lang']) => (value === null ? '' : formatNumber(value, lang));

function statusLabel(t: T, status: string | undefined) {
  return status === 'present'
    ? t.statusPresent
    : status === 'replay'
      ? t.statusReplay
      : status === 'absent'
        ? t.statusAbsent
        : t.statusUnknown;
}

function formError(_ctx: PageContext, t: T, state: FormState | undefined, form: LearnerForm): Html | '' {
  if (state?.form !== form) return '';
  return errorSummary(t.formErrorTitle, state.message ?? '', state.errors);
}

function attendanceSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const it = textFor(importText, ctx.lang);
  const s = data.state?.form === 'presence' ? data.state : undefined;
  const rows = data.attendance.map(({ event, row, source }) => {
    const sourceText = !row
      ? ''
      : row.source === 'manual'
        ? html`${t.sourceManual}${source ? html` · <a href="${urls.organiser.importResult(event.key, source.importId)}">${source.fileName ?? formatLabel(it, source.format)}</a>` : ''}`
        : html`${fmt(t.sourceImport, { format: formatLabel(it, row.source.replace(/^import:/, '')) })}${source ? html` · <a href="${urls.organiser.importResult(event.key, source.importId)}">${source.fileName ?? it.noFileName}</a>` : ''}`;
    // What people typed (notes) and what a file said (reasons) are data, shown as written.
    const detail = row
      ? html`${row.reason ? html`<span data-user-text>${row.reason}</span><br>` : ''}${row.note ? html`<span data-user-text>${row.note}</span><br>` : ''}${row.updatedBy ? fmt(t.updatedBy, { who: row.updatedBy, date: formatDateTime(row.updatedAt, ctx.lang) }) : ''}`
      : '';
    return html`<tr>
  <th scope="row">${event.title}</th>
  <td data-label="${t.colStatus}"><span class="pill pill-${row?.status ?? 'unknown'}">${statusLabel(t, row?.status)}</span></td>
  <td class="num" data-label="${t.colMinutes}">${minutes(row?.minutes ?? null, ctx.lang)}</td>
  <td data-label="${t.colSource}">${sourceText}</td>
  <td class="detail" data-label="${t.colDetail}">${detail}</td>
</tr>`;
  });
  const v = s?.values ?? {};
  const e = s?.errors ?? {};
  const events = [
    { value: '', label: t.select },
    ...data.attendance.map(({ event }) => ({ value: event.key, label: event.title })),
  ];
  const statuses = [
    { value: '', label: t.select },
    { value: 'present', label: t.statusPresent },
    { value: 'replay', label: t.statusReplay },
    { value: 'absent', label: t.statusAbsent },
  ];
  return html`<section aria-labelledby="titre-presences" id="presences">
  <h2 id="titre-presences">${t.attendanceTitle}</h2>
  <div class="table-scroll" role="region" aria-labelledby="legende-presences" tabindex="0"><table class="table table-stack">
    <caption id="legende-presences">${t.attendanceCaption}</caption>
    <thead><tr><th scope="col">${t.colEvent}</th><th scope="col">${t.colStatus}</th><th scope="col" class="num">${t.colMinutes}</th><th scope="col">${t.colSource}</th><th scope="col">${t.colDetail}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <form method="post" action="${urls.organiser.learner(data.learner.id)}/presence" class="card form form-wide section-gap" novalidate id="form-presence">
    <h3>${t.manualTitle}</h3>
    <p class="muted">${t.manualLead}</p>
    ${formError(ctx, t, data.state, 'presence')}
    ${csrfField(ctx)}
    <div class="field-row">
      ${select({ name: 'evenement', label: t.fieldEvent, value: v.evenement, error: e.evenement, options: events })}
      ${select({ name: 'statut', label: t.fieldStatus, value: v.statut, error: e.statut, options: statuses })}
    </div>
    <div class="field-row">
      ${input({ name: 'minutes', type: 'number', label: t.fieldMinutes, value: v.minutes, error: e.minutes, attrs: { min: 0, max: 1440, step: 1, inputmode: 'numeric' } })}
      ${input({ name: 'note', label: t.fieldNote, hint: t.noteHint, value: v.note, error: e.note, attrs: { maxlength: 1000 } })}
    </div>
    <p><button type="submit" class="button">${t.saveAttendance}</button></p>
  </form>
</section>`;
}

function attemptsSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const quizzes = new Map(data.quizzes.map((q) => [q.key, q]));
  const rows = data.attempts.map((a) => {
    const quiz = quizzes.get(a.quizKey);
    const date = formatDateTime(a.submittedAt, ctx.lang);
    return html`<tr>
  <th scope="row">${quiz?.title[ctx.lang] ?? a.quizKey}</th>
  <td class="nowrap" data-label="${t.colDate}">${date}</td>
  <td data-label="${t.colScore}">${scoreText(a, ctx.lang)}</td>
  <td data-label="${t.colComplete}">${a.complete ? t.complete : t.incomplete}</td>
</tr>
${quiz ? html`<tr class="row-details"><td colspan="4"><details><summary>${fmt(t.answersSummary, { date })}</summary>${answersReview(quiz, a.answers, ctx.lang, `tentative-${a.id.slice(0, 8)}`)}</details></td></tr>` : ''}`;
  });
  return html`<section aria-labelledby="titre-tentatives" id="questionnaires">
  <h2 id="titre-tentatives">${t.attemptsTitle}</h2>
  ${
    rows.length === 0
      ? html`<p class="empty">${t.attemptsEmpty}</p>`
      : html`<div class="table-scroll" role="region" aria-labelledby="legende-tentatives" tabindex="0"><table class="table table-stack">
    <caption id="legende-tentatives">${t.attemptsCaption}</caption>
    <thead><tr><th scope="col">${t.colQuiz}</th><th scope="col">${t.colDate}</th><th scope="col">${t.colScore}</th><th scope="col">${t.colComplete}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>`;
}

function badgesSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const p = textFor(pathwayText, ctx.lang);
  const awards = new Map(data.awards.map((a) => [a.badgeKey, a]));
  const credentials = new Map(data.credentials.map((c) => [c.badgeKey, c]));
  const revoking = data.state?.form === 'revocation' ? data.state : undefined;
  const rows = data.badges.map((b) => {
    const award = awards.get(b.key);
    const credential = credentials.get(b.key);
    const state = badgeState(ctx, b, Boolean(award?.revokedAt));
    const field = credential ? `motif-${credential.id.slice(0, 8)}` : '';
    const open = revoking && credential && revoking.values.credential === credential.id;
    const revokeForm =
      credential && credential.status === 'active'
        ? html`<details class="revoke"${open ? attr` open` : ''}><summary>${fmt(t.revokeTitle, { name: b.name })}</summary>
  <form method="post" action="${urls.organiser.learner(data.learner.id)}/badges/${credential.id}/revocation" class="form" novalidate>
    ${open ? formError(ctx, t, data.state, 'revocation') : ''}
    ${csrfField(ctx)}
    ${input({ name: field, label: t.revokeReason, hint: t.revokeHint, value: open ? revoking.values.reason : '', error: open ? revoking.errors[field] : undefined, required: true, attrs: { maxlength: 1000, minlength: 3 } })}
    <p><button type="submit" class="button button-danger">${t.revokeButton}</button></p>
  </form></details>`
        : '';
    const credentialCell = !credential
      ? t.credentialNone
      : html`<span class="pill pill-${credential.status === 'active' ? 'earned' : 'failed'}">${credential.status === 'active' ? t.credentialActive : fmt(t.credentialRevoked, { date: formatDay(new Date(credential.revokedAt ?? credential.issuedAt), ctx.lang) })}</span>
  ${credential.status === 'revoked' && credential.revocationReason ? html`<br><span class="small">${t.reasonLabel} <span data-user-text>${credential.revocationReason}</span></span>` : ''}
  <br><a href="${urls.credential(credential.id)}" aria-label="${fmt(t.viewCredentialLabel, { name: b.name })}">${t.viewCredential}</a>${revokeForm}`;
    return html`<tr id="badge-${b.key}">
  <th scope="row">${b.name}</th>
  <td data-label="${t.colState}"><span class="pill pill-${state.tone}">${state.text}</span> <span class="muted">${formatPercent(b.percent / 100, ctx.lang)}</span>
    ${award ? html`<br><span class="small">${fmt(t.awardedOn, { date: formatDay(award.awardedAt, ctx.lang), method: award.method === 'manual' ? t.methodManual : t.methodRule })}${award.reason ? html`<br>${t.reasonLabel} <span data-user-text>${award.reason}</span>` : ''}</span>` : ''}
    <details><summary>${t.conditions}</summary><ul class="conditions">${b.conditions.map((c) => html`<li class="condition condition-${c.met ? 'met' : 'missing'}"><span class="visually-hidden">${c.met ? p.conditionMet : p.conditionMissing}</span> ${c.detail}</li>`)}</ul></details></td>
  <td data-label="${t.colCredential}">${credentialCell}</td>
</tr>`;
  });
  const a = data.state?.form === 'attribution' ? data.state : undefined;
  const awardable = data.badges.filter((b) => !awards.has(b.key));
  const awardForm =
    awardable.length === 0
      ? html`<p class="muted">${t.awardNone}</p>`
      : html`<form method="post" action="${urls.organiser.learner(data.learner.id)}/attribution" class="form form-wide" novalidate id="form-attribution">
    ${formError(ctx, t, data.state, 'attribution')}
    ${csrfField(ctx)}
    ${select({ name: 'badge', label: t.fieldBadge, value: a?.values.badge, error: a?.errors.badge, options: [{ value: '', label: t.select }, ...awardable.map((b) => ({ value: b.key, label: b.name }))] })}
    ${input({ name: 'motif', label: t.awardReason, value: a?.values.motif, error: a?.errors.motif, required: true, attrs: { maxlength: 1000, minlength: 3 } })}
    <p><button type="submit" class="button">${t.awardButton}</button></p>
  </form>`;
  return html`<section aria-labelledby="titre-badges" id="badges">
  <h2 id="titre-badges">${t.badgesTitle}</h2>
  <div class="table-scroll" role="region" aria-labelledby="legende-badges" tabindex="0"><table class="table table-stack">
    <caption id="legende-badges">${t.badgesCaption}</caption>
    <thead><tr><th scope="col">${t.colBadge}</th><th scope="col">${t.colState}</th><th scope="col">${t.colCredential}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <div class="card section-gap">
    <h3>${t.awardTitle}</h3>
    <p class="muted">${t.awardLead}</p>
    ${awardForm}
  </div>
</section>`;
}

function mergeSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const m = data.state?.form === 'fusion' ? data.state : undefined;
  return html`<section aria-labelledby="titre-fusion" id="fusion" class="card section-gap">
  <h2 id="titre-fusion">${t.mergeTitle}</h2>
  <p class="muted">${t.mergeLead}</p>
  ${formError(ctx, t, data.state, 'fusion')}
  <form method="post" action="${urls.organiser.learner(data.learner.id)}/fusion" class="form form-wide" novalidate>
    ${csrfField(ctx)}
    ${input({ name: 'doublon', type: 'email', label: t.fieldDuplicate, value: m?.values.doublon, error: m?.errors.doublon, required: true, autocomplete: 'off', attrs: { spellcheck: 'false' } })}
    <div class="checkbox${m?.errors.confirmation ? ' field-invalid' : ''}"><input type="checkbox" id="champ-confirmation" name="confirmation" value="oui"${m?.errors.confirmation ? attr` aria-invalid="true" aria-describedby="champ-confirmation-erreur"` : ''}><label for="champ-confirmation">${t.mergeConfirm}</label></div>
    ${m?.errors.confirmation ? html`<p class="field-error" id="champ-confirmation-erreur">${m.errors.confirmation}</p>` : ''}
    <p><button type="submit" class="button button-danger">${t.mergeButton}</button></p>
  </form>
</section>`;
}

export function learnerPage(ctx: PageContext, data: LearnerPageData): PageView {
  const t = textFor(learnerText, ctx.lang);
  const l = data.learner;
  return {
    title: l.name ?? l.email,
    status: data.status,
    main: html`<p class="breadcrumb"><a href="${urls.organiser.learners()}">${t.breadcrumb}</a></p>
<h1>${l.name ?? l.email}</h1>
<dl class="facts facts-inline">
  <div><dt>${t.email}</dt><dd>${l.email}</dd></div>
  <div><dt>${t.organisation}</dt><dd>${l.organisation ?? t.none}</dd></div>
  <div><dt>${t.language}</dt><dd>${l.lang === 'en' ? t.langEn : t.langFr}</dd></div>
  <div><dt>${t.since}</dt><dd>${formatDay(l.createdAt, ctx.lang)}</dd></div>
</dl>
${attendanceSection(ctx, data)}
${badgesSection(ctx, data)}
${attemptsSection(ctx, data)}
${mergeSection(ctx, data)}`,
  };
}
