import type { EventView } from '../../events/web/programme.data';
import type { OutboxStatus } from './dashboard.data';
import { html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { dashboardText } from '../../web/organiser.text';
import { textFor } from '../../shared/text';
import { eventWhen, kindLabel } from '../../events/web/programme.partials';

export interface DashboardData {
  learners: number;
  events: number;
  outbox: Record<OutboxStatus, number>;
  upcoming: EventView[];
}

export function dashboardPage(ctx: PageContext, data: DashboardData): PageView {
  const t = textFor(dashboardText, ctx.lang);
  const stat = (
    value: number,
    label: string,
    link?: { href: string; text: string },
    tone = '',
  ) => html`<li class="stat${tone}">
  <p class="stat-value">${value}</p><p class="stat-label">${label}</p>${link ? html`<a href="${link.href}">${link.text}</a>` : ''}</li>`;
  const upcoming = data.upcoming.map(
    (e) =>
      html`<li><span class="pill pill-${e.kind}">${kindLabel(e.kind, ctx.lang)}</span> <strong>${e.title}</strong><br><span class="muted">${eventWhen(e, ctx.lang)}</span></li>`,
  );
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<ul class="stats">
  ${stat(data.learners, t.learners, { href: '/organisateur/apprenants', text: t.openLearners })}
  ${stat(data.events, t.events, { href: '/organisateur/evenements', text: t.manageEvents })}
  ${stat(data.outbox.pending + data.outbox.sending, t.mailsPending, { href: '/organisateur/courriels?statut=pending', text: t.openOutbox })}
  ${stat(data.outbox.failed, t.mailsFailed, { href: '/organisateur/courriels?statut=failed', text: t.openFailed }, data.outbox.failed > 0 ? ' stat-alert' : '')}
</ul>
<div class="columns">
<section aria-labelledby="titre-prochaines" class="card">
  <h2 id="titre-prochaines">${t.upcomingTitle}</h2>
  ${upcoming.length ? html`<ul class="plain-list">${upcoming}</ul>` : html`<p class="muted">${t.upcomingNone}</p>`}
</section>
<section aria-labelledby="titre-raccourcis" class="card">
  <h2 id="titre-raccourcis">${t.shortcutsTitle}</h2>
  <ul class="shortcut-list">
    <li><a href="/organisateur/evenements">${t.manageEvents}</a></li>
    <li><a href="/organisateur/progression">${t.openProgress}</a></li>
    <li><a href="/organisateur/courriels">${t.openOutbox}</a></li>
    ${ctx.viewer?.role === 'admin' ? html`<li><a href="/organisateur/journal">${t.openAudit}</a></li>` : ''}
  </ul>
</section>
</div>`,
  };
}
