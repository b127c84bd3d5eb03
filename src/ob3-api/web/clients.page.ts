import { formatDay } from '../../shared/format';
import { textFor } from '../../shared/text';
import { html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import type { registeredClients } from '../grants.service';
import { platformsText } from './platforms.text';

type Client = Awaited<ReturnType<typeof registeredClients>>[number];

function row(ctx: PageContext, c: Client) {
  const t = textFor(platformsText, ctx.lang);
  const disabled = c.disabledAt !== null;
  return html`<tr data-client="${c.id}">
  <td><span data-user-text>${c.name}</span><br><code class="small">${c.id}</code></td>
  <td><code>${c.clientUri}</code></td>
  <td>${formatDay(c.createdAt, ctx.lang)}</td>
  <td>${disabled ? t.stateDisabled : t.stateActive}</td>
  <td><form method="post" action="/organisateur/plateformes/${encodeURIComponent(c.id)}/etat">
    ${csrfField(ctx)}
    <input type="hidden" name="etat" value="${disabled ? 'active' : 'desactivee'}">
    <button type="submit" class="button button-secondary">${disabled ? t.enable : t.disable}</button>
  </form></td>
</tr>`;
}

export function clientsPage(ctx: PageContext, clients: Client[]): PageView {
  const t = textFor(platformsText, ctx.lang);
  return {
    title: t.clientsTitle,
    main: html`<h1>${t.clientsTitle}</h1>
<p class="lead">${t.clientsLead}</p>
${
  clients.length === 0
    ? html`<p class="empty">${t.clientsEmpty}</p>`
    : html`<table class="table">
  <thead><tr><th scope="col">${t.colName}</th><th scope="col">${t.colSite}</th>
    <th scope="col">${t.colRegistered}</th><th scope="col">${t.colState}</th><th scope="col"></th></tr></thead>
  <tbody>${clients.map((c) => row(ctx, c))}</tbody>
</table>`
}`,
  };
}
