import { urls } from '../../web/urls';
import type { BadgeView, EventView } from './programme.data';
import { html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { homeText, programmeText } from './public.text';
import { textFor } from '../../shared/text';
import { badgeImage, eventTimeline } from './programme.partials';

export interface HomeData {
  issuerName: string;
  badges: BadgeView[];
  events: EventView[];
}

function callToAction(ctx: PageContext) {
  const t = textFor(homeText, ctx.lang);
  const role = ctx.viewer?.role;
  if (role === 'learner') return html`<a class="button button-large" href="${urls.pathway()}">${t.ctaMyPathway}</a>`;
  if (role) return html`<a class="button button-large" href="${urls.organiser.dashboard()}">${t.ctaDashboard}</a>`;
  return html`<a class="button button-large" href="${urls.signIn()}">${t.ctaSignIn}</a>
    <a class="button button-large button-secondary" href="${urls.organiser.signIn()}">${t.ctaOrganiser}</a>`;
}

export function homePage(ctx: PageContext, data: HomeData): PageView {
  const t = textFor(homeText, ctx.lang);
  const p = textFor(programmeText, ctx.lang);
  const steps = [
    [t.step1Title, t.step1Body],
    [t.step2Title, t.step2Body],
    [t.step3Title, t.step3Body],
  ].map(([title, body], i) => {
    const number = html`<span class="step-number" aria-hidden="true">${i + 1}</span>`;
    return html`<li class="step">${number}<h3>${title}</h3><p>${body}</p></li>`;
  });
  const badges = data.badges.map((b) => {
    const meta = b.isMeta ? html`<p class="pill pill-meta">${p.metaBadge}</p>` : '';
    return html`<li class="card badge-card${b.isMeta ? ' badge-card-meta' : ''}">
  ${badgeImage(ctx, b)}
  <div><h3>${b.name}</h3>${meta}<p>${b.description}</p></div>
</li>`;
  });
  return {
    title: t.title,
    main: html`<section class="hero" aria-labelledby="titre-accueil">
  <p class="eyebrow">${data.issuerName}</p>
  <h1 id="titre-accueil">${t.heroTitle}</h1>
  <p class="lead">${t.heroLead}</p>
  <p class="actions">${callToAction(ctx)}</p>
</section>
<section aria-labelledby="titre-etapes">
  <h2 id="titre-etapes">${t.stepsTitle}</h2>
  <ol class="steps">${steps}</ol>
</section>
<section aria-labelledby="titre-badges">
  <h2 id="titre-badges">${t.badgesTitle}</h2>
  <p class="section-lead">${t.badgesLead}</p>
  <ul class="card-grid">${badges}</ul>
</section>
<section aria-labelledby="titre-programme">
  <h2 id="titre-programme">${p.eventsTitle}</h2>
  <p class="section-lead">${t.eventsLead}</p>
  ${eventTimeline(ctx, data.events)}
</section>
<section class="callout" aria-labelledby="titre-standard">
  <h2 id="titre-standard">${t.standardTitle}</h2>
  <p>${t.standardBody}</p>
</section>`,
  };
}
