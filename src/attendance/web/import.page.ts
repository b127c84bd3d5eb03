import type { ImportPreview } from '../import.service';
import type { EventView } from '../../events/web/programme.data';
import { formatDateTime, formatPercent, formatTimeRange } from '../../shared/format';
import { errorSummary, fileField, input } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { importText } from './import.text';
import { importMappingText } from './import-mapping.text';
import { fmt, textFor } from '../../shared/text';
import { eventWhen } from '../../events/web/programme.partials';
import type { Mapping } from './import-mapping.form';
import { mappingFact, mappingForm, mappingHiddenFields, type MappingFormData } from './import-mapping.page';

type T = Readonly<Record<keyof typeof importText.fr, string>>;

/** More rows than this would make a page no one reads; the import itself takes them all. */
export const PEOPLE_SHOWN = 500;
const ACCEPT =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importUrl = (key: string) => `/organisateur/evenements/${key}/import`;
export const importResultUrl = (key: string, id: string) => `${importUrl(key)}/${id}`;

export function formatLabel(t: T, format: string): string {
  const key = `format.${format}` as keyof T;
  return key in t ? t[key] : format;
}

function delimiterLabel(t: T, delimiter: string): string {
  const names: Record<string, keyof T> = { ',': 'delimiter.comma', ';': 'delimiter.semicolon', '\t': 'delimiter.tab' };
  return names[delimiter] ? t[names[delimiter]!] : delimiter;
}

function eventIntro(ctx: PageContext, t: T, event: EventView): Html {
  return html`<p class="breadcrumb"><a href="/organisateur/evenements">${t.breadcrumb}</a></p>
<p class="eyebrow">${event.title}</p>`;
}

function eventFacts(ctx: PageContext, t: T, event: EventView): Html {
  return event.startsAt
    ? html`<p class="lead">${fmt(t.eventLine, { when: eventWhen(event, ctx.lang), percent: formatPercent(event.minPresenceRatio, ctx.lang) })}</p>`
    : notice('info', t.eventUndated, '');
}

function steps(t: T, current: 1 | 2 | 3): Html {
  const items = [t.step1, t.step2, t.step3].map(
    (label, i) =>
      html`<li${i + 1 === current ? attr` aria-current="step" class="step-current"` : ''}><span class="steps-number" aria-hidden="true">${i + 1}</span> ${label}${i + 1 === current ? html` <span class="visually-hidden">${t.currentStep}</span>` : ''}</li>`,
  );
  return html`<ol class="progress-steps" aria-label="${t.stepsLabel}">${items}</ol>`;
}

export interface ImportHistoryRow {
  id: string;
  fileName: string | null;
  format: string;
  importedBy: string;
  importedAt: Date;
  counts: Record<string, number>;
}

export interface ImportFormData {
  event: EventView;
  history: ImportHistoryRow[];
  message?: string;
  errors?: Record<string, string>;
  /** The file is in no known layout: its columns, to say which is which (replaces the file form). */
  mapping?: MappingFormData;
  status?: number;
}

