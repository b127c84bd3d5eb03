import type { ImportPreview } from '../import.service';
import type { EventView } from '../../events/web/programme.data';
import { formatDateTime, formatTimeRange } from '../../shared/format';
import { attr, html, type Html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { importText } from './import.text';
import { fmt, textFor } from '../../shared/text';
import type { Mapping } from './import-mapping.form';
import { mappingFact, mappingHiddenFields } from './import-mapping.page';
import { urls } from '../../web/urls';
import {
  ACCEPT,
  sameFileField,
  columnHeads,
  delimiterLabel,
  eventIntro,
  formatLabel,
  minutes,
  scrollRegion,
  stat,
  steps,
  type T,
} from './import.partials';

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

function confirmForm(ctx: PageContext, t: T, data: PreviewData): Html {
  const { event, preview } = data;
  if (preview.alreadyImported) {
    const already = html`<p class="notice-title">${t.alreadyTitle}</p><p>${t.alreadyBody}</p>`;
    const href = urls.organiser.importResult(event.key, preview.alreadyImported);
    return html`<div class="notice notice-info" role="status">${already}
      <p><a href="${href}">${t.alreadyLink}</a></p></div>`;
  }
  const partial = html`<label for="champ-partiel">${fmt(t.acceptPartial, { count: preview.errors.length })}</label>`;
  const partialBox = html`<input type="checkbox" id="champ-partiel" name="partiel" value="oui">`;
  const sameFile = sameFileField(t, data.fileName, ACCEPT);
  const action = urls.organiser.import(event.key);
  const cancel = html`<a class="button button-secondary" href="${action}">${t.cancel}</a>`;
  const multipart = attr`enctype="multipart/form-data"`;
  return html`<form method="post" action="${action}" ${multipart} class="card form form-wide confirm-form" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="etape" value="confirmer">
  <input type="hidden" name="empreinte" value="${preview.fileHash}">
  <input type="hidden" name="nom" value="${data.fileName}">
  ${mappingHiddenFields(data.mapping)}
  <h2 id="titre-confirmer">${t.confirmTitle}</h2>
  <p>${t.confirmLead}</p>
  ${preview.errors.length > 0 ? html`<div class="checkbox">${partialBox}${partial}</div>` : ''}
  <p class="notice notice-success carried" data-carried hidden>${t.fileCarried}</p>
  <div data-same-file>${sameFile}</div>
  <p class="actions"><button type="submit" class="button">${t.confirmButton}</button> ${cancel}</p>
</form>`;
}

/** What was read from the file: its name, layout, encoding, the time window and its fingerprint. */
function summarySection(ctx: PageContext, t: T, data: PreviewData): Html {
  const { event, preview } = data;
  const window = { start: new Date(preview.window.startsAt), end: new Date(preview.window.endsAt) };
  const windowStart = formatDateTime(window.start, ctx.lang, event.timezone);
  const windowText = `${windowStart} – ${formatTimeRange(window.end, null, ctx.lang, event.timezone)}`;
  const windowSource = preview.window.source === 'event' ? t.windowFromEvent : t.windowFromReport;
  const hash = html`<code class="hash" title="${preview.fileHash}">${preview.fileHash.slice(0, 16)}…</code>`;
  return html`<section aria-labelledby="titre-lu" class="card">
  <h2 id="titre-lu">${t.summaryTitle}</h2>
  <dl class="facts">
    <div><dt>${t.fileName}</dt><dd>${data.fileName}</dd></div>
    <div><dt>${t.format}</dt><dd data-format="${preview.format}">${formatLabel(t, preview.format)}</dd></div>
    <div><dt>${t.encoding}</dt><dd><code>${preview.encoding}</code></dd></div>
    <div><dt>${t.delimiter}</dt><dd>${delimiterLabel(t, preview.delimiter)}</dd></div>
    ${preview.format === 'mapped' ? mappingFact(ctx, data.mapping) : ''}
    <div><dt>${t.window}</dt><dd>${windowText} <span class="muted">(${windowSource})</span></dd></div>
    <div><dt>${t.rowsRead}</dt><dd>${preview.rowsRead}</dd></div>
    <div><dt>${t.fingerprint}</dt><dd>${hash}</dd></div>
  </dl>
</section>`;
}

function peopleSection(ctx: PageContext, t: T, preview: ImportPreview): Html {
  const shown = preview.people.slice(0, PEOPLE_SHOWN);
  const people = shown.map((p) => {
    const decided = p.attended ? t.present : t.absent;
    const decision = html`<span class="pill pill-${p.attended ? 'present' : 'absent'}">${decided}</span>`;
    return html`<tr>
  <th scope="row">${p.name ?? ''}</th>
  <td data-label="${t.colEmail}">${p.email}</td>
  <td data-label="${t.colOrganisation}">${p.organisation ?? ''}</td>
  <td class="num" data-label="${t.colMinutes}">${minutes(p.minutes, ctx.lang)}</td>
  <td data-label="${t.colDecision}">${decision}</td>
  <td class="detail" data-label="${t.colReason}">${p.reason.message}</td>
  <td class="num" data-label="${t.colLines}">${p.lines.join(', ')}</td>
</tr>`;
  });
  const truncated =
    preview.people.length > shown.length
      ? html`<p class="section-lead">${fmt(t.peopleTruncated, {
          shown: shown.length,
          total: preview.people.length,
        })}</p>`
      : '';
  const heads = columnHeads([
    t.colName,
    t.colEmail,
    t.colOrganisation,
    { num: t.colMinutes },
    t.colDecision,
    t.colReason,
    { num: t.colLines },
  ]);
  return html`<section aria-labelledby="titre-personnes">
  <h2 id="titre-personnes">${t.peopleTitle}</h2>
  ${truncated}
  ${scrollRegion('legende-personnes')}<table class="table table-stack">
    <caption id="legende-personnes">${t.peopleCaption}</caption>
    <thead><tr>${heads}</tr></thead>
    <tbody>${people}</tbody>
  </table></div>
</section>`;
}

/** The lines refused (errors) and the people without an e-mail address (unmatched), when there are some. */
function problemSections(ctx: PageContext, t: T, preview: ImportPreview): { errors: Html | ''; unmatched: Html | '' } {
  const lineCell = (line: number) => html`<td class="num" data-label="${t.colLine}">${line}</td>`;
  const errors = preview.errors.map(
    (e) => html`<tr>${lineCell(e.line)}<td data-label="${t.colMessage}">${e.message}</td></tr>`,
  );
  const unmatched = preview.unmatched.map((u) => {
    const time = html`<td class="num" data-label="${t.colMinutes}">${minutes(u.minutes, ctx.lang)}</td>`;
    return html`<tr>${lineCell(u.line)}<th scope="row">${u.name}</th>${time}</tr>`;
  });
  return {
    errors: errors.length
      ? html`<section aria-labelledby="titre-erreurs">
  <h2 id="titre-erreurs">${t.errorsTitle}</h2>
  <p class="section-lead">${t.errorsLead}</p>
  ${scrollRegion('legende-erreurs')}<table class="table table-stack">
    <caption id="legende-erreurs">${t.errorsCaption}</caption>
    <thead><tr>${columnHeads([{ num: t.colLine }, t.colMessage])}</tr></thead>
    <tbody>${errors}</tbody>
  </table></div>
</section>`
      : '',
    unmatched: unmatched.length
      ? html`<section aria-labelledby="titre-sans-email">
  <h2 id="titre-sans-email">${t.unmatchedTitle}</h2>
  <p class="section-lead">${t.unmatchedLead}</p>
  ${scrollRegion('legende-sans-email')}<table class="table table-stack">
    <caption id="legende-sans-email">${t.unmatchedCaption}</caption>
    <thead><tr>${columnHeads([{ num: t.colLine }, t.colName, { num: t.colMinutes }])}</tr></thead>
    <tbody>${unmatched}</tbody>
  </table></div>
</section>`
      : '',
  };
}

export function previewPage(ctx: PageContext, data: PreviewData): PageView {
  const t = textFor(importText, ctx.lang);
  const { event, preview } = data;
  const present = preview.people.filter((p) => p.attended).length;
  const warnings = preview.warnings.map((w) => html`<li>${w.message}</li>`);
  const warningsTitle = html`<p class="notice-title">${t.warningsTitle}</p>`;
  const problems = problemSections(ctx, t, preview);
  return {
    title: `${t.previewTitle} · ${event.title}`,
    status: data.status,
    main: html`${eventIntro(ctx, t, event)}
<h1>${t.previewTitle}</h1>
<p class="lead">${t.previewLead}</p>
${steps(t, 2)}
${data.alert ? notice('error', data.alert.title, data.alert.message, 'erreurs') : ''}
${summarySection(ctx, t, data)}
<ul class="stats">
  ${stat(preview.people.length, t.statPeople)}
  ${stat(present, t.statPresent)}
  ${stat(preview.people.length - present, t.statAbsent)}
  ${stat(preview.unmatched.length, t.statUnmatched)}
  ${preview.errors.length > 0 ? stat(preview.errors.length, t.statErrors, ' stat-alert') : ''}
</ul>
${warnings.length ? html`<div class="notice notice-info" role="status">${warningsTitle}<ul>${warnings}</ul></div>` : ''}
${problems.errors}
${peopleSection(ctx, t, preview)}
${problems.unmatched}
${steps(t, 3)}
${confirmForm(ctx, t, data)}`,
  };
}
