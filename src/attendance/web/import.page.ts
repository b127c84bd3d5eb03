import type { EventView } from '../../events/web/programme.data';
import { formatDateTime } from '../../shared/format';
import { errorSummary, fileField } from '../../web/forms';
import { attr, html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { importText } from './import.text';
import { importMappingText } from './import-mapping.text';
import { fmt, textFor } from '../../shared/text';
import { mappingForm, type MappingFormData } from './import-mapping.page';
import { urls } from '../../web/urls';
import { eventFacts, eventIntro, ACCEPT, columnHeads, formatLabel, steps } from './import.partials';

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
    const label = fmt(t.viewImportLabel, { date });
    const href = urls.organiser.importResult(event.key, i.id);
    const link = html`<a href="${href}" aria-label="${label}">${t.viewImport}</a>`;
    return html`<tr>
  <td class="nowrap" data-label="${t.colDate}">${date}</td>
  <td data-label="${t.colFile}">${i.fileName ?? t.noFileName}</td>
  <td data-label="${t.colFormat}">${formatLabel(t, i.format)}</td>
  <td data-label="${t.colBy}">${i.importedBy}</td>
  <td class="num" data-label="${t.colPeople}">${i.counts.peopleCount ?? 0}</td>
  <td class="num" data-label="${t.colUnmatched}">${i.counts.unmatchedCount ?? 0}</td>
  <td data-label="${t.colAction}">${link}</td>
</tr>`;
  });
  const errorTitle = data.message || !data.mapping ? t.formErrorTitle : textFor(importMappingText, ctx.lang).errorTitle;
  const file = fileField({
    name: 'fichier',
    label: t.fileLabel,
    hint: t.fileHint,
    dropText: t.dropHere,
    chooseText: t.chooseFile,
    chosenText: t.chosenFile,
    accept: ACCEPT,
    required: true,
    error: data.errors?.fichier,
  });
  const action = urls.organiser.import(event.key);
  const multipart = attr`enctype="multipart/form-data" class="card form form-wide"`;
  const heads = columnHeads([
    t.colDate,
    t.colFile,
    t.colFormat,
    t.colBy,
    { num: t.colPeople },
    { num: t.colUnmatched },
    t.colAction,
  ]);
  return {
    title: `${t.title} · ${event.title}`,
    status: data.status,
    main: html`${eventIntro(ctx, t, event)}
<h1>${t.title}</h1>
${eventFacts(ctx, t, event)}
<p class="section-lead">${t.lead}</p>
${steps(t, 1)}
${failed ? errorSummary(errorTitle, data.message ?? '', data.errors) : ''}
${
  data.mapping
    ? mappingForm(ctx, action, ACCEPT, data.mapping, data.errors)
    : html`<form method="post" action="${action}" ${multipart} novalidate data-import-preview>
  ${csrfField(ctx)}
  <input type="hidden" name="etape" value="apercu">
  ${file}
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
    <thead><tr>${heads}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>`,
  };
}
