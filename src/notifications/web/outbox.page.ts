import type { OutboxMessage, OutboxStatus } from '../outbox.service';
import { urls } from '../../web/urls';
import { formatDateTime } from '../../shared/format';
import { attr, html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { outboxText } from './outbox.text';
import { fmt, textFor } from '../../shared/text';

export interface OutboxData {
  status: OutboxStatus | null;
  counts: Record<OutboxStatus, number>;
  messages: OutboxMessage[];
  page: number;
  hasMore: boolean;
}

const FILTERS: Array<OutboxStatus | null> = [null, 'pending', 'sending', 'sent', 'failed'];

const head = (label: string) => html`<th scope="col">${label}</th>`;

const listUrl = (status: OutboxStatus | null, page = 1) => urls.organiser.outbox(status ?? undefined, page);

export function outboxPage(ctx: PageContext, data: OutboxData): PageView {
  const t = textFor(outboxText, ctx.lang);
  const total = Object.values(data.counts).reduce((a, b) => a + b, 0);
  const filterLabel = { pending: t.pending, sending: t.sending, sent: t.sent, failed: t.failed };
  const statusLabel = {
    pending: t.statusPending,
    sending: t.statusSending,
    sent: t.statusSent,
    failed: t.statusFailed,
  };
  const filters = FILTERS.map((s) => {
    const current = s === data.status ? attr` aria-current="page"` : '';
    const count = html`<span class="count">${s ? data.counts[s] : total}</span>`;
    return html`<li><a href="${listUrl(s)}"${current}>${s ? filterLabel[s] : t.all} ${count}</a></li>`;
  });
  const statusField = html`<input type="hidden" name="statut" value="${data.status ?? ''}">`;
  const headers = [
    head(t.colCreated),
    head(t.colTo),
    head(t.colSubject),
    head(t.colStatus),
    html`<th scope="col" class="num">${t.colAttempts}</th>`,
    head(t.colDetail),
    head(t.colAction),
  ];
  const rows = data.messages.map((m) => {
    const detail =
      m.status === 'sent' && m.sentAt
        ? fmt(t.sentAt, { date: formatDateTime(m.sentAt, ctx.lang) })
        : [
            m.lastError ?? '',
            m.status === 'pending' ? fmt(t.nextAttempt, { date: formatDateTime(m.nextAttemptAt, ctx.lang) }) : '',
          ]
            .filter(Boolean)
            .join(' — ');
    const buttonClass = m.status === 'failed' ? 'button button-small' : 'button button-small button-secondary';
    const label = fmt(t.retryLabel, { to: m.to });
    const button = html`<button type="submit" class="${buttonClass}" aria-label="${label}">${t.retry}</button>`;
    const action = urls.organiser.resend(m.id);
    const retry =
      m.status === 'failed' || m.status === 'pending'
        ? html`<form method="post" action="${action}">${csrfField(ctx)}${statusField}${button}</form>`
        : '';
    return html`<tr>
  <td class="nowrap" data-label="${t.colCreated}">${formatDateTime(m.createdAt, ctx.lang)}</td>
  <td data-label="${t.colTo}">${m.to}</td>
  <td data-label="${t.colSubject}">${m.subject}</td>
  <td data-label="${t.colStatus}"><span class="pill pill-${m.status}">${statusLabel[m.status]}</span></td>
  <td class="num" data-label="${t.colAttempts}">${m.attempts}</td>
  <td class="detail" data-label="${t.colDetail}">${detail}</td>
  <td data-label="${t.colAction}">${retry}</td>
</tr>`;
  });
  const newer = data.page > 1 ? html`<a href="${listUrl(data.status, data.page - 1)}">${t.newer}</a>` : '';
  const older = data.hasMore ? html`<a href="${listUrl(data.status, data.page + 1)}">${t.older}</a>` : '';
  const pager =
    data.page > 1 || data.hasMore ? html`<nav class="pager" aria-label="${t.pagination}">${newer}${older}</nav>` : '';
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<nav aria-label="${t.filterLabel}"><ul class="tabs">${filters}</ul></nav>
${
  data.messages.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<div class="table-scroll" role="region" aria-labelledby="legende-courriels" tabindex="0">
<table class="table table-stack">
  <caption id="legende-courriels">${t.caption}</caption>
  <thead><tr>${headers}</tr></thead>
  <tbody>${rows}</tbody>
</table></div>`
}
${pager}`,
  };
}
