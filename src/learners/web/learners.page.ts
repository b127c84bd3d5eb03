import type { Learner } from '../learners.service';
import { formatDay } from '../../shared/format';
import { input } from '../../web/forms';
import { html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { learnersText } from './learners.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';

/** Kept for the progress page (reports/web): the same link as `urls.organiser.learner`. */
export const learnerUrl = (id: string) => urls.organiser.learner(id);

export interface LearnersData {
  q: string;
  page: number;
  pageSize: number;
  total: number;
  learners: Learner[];
}

const listUrl = (q: string, page: number) => urls.organiser.learners({ q, page: page > 1 ? page : undefined });

export function learnersPage(ctx: PageContext, data: LearnersData): PageView {
  const t = textFor(learnersText, ctx.lang);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const rows = data.learners.map((l) => {
    const who = l.name ?? l.email;
    return html`<tr>
  <th scope="row"><a href="${learnerUrl(l.id)}" aria-label="${fmt(t.openLabel, { who })}">${who}</a></th>
  <td data-label="${t.colEmail}">${l.email}</td>
  <td data-label="${t.colOrganisation}">${l.organisation ?? ''}</td>
  <td class="nowrap" data-label="${t.colCreated}">${formatDay(l.createdAt, ctx.lang)}</td>
</tr>`;
  });
  const pager =
    pages > 1
      ? html`<nav class="pager" aria-label="${t.pagination}">
  ${data.page > 1 ? html`<a href="${listUrl(data.q, data.page - 1)}">${t.previous}</a>` : html`<span></span>`}
  <span class="muted">${fmt(t.pageOf, { page: data.page, pages })}</span>
  ${data.page < pages ? html`<a href="${listUrl(data.q, data.page + 1)}">${t.next}</a>` : html`<span></span>`}
</nav>`
      : '';
  const search = input({
    name: 'q',
    type: 'text',
    label: t.searchLabel,
    hint: t.searchHint,
    value: data.q,
    attrs: { maxlength: 200, spellcheck: 'false' },
  });
  const clear = data.q ? html`<a href="${urls.organiser.learners()}">${t.clear}</a>` : '';
  const count = data.q ? fmt(t.countFor, { count: data.total, q: data.q }) : fmt(t.count, { count: data.total });
  const heads = [t.colName, t.colEmail, t.colOrganisation, t.colCreated].map((c) => html`<th scope="col">${c}</th>`);
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<form method="get" action="${urls.organiser.learners()}" class="card search-form" role="search">
  ${search}
  <p class="actions"><button type="submit" class="button">${t.searchButton}</button>${clear}</p>
</form>
<p class="muted" role="status">${count}</p>
${
  rows.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<div class="table-scroll" role="region" aria-labelledby="legende-apprenants" tabindex="0">
<table class="table table-stack">
  <caption id="legende-apprenants">${t.caption}</caption>
  <thead><tr>${heads}</tr></thead>
  <tbody>${rows}</tbody>
</table></div>`
}
${pager}`,
  };
}