export function importPage(ctx: PageContext, data: ImportFormData): PageView {
  const t = textFor(importText, ctx.lang);
  const { event } = data;
  const failed = data.message || (data.errors && Object.keys(data.errors).length > 0);
  const rows = data.history.map((i) => {
    const date = formatDateTime(i.importedAt, ctx.lang);
    return html`<tr>
  <td class="nowrap" data-label="${t.colDate}">${date}</td>
  <td data-label="${t.colFile}">${i.fileName ?? t.noFileName}</td>
  <td data-label="${t.colFormat}">${formatLabel(t, i.format)}</td>
  <td data-label="${t.colBy}">${i.importedBy}</td>
  <td class="num" data-label="${t.colPeople}">${i.counts.peopleCount ?? 0}</td>
  <td class="num" data-label="${t.colUnmatched}">${i.counts.unmatchedCount ?? 0}</td>
  <td data-label="${t.colAction}"><a href="${importResultUrl(event.key, i.id)}" aria-label="${fmt(t.viewImportLabel, { date })}">${t.viewImport}</a></td>
</tr>`;
  });
  return {
    title: `${t.title} · ${event.title}`,
    status: data.status,
    main: html`${eventIntro(ctx, t, event)}
<h1>${t.title}</h1>
${eventFacts(ctx, t, event)}
<p class="section-lead">${t.lead}</p>
${steps(t, 1)}
${failed ? errorSummary(data.message || !data.mapping ? t.formErrorTitle : textFor(importMappingText, ctx.lang).errorTitle, data.message ?? '', data.errors) : ''}
${
  data.mapping
    ? mappingForm(ctx, importUrl(event.key), ACCEPT, data.mapping, data.errors)
    : html`<form method="post" action="${importUrl(event.key)}" enctype="multipart/form-data" class="card form form-wide" novalidate data-import-preview>
  ${csrfField(ctx)}
  <input type="hidden" name="etape" value="apercu">
  ${fileField({ name: 'fichier', label: t.fileLabel, hint: t.fileHint, dropText: t.dropHere, chooseText: t.chooseFile, chosenText: t.chosenFile, accept: ACCEPT, required: true, error: data.errors?.fichier })}
  <p><button type="submit" class="button">${t.previewButton}</button></p>
</form>`
}
<section aria-labelledby="titre-historique">
  <h2 id="titre-historique">${t.historyTitle}</h2>
  ${
    rows.length === 0
      ? html`<p class="empty">${t.historyEmpty}</p>`
      : html`<div class="table-scroll" role="region" aria-labelledby="legende-historique" tabindex="0">
  <table class="table table-stack">
    <caption id="legende-historique">${t.historyCaption}</caption>
    <thead><tr><th scope="col">${t.colDate}</th><th scope="col">${t.colFile}</th><th scope="col">${t.colFormat}</th><th scope="col">${t.colBy}</th><th scope="col" class="num">${t.colPeople}</th><th scope="col" class="num">${t.colUnmatched}</th><th scope="col">${t.colAction}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>`,
  };
}

function stat(value: number, label: string, tone = ''): Html {
  return html`<li class="stat${tone}"><p class="stat-value">${value}</p><p class="stat-label">${label}</p></li>`;
}

const minutes = (value: number, lang: PageContext['lang']) =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

export interface PreviewData {
  event: EventView;
  fileName: string;
  preview: ImportPreview;
  /** A refusal or a surprise to show above the preview (other file, errors not accepted). */
  alert?: { title: string; message: string };
  /** The columns the organiser mapped, for a file in no known layout. */
  mapping?: Mapping;
  status?: number;
}

export function previewPage(ctx: PageContext, data: PreviewData): PageView {
  const t = textFor(importText, ctx.lang);
  const { event, preview } = data;
  const present = preview.people.filter((p) => p.attended).length;
  const window = { start: new Date(preview.window.startsAt), end: new Date(preview.window.endsAt) };
  const windowText = `${formatDateTime(window.start, ctx.lang, event.timezone)} – ${formatTimeRange(window.end, null, ctx.lang, event.timezone)}`;
  const shown = preview.people.slice(0, PEOPLE_SHOWN);
  const people = shown.map(
    (p) => html`<tr>
  <th scope="row">${p.name ?? ''}</th>
  <td data-label="${t.colEmail}">${p.email}</td>
  <td data-label="${t.colOrganisation}">${p.organisation ?? ''}</td>
  <td class="num" data-label="${t.colMinutes}">${minutes(p.minutes, ctx.lang)}</td>
  <td data-label="${t.colDecision}"><span class="pill pill-${p.attended ? 'present' : 'absent'}">${p.attended ? t.present : t.absent}</span></td>
  <td class="detail" data-label="${t.colReason}">${p.reason.message}</td>
  <td class="num" data-label="${t.colLines}">${p.lines.join(', ')}</td>
</tr>`,
  );
  const errors = preview.errors.map(
    (e) =>
      html`<tr><td class="num" data-label="${t.colLine}">${e.line}</td><td data-label="${t.colMessage}">${e.message}</td></tr>`,
  );
  const unmatched = preview.unmatched.map(
    (u) =>
      html`<tr><td class="num" data-label="${t.colLine}">${u.line}</td><th scope="row">${u.name}</th><td class="num" data-label="${t.colMinutes}">${minutes(u.minutes, ctx.lang)}</td></tr>`,
  );
  const warnings = preview.warnings.map((w) => html`<li>${w.message}</li>`);
  const confirm = preview.alreadyImported
    ? html`<div class="notice notice-info" role="status"><p class="notice-title">${t.alreadyTitle}</p><p>${t.alreadyBody}</p>
      <p><a href="${importResultUrl(event.key, preview.alreadyImported)}">${t.alreadyLink}</a></p></div>`
    : html`<form method="post" action="${importUrl(event.key)}" enctype="multipart/form-data" class="card form form-wide confirm-form" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="etape" value="confirmer">
  <input type="hidden" name="empreinte" value="${preview.fileHash}">
  <input type="hidden" name="nom" value="${data.fileName}">
  ${mappingHiddenFields(data.mapping)}
  <h2 id="titre-confirmer">${t.confirmTitle}</h2>
  <p>${t.confirmLead}</p>
  ${preview.errors.length > 0 ? html`<div class="checkbox"><input type="checkbox" id="champ-partiel" name="partiel" value="oui"><label for="champ-partiel">${fmt(t.acceptPartial, { count: preview.errors.length })}</label></div>` : ''}
  <p class="notice notice-success carried" data-carried hidden>${t.fileCarried}</p>
  <div data-same-file>${fileField({ name: 'fichier', label: t.sameFileLabel, hint: fmt(t.sameFileHint, { name: data.fileName }), dropText: t.dropHere, chooseText: t.chooseFile, chosenText: t.chosenFile, accept: ACCEPT, required: true })}</div>
  <p class="actions"><button type="submit" class="button">${t.confirmButton}</button> <a class="button button-secondary" href="${importUrl(event.key)}">${t.cancel}</a></p>
</form>`;
  return {
    title: `${t.previewTitle} · ${event.title}`,
    status: data.status,
    main: html`${eventIntro(ctx, t, event)}
<h1>${t.previewTitle}</h1>
<p class="lead">${t.previewLead}</p>
${steps(t, 2)}
${data.alert ? notice('error', data.alert.title, data.alert.message, 'erreurs') : ''}
<section aria-labelledby="titre-lu" class="card">
  <h2 id="titre-lu">${t.summaryTitle}</h2>
  <dl class="facts">
    <div><dt>${t.fileName}</dt><dd>${data.fileName}</dd></div>
    <div><dt>${t.format}</dt><dd data-format="${preview.format}">${formatLabel(t, preview.format)}</dd></div>
    <div><dt>${t.encoding}</dt><dd><code>${preview.encoding}</code></dd></div>
    <div><dt>${t.delimiter}</dt><dd>${delimiterLabel(t, preview.delimiter)}</dd></div>
    ${preview.format === 'mapped' ? mappingFact(ctx, data.mapping) : ''}
    <div><dt>${t.window}</dt><dd>${windowText} <span class="muted">(${preview.window.source === 'event' ? t.windowFromEvent : t.windowFromReport})</span></dd></div>
    <div><dt>${t.rowsRead}</dt><dd>${preview.rowsRead}</dd></div>
    <div><dt>${t.fingerprint}</dt><dd><code class="hash" title="${preview.fileHash}">${preview.fileHash.slice(0, 16)}…</code></dd></div>
  </dl>
</section>
<ul class="stats">
  ${stat(preview.people.length, t.statPeople)}
  ${stat(present, t.statPresent)}
  ${stat(preview.people.length - present, t.statAbsent)}
  ${stat(preview.unmatched.length, t.statUnmatched)}
  ${preview.errors.length > 0 ? stat(preview.errors.length, t.statErrors, ' stat-alert') : ''}
</ul>
${warnings.length ? html`<div class="notice notice-info" role="status"><p class="notice-title">${t.warningsTitle}</p><ul>${warnings}</ul></div>` : ''}
${
  errors.length
    ? html`<section aria-labelledby="titre-erreurs">
  <h2 id="titre-erreurs">${t.errorsTitle}</h2>
  <p class="section-lead">${t.errorsLead}</p>
  <div class="table-scroll" role="region" aria-labelledby="legende-erreurs" tabindex="0"><table class="table table-stack">
    <caption id="legende-erreurs">${t.errorsCaption}</caption>
    <thead><tr><th scope="col" class="num">${t.colLine}</th><th scope="col">${t.colMessage}</th></tr></thead>
    <tbody>${errors}</tbody>
  </table></div>
</section>`
    : ''
}
<section aria-labelledby="titre-personnes">
  <h2 id="titre-personnes">${t.peopleTitle}</h2>
  ${preview.people.length > shown.length ? html`<p class="section-lead">${fmt(t.peopleTruncated, { shown: shown.length, total: preview.people.length })}</p>` : ''}
  <div class="table-scroll" role="region" aria-labelledby="legende-personnes" tabindex="0"><table class="table table-stack">
    <caption id="legende-personnes">${t.peopleCaption}</caption>
    <thead><tr><th scope="col">${t.colName}</th><th scope="col">${t.colEmail}</th><th scope="col">${t.colOrganisation}</th><th scope="col" class="num">${t.colMinutes}</th><th scope="col">${t.colDecision}</th><th scope="col">${t.colReason}</th><th scope="col" class="num">${t.colLines}</th></tr></thead>
    <tbody>${people}</tbody>
  </table></div>
</section>
${
  unmatched.length
    ? html`<section aria-labelledby="titre-sans-email">
  <h2 id="titre-sans-email">${t.unmatchedTitle}</h2>
  <p class="section-lead">${t.unmatchedLead}</p>
  <div class="table-scroll" role="region" aria-labelledby="legende-sans-email" tabindex="0"><table class="table table-stack">
    <caption id="legende-sans-email">${t.unmatchedCaption}</caption>
    <thead><tr><th scope="col" class="num">${t.colLine}</th><th scope="col">${t.colName}</th><th scope="col" class="num">${t.colMinutes}</th></tr></thead>
    <tbody>${unmatched}</tbody>
  </table></div>
</section>`
    : ''
}
${steps(t, 3)}
${confirm}`,
  };
}

export interface UnmatchedView {
  id: string;
  line: number;
  name: string;
  minutes: number;
  matchedEmail: string | null;
  suggestions: Array<{ id: string; email: string; name: string | null }>;
}

export interface ResultData {
  event: EventView;
  record: ImportHistoryRow;
  rows: UnmatchedView[];
  /** The e-mail typed for a row that was refused, with its message. */
  rowError?: { rowId: string; email: string; message: string };
  status?: number;
}

export function importResultPage(ctx: PageContext, data: ResultData): PageView {
  const t = textFor(importText, ctx.lang);
  const { event, record } = data;
  const c = record.counts;
  // What is left to do, not what the file had: a matched row is done.
  const remaining = data.rows.filter((r) => !r.matchedEmail).length;
  const rows = data.rows.map((r) => {
    const error = data.rowError?.rowId === r.id ? data.rowError : undefined;
    const action = r.matchedEmail
      ? ''
      : html`${r.suggestions.length ? html`<p class="small muted">${t.suggestions}</p><ul class="suggestions">${r.suggestions.map((s) => html`<li><form method="post" action="/organisateur/lignes/${r.id}/rattacher">${csrfField(ctx)}<input type="hidden" name="learnerId" value="${s.id}"><button type="submit" class="button button-small button-secondary">${fmt(t.matchTo, { who: s.name ? `${s.name} <${s.email}>` : s.email })}</button></form></li>`)}</ul>` : ''}
<form method="post" action="/organisateur/lignes/${r.id}/rattacher" class="inline-form" novalidate>
  ${csrfField(ctx)}
  ${input({ name: `email-${r.line}`, type: 'email', label: fmt(t.matchEmailLabel, { line: r.line }), value: error?.email, error: error?.message, autocomplete: 'off', attrs: { spellcheck: 'false' } })}
  <button type="submit" class="button button-small">${t.matchButton}</button>
</form>`;
    return html`<tr id="ligne-${r.line}">
  <td class="num" data-label="${t.colLine}">${r.line}</td>
  <th scope="row">${r.name}</th>
  <td class="num" data-label="${t.colMinutes}">${minutes(r.minutes, ctx.lang)}</td>
  <td data-label="${t.colStatus}">${r.matchedEmail ? html`<span class="pill pill-present">${fmt(t.matchedTo, { email: r.matchedEmail })}</span>` : html`<span class="pill pill-pending">${t.toMatch}</span>`}</td>
  <td data-label="${t.colAction}">${action}</td>
</tr>`;
  });
  return {
    title: `${t.resultTitle} · ${event.title}`,
    status: data.status,
    main: html`${eventIntro(ctx, t, event)}
<h1>${t.resultTitle}</h1>
<p class="lead">${fmt(t.resultLead, { file: record.fileName ?? t.noFileName, date: formatDateTime(record.importedAt, ctx.lang), by: record.importedBy })}</p>
<p class="muted">${formatLabel(t, record.format)}</p>
<ul class="stats">
  ${stat(c.peopleCount ?? 0, t.statPeople)}
  ${stat(c.learnersCreated ?? 0, t.statCreated)}
  ${stat(c.attendanceCreated ?? 0, t.statAttendanceCreated)}
  ${stat(c.attendanceUpdated ?? 0, t.statAttendanceUpdated)}
  ${stat(c.unchanged ?? 0, t.statUnchanged)}
  ${stat(remaining, t.statUnmatched, remaining > 0 ? ' stat-alert' : '')}
</ul>
<section aria-labelledby="titre-rapprocher">
  <h2 id="titre-rapprocher">${t.matchTitle}</h2>
  ${
    rows.length === 0
      ? html`<p class="empty">${t.matchNone}</p>`
      : html`<p class="section-lead">${t.matchLead}</p>
  <div class="table-scroll" role="region" aria-labelledby="legende-rapprocher" tabindex="0"><table class="table table-stack">
    <caption id="legende-rapprocher">${t.matchCaption}</caption>
    <thead><tr><th scope="col" class="num">${t.colLine}</th><th scope="col">${t.colName}</th><th scope="col" class="num">${t.colMinutes}</th><th scope="col">${t.colStatus}</th><th scope="col">${t.matchButton}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>
<p class="actions section-gap"><a class="button" href="${importUrl(event.key)}">${t.importAnother}</a> <a class="button button-secondary" href="/organisateur/apprenants">${t.seeLearners}</a> <a class="button button-secondary" href="/organisateur/progression">${t.seeProgress}</a></p>`,
  };
}
