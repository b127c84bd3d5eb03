import type { EventView } from '../../events/web/programme.data';
import type { ImportHistoryRow } from './import.page';
import { formatDateTime } from '../../shared/format';
import { input } from '../../web/forms';
import { html, type Html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { importText } from './import.text';
import { importResultText } from './import-result.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { columnHeads, eventIntro, formatLabel, minutes, scrollRegion, stat, type T } from './import.partials';

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

type TR = Readonly<Record<keyof typeof importResultText.fr, string>>;

/** One button per learner who might be the person on this row. */
function suggestionList(ctx: PageContext, tr: TR, r: UnmatchedView): Html | '' {
  if (!r.suggestions.length) return '';
  const items = r.suggestions.map((s) => {
    const who = s.name ? `${s.name} <${s.email}>` : s.email;
    const hidden = html`<input type="hidden" name="learnerId" value="${s.id}">`;
    const label = fmt(tr.matchTo, { who });
    const button = html`<button type="submit" class="button button-small button-secondary">${label}</button>`;
    const action = urls.organiser.matchRow(r.id);
    return html`<li><form method="post" action="${action}">${csrfField(ctx)}${hidden}${button}</form></li>`;
  });
  return html`<p class="small muted">${tr.suggestions}</p><ul class="suggestions">${items}</ul>`;
}

/** A row the file gave without an e-mail: what is left to do (suggestions, or an address to type). */
function matchAction(ctx: PageContext, tr: TR, r: UnmatchedView, error?: ResultData['rowError']): Html | '' {
  if (r.matchedEmail) return '';
  const email = input({
    name: `email-${r.line}`,
    type: 'email',
    label: fmt(tr.matchEmailLabel, { line: r.line }),
    value: error?.email,
    error: error?.message,
    autocomplete: 'off',
    attrs: { spellcheck: 'false' },
  });
  return html`${suggestionList(ctx, tr, r)}
<form method="post" action="${urls.organiser.matchRow(r.id)}" class="inline-form" novalidate>
  ${csrfField(ctx)}
  ${email}
  <button type="submit" class="button button-small">${tr.matchButton}</button>
</form>`;
}

function matchRow(ctx: PageContext, t: T, tr: TR, r: UnmatchedView, error?: ResultData['rowError']): Html {
  const status = r.matchedEmail
    ? html`<span class="pill pill-present">${fmt(tr.matchedTo, { email: r.matchedEmail })}</span>`
    : html`<span class="pill pill-pending">${tr.toMatch}</span>`;
  return html`<tr id="ligne-${r.line}">
  <td class="num" data-label="${t.colLine}">${r.line}</td>
  <th scope="row">${r.name}</th>
  <td class="num" data-label="${t.colMinutes}">${minutes(r.minutes, ctx.lang)}</td>
  <td data-label="${t.colStatus}">${status}</td>
  <td data-label="${t.colAction}">${matchAction(ctx, tr, r, error)}</td>
</tr>`;
}

export function importResultPage(ctx: PageContext, data: ResultData): PageView {
  const t = textFor(importText, ctx.lang);
  const tr = textFor(importResultText, ctx.lang);
  const { event, record } = data;
  const c = record.counts;
  // What is left to do, not what the file had: a matched row is done.
  const remaining = data.rows.filter((r) => !r.matchedEmail).length;
  const rows = data.rows.map((r) => matchRow(ctx, t, tr, r, data.rowError?.rowId === r.id ? data.rowError : undefined));
  const lead = fmt(tr.resultLead, {
    file: record.fileName ?? t.noFileName,
    date: formatDateTime(record.importedAt, ctx.lang),
    by: record.importedBy,
  });
  const heads = columnHeads([{ num: t.colLine }, t.colName, { num: t.colMinutes }, t.colStatus, tr.matchButton]);
  const links = [
    html`<a class="button" href="${urls.organiser.import(event.key)}">${tr.importAnother}</a>`,
    html` <a class="button button-secondary" href="${urls.organiser.learners()}">${tr.seeLearners}</a>`,
    html` <a class="button button-secondary" href="${urls.organiser.progress()}">${tr.seeProgress}</a>`,
  ];
  return {
    title: `${tr.resultTitle} · ${event.title}`,
    status: data.status,
    main: html`${eventIntro(ctx, t, event)}
<h1>${tr.resultTitle}</h1>
<p class="lead">${lead}</p>
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
  ${scrollRegion('legende-rapprocher')}<table class="table table-stack">
    <caption id="legende-rapprocher">${tr.matchCaption}</caption>
    <thead><tr>${heads}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>
<p class="actions section-gap">${links}</p>`,
  };
}
