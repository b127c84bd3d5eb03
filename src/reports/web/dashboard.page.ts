import type { EventView } from '../../events/web/programme.data';
import type { OutboxStatus } from '../../notifications/outbox.service';
import { html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { dashboardText } from './dashboard.text';
import { textFor } from '../../shared/text';
import { eventWhen, kindLabel } from '../../events/web/programme.partials';
import { urls } from '../../web/urls';

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
  <p class="stat-value">${value}</p><p class="stat-label">${label}</p>${
    link ? html`<a href="${link.href}">${link.text}</a>` : ''
  }</li>`;
  const upcoming = data.upcoming.map((e) => {
    const kind = html`<span class="pill pill-${e.kind}">${kindLabel(e.kind, ctx.lang)}</span>`;
    return html`<li>${kind} <strong>${e.title}</strong><br><span class="muted">${eventWhen(e, ctx.lang)}</span></li>`;
  });
  const failed = data.outbox.failed;
  const failedLink = { href: urls.organiser.outbox('failed'), text: t.openFailed };
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<ul class="stats">
  ${stat(data.learners, t.learners, { href: urls.organiser.learners(), text: t.openLearners })}
  ${stat(data.events, t.events, { href: urls.organiser.events(), text: t.manageEvents })}
  ${stat(data.outbox.pending + data.outbox.sending, t.mailsPending, {
    href: urls.organiser.outbox('pending'),
    text: t.openOutbox,
  })}
  ${stat(failed, t.mailsFailed, failedLink, failed ? ' stat-alert' : '')}
</ul>
<div class="columns">
<section aria-labelledby="titre-prochaines" class="card">
  <h2 id="titre-prochaines">${t.upcomingTitle}</h2>
  ${upcoming.length ? html`<ul class="plain-list">${upcoming}</ul>` : html`<p class="muted">${t.upcomingNone}</p>`}
</section>
<section aria-labelledby="titre-raccourcis" class="card">
  <h2 id="titre-raccourcis">${t.shortcutsTitle}</h2>
  <ul class="shortcut-list">
    <li><a href="${urls.organiser.events()}">${t.manageEvents}</a></li>
    <li><a href="${urls.organiser.progress()}">${t.openProgress}</a></li>
    <li><a href="${urls.organiser.outbox()}">${t.openOutbox}</a></li>
    ${ctx.viewer?.role === 'admin' ? html`<li><a href="${urls.organiser.audit()}">${t.openAudit}</a></li>` : ''}
  </ul>
</section>
</div>`,
  };
}
