import type { BadgeView, EventView } from '../../events/web/programme.data';
import type { BadgeProgress } from '../progress';
import type { QuizSummary } from '../../quizzes/learner-quizzes.service';
import { formatDateTime, formatPercent } from '../../shared/format';
import { attr, html, type Html } from '../../web/html';
import { notice, type PageContext, type PageView } from '../../web/layout';
import { pathwayText } from './learner.text';
import { programmeText } from '../../events/web/public.text';
import { fmt, textFor } from '../../shared/text';
import { badgeImage, eventTimeline } from '../../events/web/programme.partials';
import { scoreText } from '../../quizzes/web/quiz.partials';
import { urls } from '../../web/urls';

export interface PathwayData {
  badges: BadgeView[];
  events: EventView[];
  progress: { badges: BadgeProgress[] } | null;
  quizzes?: QuizSummary[];
  /** Badges whose credential was revoked: "eligible" then means "revoked", not "being issued". */
  revoked?: ReadonlySet<string>;
}

/** The state's words and pill colour; a revoked badge is said so rather than "being issued". */
export function badgeState(
  ctx: PageContext,
  progress: BadgeProgress,
  revoked: boolean,
): { text: string; tone: string } {
  const t = textFor(pathwayText, ctx.lang);
  if (revoked && progress.status !== 'earned') return { text: t.stateRevoked, tone: 'failed' };
  const text = {
    earned: t.stateEarned,
    eligible: t.stateEligible,
    in_progress: t.stateInProgress,
    not_started: t.stateNotStarted,
  }[progress.status];
  return { text, tone: progress.status };
}

/** A link named for screen readers ("Answer the questionnaire “…”"), shown as a short word. */
const labelled = (className: string, href: string, label: string, text: string) =>
  html`<a${className ? attr` class="${className}"` : ''} href="${href}" aria-label="${label}">${text}</a>`;

function progressBlock(
  ctx: PageContext,
  badge: BadgeView,
  progress: BadgeProgress,
  quizzes: ReadonlyMap<string, QuizSummary>,
  revoked: boolean,
): Html {
  const t = textFor(pathwayText, ctx.lang);
  const state = badgeState(ctx, progress, revoked);
  const meterId = `progression-${badge.key}`;
  const conditions = progress.conditions.map((c) => {
    // A questionnaire still to answer links to it, when it is open.
    const quiz = c.kind === 'answered' && !c.met ? quizzes.get(c.ref) : undefined;
    const answer = quiz?.open
      ? html` — ${labelled('', urls.quiz(quiz.key), fmt(t.answerLabel, { title: quiz.title }), t.answer)}`
      : '';
    return html`<li class="condition condition-${c.met ? 'met' : 'missing'}">
  <span class="visually-hidden">${c.met ? t.conditionMet : t.conditionMissing}</span> ${c.detail}${answer}</li>`;
  });
  const percent = formatPercent(progress.percent / 100, ctx.lang);
  const credential = progress.credentialId
    ? html`<p><a class="button" href="${urls.credential(progress.credentialId)}">${t.viewCredential}</a></p>`
    : '';
  return html`<p class="pill pill-${state.tone}">${state.text}</p>
  <div class="progress"><label for="${meterId}">${t.progressLabel}</label>
    <progress id="${meterId}" max="100" value="${progress.percent}"></progress><span>${percent}</span></div>
  <h4 class="conditions-title">${t.conditionsTitle}</h4>
  <ul class="conditions">${conditions}</ul>
  ${credential}`;
}

function quizCard(ctx: PageContext, q: QuizSummary): Html {
  const t = textFor(pathwayText, ctx.lang);
  const state = q.best
    ? q.best.complete
      ? fmt(t.quizAnswered, {
          date: formatDateTime(q.best.submittedAt, ctx.lang),
          score: q.best.percent === null ? scoreText(q.best, ctx.lang) : formatPercent(q.best.percent / 100, ctx.lang),
        })
      : fmt(t.quizIncomplete, { date: formatDateTime(q.best.submittedAt, ctx.lang) })
    : q.open
      ? t.quizOpen
      : q.opensAt
        ? fmt(t.quizOpensOn, { date: formatDateTime(q.opensAt, ctx.lang, q.timezone) })
        : t.quizNoDate;
  const tone = q.best?.complete ? 'earned' : q.open ? 'in_progress' : 'not_started';
  const secondary = 'button button-small button-secondary';
  const title = { title: q.title };
  const again = q.open ? labelled(secondary, urls.quiz(q.key), fmt(t.answerAgainLabel, title), t.answerAgain) : '';
  const correction = q.best
    ? labelled(secondary, urls.quizResult(q.key, q.best.id), fmt(t.seeCorrectionLabel, title), t.seeCorrection)
    : '';
  const actions = q.best
    ? html`${correction}${again}`
    : q.open
      ? labelled('button button-small', urls.quiz(q.key), fmt(t.answerLabel, title), t.answer)
      : '';
  return html`<li class="card quiz-card" id="questionnaire-${q.key}">
  <h3>${q.title}</h3>
  <p class="pill pill-${tone}">${state}</p>
  ${actions ? html`<p class="actions">${actions}</p>` : ''}
</li>`;
}

export function pathwayPage(ctx: PageContext, data: PathwayData): PageView {
  const t = textFor(pathwayText, ctx.lang);
  const p = textFor(programmeText, ctx.lang);
  const byKey = new Map(data.progress?.badges.map((b) => [b.key, b]));
  const quizzes = new Map((data.quizzes ?? []).map((q) => [q.key, q]));
  const badges = data.badges.map((b) => {
    const progress = byKey.get(b.key);
    const revoked = data.revoked?.has(b.key) ?? false;
    return html`<li class="card badge-card badge-progress" id="badge-${b.key}">
  ${badgeImage(ctx, b)}
  <div><h3>${b.name}</h3>${b.isMeta ? html`<p class="pill pill-meta">${p.metaBadge}</p>` : ''}
  ${progress ? progressBlock(ctx, b, progress, quizzes, revoked) : html`<p>${b.description}</p>`}</div>
</li>`;
  });
  const earned = data.progress?.badges.some((b) => b.credentialId);
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<section aria-labelledby="titre-mes-badges" id="mes-badges">
  <h2 id="titre-mes-badges">${t.badgesTitle}</h2>
  ${data.progress ? '' : notice('info', t.progressPendingTitle, t.progressPendingBody)}
  <ul class="card-grid">${badges}</ul>
  ${earned ? html`<p class="section-gap"><a href="${urls.myBadges()}">${t.allBadges}</a></p>` : ''}
</section>
${
  quizzes.size
    ? html`<section aria-labelledby="titre-questionnaires" id="questionnaires">
  <h2 id="titre-questionnaires">${t.quizzesTitle}</h2>
  <p class="section-lead">${t.quizzesLead}</p>
  <ul class="card-grid card-grid-3">${[...quizzes.values()].map((q) => quizCard(ctx, q))}</ul>
</section>`
    : ''
}
<section aria-labelledby="titre-sessions" id="sessions">
  <h2 id="titre-sessions">${p.eventsTitle}</h2>
  ${eventTimeline(ctx, data.events)}
</section>`,
  };
}
