import { attr, html, type Html } from '../../web/html';
import { input, select } from '../../web/forms';
import type { PageContext, PageView } from '../../web/layout';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { isOrganiser } from '../../web/session';
import type { DirectoryFilters, ListedPerson } from '../directory.service';
import { directoryPageText } from './directory.text';

export interface DirectoryPageData {
  filters: DirectoryFilters;
  people: ListedPerson[];
  badges: Array<{ key: string; name: string }>;
}

function person(ctx: PageContext, p: ListedPerson): Html {
  const t = textFor(directoryPageText, ctx.lang);
  const badges = p.badges.map((b) =>
    b.credentialId
      ? html`<li><a href="${urls.credential(b.credentialId)}">${b.name}</a></li>`
      : html`<li>${b.name}</li>`,
  );
  const contact = p.contact
    ? html`<a href="mailto:${p.contact}">${p.contact}</a>`
    : html`<span class="muted">${t.noContact}</span>`;
  return html`<li class="card relay" data-relay>
  <h4>${p.name}</h4>
  <p>${p.collectivite} · ${t.department} ${p.department}</p>
  <p class="small">${t.badges}</p><ul>${badges}</ul>
  <p>${t.contact} : ${contact}</p>
</li>`;
}

/** The public directory: a search form, then the listed people grouped by department. */
export function directoryPage(ctx: PageContext, data: DirectoryPageData): PageView {
  const t = textFor(directoryPageText, ctx.lang);
  const { filters, people } = data;
  const departments = [...new Set(people.map((p) => p.department))];
  const groups = departments.map(
    (d) => html`<section aria-labelledby="dep-${d}" data-department="${d}">
  <h3 id="dep-${d}">${t.department} ${d}</h3>
  <ul class="cards">${people.filter((p) => p.department === d).map((p) => person(ctx, p))}</ul>
</section>`,
  );
  const badgeOptions = [{ value: '', label: t.anyBadge }, ...data.badges.map((b) => ({ value: b.key, label: b.name }))];
  const csv = isOrganiser(ctx.viewer)
    ? html`<p><a href="/api/directory/export.csv" download>${t.exportCsv}</a></p>`
    : html`<p>${t.join}</p>`;
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<form method="get" action="${urls.directory()}" class="card form" role="search">
  ${input({ name: 'departement', label: t.department, value: filters.department ?? '' })}
  ${input({ name: 'collectivite', label: t.collectivite, value: filters.collectivite ?? '' })}
  ${select({ name: 'badge', label: t.badge, value: filters.badge ?? '', options: badgeOptions })}
  <p class="actions"><button type="submit" class="button">${t.search}</button>
  <a class="button button-secondary" href="${urls.directory()}">${t.reset}</a></p>
</form>
${csv}
<h2 id="resultats" ${attr`aria-live="polite"`}>${fmt(t.count, { count: people.length })}</h2>
${people.length === 0 ? html`<p>${t.none}</p>` : html`<h2 class="visually-hidden">${t.byDepartment}</h2>${groups}`}`,
  };
}
