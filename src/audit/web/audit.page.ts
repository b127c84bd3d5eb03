import type { AuditRow } from '../audit.service';
import { formatDateTime } from '../../shared/format';
import { html } from '../../web/html';
import { urls } from '../../web/urls';
import type { PageContext, PageView } from '../../web/layout';
import { auditText } from './audit.text';
import { textFor } from '../../shared/text';

export interface AuditData {
  entries: AuditRow[];
  /** Set when older entries exist: the id to page from. */
  olderThan: number | null;
  paged: boolean;
}

function details(value: Record<string, unknown> | null): string {
  if (!value) return '';
  const text = Object.entries(value)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

export function auditPage(ctx: PageContext, data: AuditData): PageView {
  const t = textFor(auditText, ctx.lang);
  const actionLabel = (action: string) => (action in t ? t[action as keyof typeof t] : null);
  const columns = [t.colDate, t.colActor, t.colAction, t.colTarget, t.colDetails];
  const headers = columns.map((label) => html`<th scope="col">${label}</th>`);
  const rows = data.entries.map((e) => {
    const label = actionLabel(e.action);
    return html`<tr>
  <td class="nowrap" data-label="${t.colDate}">${formatDateTime(e.at, ctx.lang)}</td>
  <td data-label="${t.colActor}">${e.actorEmail ?? t.system}</td>
  <td data-label="${t.colAction}">${label ? html`${label}<br>` : ''}<code class="nowrap">${e.action}</code></td>
  <td data-label="${t.colTarget}"><code>${e.targetType}${e.targetId ? `/${e.targetId}` : ''}</code></td>
  <td class="detail" data-label="${t.colDetails}">${e.details ? html`<code>${details(e.details)}</code>` : ''}</td>
</tr>`;
  });
  const newest = data.paged ? html`<a href="${urls.organiser.audit()}">${t.newest}</a>` : '';
  const older = data.olderThan ? html`<a href="${urls.organiser.audit(String(data.olderThan))}">${t.older}</a>` : '';
  const pager =
    data.paged || data.olderThan ? html`<nav class="pager" aria-label="${t.pagination}">${newest}${older}</nav>` : '';
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
${
  data.entries.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<div class="table-scroll" role="region" aria-labelledby="legende-journal" tabindex="0">
<table class="table table-stack">
  <caption id="legende-journal">${t.caption}</caption>
  <thead><tr>${headers}</tr></thead>
  <tbody>${rows}</tbody>
</table></div>`
}
${pager}`,
  };
}
