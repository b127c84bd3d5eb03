import type { EventView } from '../../events/web/programme.data';
import type { ImportHistoryRow } from './import.page';
import { formatDateTime } from '../../shared/format';
import { input } from '../../web/forms';
import { html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { importText } from './import.text';
import { importResultText } from './import-result.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { eventIntro, formatLabel, minutes, stat } from './import.partials';

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
  const tr = textFor(importResultText, ctx.lang);
  const { event, record } = data;
  const c = record.counts;
  // What is left to do, not what the file had: a matched row is done.
  const remaining = data.rows.filter((r) => !r.matchedEmail).length;
  const rows = data.rows.map((r) => {
    const error = data.rowError?.rowId === r.id ? data.rowError : undefined;
    const action = r.matchedEmail
      ? ''
      : html`${r.suggestions.length ? html`<p class="small muted">${tr.suggestions}</p><ul class="suggestions">${r.suggestions.map((s) => html`<li><form method="post" action="${urls.organiser.matchRow(r.id)}">${csrfField(ctx)}<input type="hidden" name="learnerId" value="${s.id}"><button type="submit" class="button button-small button-secondary">${fmt(tr.matchTo, { who: s.name ? `${s.name} <${s.email}>` : s.email })}</button></form></li>`)}</ul>` : ''}
<form method="post" action="${urls.organiser.matchRow(r.id)}" class="inline-form" novalidate>
  ${csrfField(ctx)}
  ${input({ name: `email-${r.line}`, type: 'email', label: fmt(tr.matchEmailLabel, { line: r.line }), value: error?.email, error: error?.message, autocomplete: 'off', attrs: { spellcheck: 'false' } })}
  <button type="submit" class="button button-small">${tr.matchButton}</button>
</form>`;
    return html`<tr id="ligne-${r.line}">
  <td class="num" data-label="${t.colLine}">${r.line}</td>
  <th scope="row">${r.name}</th>
  <td class="num" data-label="${t.colMinutes}">${minutes(r.minutes, ctx.lang)}</td>
  <td data-label="${t.colStatus}">${r.matchedEmail ? html`<span class="pill pill-present">${fmt(tr.matchedTo, { email: r.matchedEmail })}</span>` : html`<span class="pill pill-pending">${tr.toMatch}</span>`}</td>
  <td data-label="${t.colAction}">${action}</td>
</tr>`;
  });
  return {
    title: `${tr.resultTitle} · ${event.title}`,
    status: data.status,
    main: html`${eventIntro(ctx, t, event)}
<h1>${tr.resultTitle}</h1>
<p class="lead">${fmt(tr.resultLead, { file: record.fileName ?? t.noFileName, date: formatDateTime(record.importedAt, ctx.lang), by: record.importedBy })}</p>
<p class="muted">${formatLabel(t, record.format)}</p>
<ul class="stats">
  ${stat(c.peopleCount ?? 0, t.statPeople)}
  ${stat(c.learnersCreated ?? 0, tr.statCreated)}
  ${stat(c.attendanceCreated ?? 0, tr.statAttendanceCreated)}
  ${stat(c.attendanceUpdated ?? 0, tr.statAttendanceUpdated)}
  ${stat(c.unchanged ?? 0, tr.statUnchanged)}
  ${stat(remaining, t.statUnmatched, remaining > 0 ? ' stat-alert' : '')}
</ul>
<section aria-labelledby="titre-rapprocher">
  <h2 id="titre-rapprocher">${tr.matchTitle}</h2>
  ${
    rows.length === 0
      ? html`<p class="empty">${tr.matchNone}</p>`
      : html`<p class="section-lead">${tr.matchLead}</p>
  <div class="table-scroll" role="region" aria-labelledby="legende-rapprocher" tabindex="0"><table class="table table-stack">
    <caption id="legende-rapprocher">${tr.matchCaption}</caption>
    <thead><tr><th scope="col" class="num">${t.colLine}</th><th scope="col">${t.colName}</th><th scope="col" class="num">${t.colMinutes}</th><th scope="col">${t.colStatus}</th><th scope="col">${tr.matchButton}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>
<p class="actions section-gap"><a class="button" href="${urls.organiser.import(event.key)}">${tr.importAnother}</a> <a class="button button-secondary" href="${urls.organiser.learners()}">${tr.seeLearners}</a> <a class="button button-secondary" href="${urls.organiser.progress()}">${tr.seeProgress}</a></p>`,
  };
}
