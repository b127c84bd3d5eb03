import type { BadgeView, EventView } from '../data/programme';
import type { BadgeProgress, LearnerProgress } from '../data/progress';
import { formatPercent } from '../format';
import { html, type Html } from '../html';
import { notice, type PageContext, type PageView } from '../layout';
import { pathwayText } from '../i18n/learner.text';
import { programmeText } from '../i18n/public.text';
import { textFor } from '../text';
import { badgeImage, eventTimeline } from '../public/programme.partials';

export interface PathwayData {
  badges: BadgeView[];
  events: EventView[];
  progress: LearnerProgress | null;
}

function progressBlock(ctx: PageContext, badge: BadgeView, progress: BadgeProgress): Html {
  const t = textFor(pathwayText, ctx.lang);
  const state = { earned: t.stateEarned, eligible: t.stateEligible, in_progress: t.stateInProgress, not_started: t.stateNotStarted }[progress.status];
  const meterId = `progression-${badge.key}`;
  const conditions = progress.conditions.map((c) => html`<li class="condition condition-${c.met ? 'met' : 'missing'}">
  <span class="visually-hidden">${c.met ? t.conditionMet : t.conditionMissing}</span> ${c.detail}</li>`);
  return html`<p class="pill pill-${progress.status}">${state}</p>
  <div class="progress"><label for="${meterId}">${t.progressLabel}</label>
    <progress id="${meterId}" max="100" value="${progress.percent}"></progress><span>${formatPercent(progress.percent / 100, ctx.lang)}</span></div>
  <h4 class="conditions-title">${t.conditionsTitle}</h4>
  <ul class="conditions">${conditions}</ul>
  ${progress.credentialId ? html`<p><a class="button" href="/credentials/${progress.credentialId}">${t.viewCredential}</a></p>` : ''}`;
}

export function pathwayPage(ctx: PageContext, data: PathwayData): PageView {
  const t = textFor(pathwayText, ctx.lang);
  const p = textFor(programmeText, ctx.lang);
  const byKey = new Map(data.progress?.badges.map((b) => [b.key, b]));
  const badges = data.badges.map((b) => {
    const progress = byKey.get(b.key);
    return html`<li class="card badge-card badge-progress" id="badge-${b.key}">
  ${badgeImage(ctx, b)}
  <div><h3>${b.name}</h3>${b.isMeta ? html`<p class="pill pill-meta">${p.metaBadge}</p>` : ''}
  ${progress ? progressBlock(ctx, b, progress) : html`<p>${b.description}</p>`}</div>
</li>`;
  });
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<section aria-labelledby="titre-mes-badges" id="mes-badges">
  <h2 id="titre-mes-badges">${t.badgesTitle}</h2>
  ${data.progress ? '' : notice('info', t.progressPendingTitle, t.progressPendingBody)}
  <ul class="card-grid">${badges}</ul>
</section>
<section aria-labelledby="titre-sessions" id="sessions">
  <h2 id="titre-sessions">${p.eventsTitle}</h2>
  ${eventTimeline(ctx, data.events)}
</section>`,
  };
}
