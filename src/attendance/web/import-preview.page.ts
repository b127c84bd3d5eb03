import type { ImportPreview } from '../import.service';
import type { EventView } from '../../events/web/programme.data';
import { formatDateTime, formatTimeRange } from '../../shared/format';
import { fileField } from '../../web/forms';
import { html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { importText } from './import.text';
import { fmt, textFor } from '../../shared/text';
import type { Mapping } from './import-mapping.form';
import { mappingFact, mappingHiddenFields } from './import-mapping.page';
import { urls } from '../../web/urls';
import { ACCEPT, delimiterLabel, eventIntro, formatLabel, minutes, stat, steps } from './import.partials';

/** More rows than this would make a page no one reads; the import itself takes them all. */
export const PEOPLE_SHOWN = 500;

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
      <p><a href="${urls.organiser.importResult(event.key, preview.alreadyImported)}">${t.alreadyLink}</a></p></div>`
    : html`<form method="post" action="${urls.organiser.import(event.key)}" enctype="multipart/form-data" class="card form form-wide confirm-form" novalidate>
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
  <p class="actions"><button type="submit" class="button">${t.confirmButton}</button> <a class="button button-secondary" href="${urls.organiser.import(event.key)}">${t.cancel}</a></p>
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
