import type { ProgressReport } from '../progress-report.service';
import { formatPercent } from '../../shared/format';
import { attr, html, type Html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { progressText } from './progress.text';
import { fmt, textFor } from '../../shared/text';
import { badgeStatusText } from '../../badges/badges.text';
import { learnerUrl } from '../../learners/web/learners.page';
import { urls } from '../../web/urls';

type T = Readonly<Record<keyof typeof progressText.fr, string>>;
type Row = ProgressReport['learners'][number];

/**
 * A cell shows a mark (explained by the legend) or a short value; its state in words is always
 * there for screen readers, and shown when it is short enough to read in a column.
 */
function cell(tone: string, text: string, mark: string, showText = false): Html {
  const markTag = html`<span class="cell-mark" aria-hidden="true">${mark}</span>`;
  const textTag = html`<span class="${showText ? 'cell-text' : 'visually-hidden'}">${text}</span>`;
  return html`<td class="cell cell-${tone}">${markTag}${textTag}</td>`;
}

function presenceCell(t: T, value: Row['events'][string]): Html {
  if (value === 'present') return cell('ok', t.present, '✓');
  if (value === 'replay') return cell('ok', t.replay, '↻');
  if (value === 'absent') return cell('no', t.absent, '✕');
  return cell('none', t.unknown, '—');
}

function quizCell(ctx: PageContext, t: T, value: Row['quizzes'][string]): Html {
  if (!value) return cell('none', t.notAnswered, '—');
  if (!value.complete) return cell('partial', t.incomplete, '…');
  if (value.percent === null) return cell('ok', t.answered, '✓');
  return cell('ok', formatPercent(value.percent / 100, ctx.lang), '', true);
}

function badgeCell(ctx: PageContext, t: T, value: Row['badges'][string]): Html {
  const state = textFor(badgeStatusText, ctx.lang);
  if (value.status === 'earned') return cell('ok', state.earned, '★', true);
  if (value.status === 'eligible') return cell('ok', state.eligible, '☆', true);
  if (value.status === 'in_progress')
    return cell('partial', fmt(t.inProgress, { percent: formatPercent(value.percent / 100, ctx.lang) }), '', true);
  return cell('none', state.not_started, '—');
}

function legend(t: T): Html {
  const items: Array<[string, string, string]> = [
    ['ok', '✓', t.present],
    ['ok', '↻', t.replay],
    ['no', '✕', t.absent],
    ['partial', '…', t.incomplete],
    ['none', '—', t.legendNone],
  ];
  const entries = items.map(([tone, mark, text]) => {
    const markTag = html`<span class="cell-${tone} cell-mark" aria-hidden="true">${mark}</span>`;
    return html` <span class="legend-item">${markTag}${text}</span>`;
  });
  return html`<p class="legend small"><span class="legend-title">${t.legendTitle}</span>${entries}</p>`;
}

export function csvUrl(organisation: string | null, lang: PageContext['lang']) {
  const query = new URLSearchParams();
  if (organisation) query.set('organisation', organisation);
  query.set('lang', lang);
  return `/api/reports/progress.csv?${query}`;
}

export function progressPage(ctx: PageContext, given: ProgressReport): PageView {
  const t = textFor(progressText, ctx.lang);
  // Questionnaires in the order of their workshops, like the sessions before them.
  const position = (event: string) => given.events.findIndex((e) => e.key === event);
  const report = { ...given, quizzes: [...given.quizzes].sort((a, b) => position(a.event) - position(b.event)) };
  const options = [
    { value: '', label: t.allOrganisations },
    ...report.organisations.map((o) => ({ value: o, label: o })),
  ].map((o) => {
    const selected = o.value === (report.organisation ?? '') ? attr` selected` : '';
    return html`<option value="${o.value}"${selected}>${o.label}</option>`;
  });
  const rows = report.learners.map((l) => {
    const name = html`<a href="${learnerUrl(l.id)}">${l.name ?? l.email}</a>`;
    return html`<tr>
  <th scope="row">${name}<span class="muted small cell-sub">${l.organisation ?? ''}</span></th>
  ${report.events.map((e) => presenceCell(t, l.events[e.key] ?? null))}
  ${report.quizzes.map((q) => quizCell(ctx, t, l.quizzes[q.key] ?? null))}
  ${report.badges.map((b) => badgeCell(ctx, t, l.badges[b.key]!))}
</tr>`;
  });
  const csv = html`<a class="button" href="${csvUrl(report.organisation, ctx.lang)}" download>${t.exportCsv}</a>`;
  const group = (count: number, label: string) => html`<th scope="colgroup" colspan="${count}">${label}</th>`;
  const groups = [
    group(report.events.length, t.groupEvents),
    group(report.quizzes.length, t.groupQuizzes),
    group(report.badges.length, t.groupBadges),
  ];
  const badgeHeads = report.badges.map((b) => {
    const holders = html`<span class="muted small cell-sub">${fmt(t.holders, { count: b.earned })}</span>`;
    return html`<th scope="col">${b.name}${holders}</th>`;
  });
  const caption = report.organisation
    ? fmt(t.captionFor, { count: report.learners.length, organisation: report.organisation })
    : fmt(t.caption, { count: report.learners.length });
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<div class="toolbar">
  <form method="get" action="${urls.organiser.progress()}" class="filter-form">
    <div class="field"><label for="champ-organisation">${t.filterLabel}</label>
    <select id="champ-organisation" name="organisation">${options}</select></div>
    <button type="submit" class="button button-secondary">${t.filterButton}</button>
  </form>
  <div class="export">${csv}<p class="hint">${t.exportHint}</p></div>
</div>
${
  report.learners.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`${legend(t)}
<div class="table-scroll matrix-scroll" role="region" aria-labelledby="legende-progression" tabindex="0">
<table class="table matrix">
  <caption id="legende-progression">${caption}</caption>
  <thead>
    <tr><td class="matrix-corner"></td>${groups}</tr>
    <tr><th scope="col">${t.colLearner}</th>
      ${report.events.map((e) => html`<th scope="col">${e.label}</th>`)}
      ${report.quizzes.map((q) => html`<th scope="col"><abbr title="${q.title}">${q.label}</abbr></th>`)}
      ${badgeHeads}
    </tr>
  </thead>
  <tbody>${rows}</tbody>
</table></div>`
}`,
  };
}
