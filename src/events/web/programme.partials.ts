import type { Lang } from '../../shared/errors';
import type { BadgeView, EventView } from './programme.data';
import { formatDay, formatTimeRange } from '../../shared/format';
import { attr, html, type Html } from '../../web/html';
import type { PageContext } from '../../web/layout';
import { programmeText } from './public.text';
import { fmt, textFor } from '../../shared/text';

/** A badge image that falls back to a neutral medal (app.js) while the image route is missing. */
export function badgeImage(ctx: PageContext, badge: BadgeView, size = 96): Html {
  const box = attr` width="${size}" height="${size}"`;
  const fallback = ctx.assets.url('badge.svg');
  return html`<img class="badge-image" src="${badge.image}" alt="${badge.imageAlt}"${box} data-fallback="${fallback}">`;
}

export function eventWhen(event: EventView, lang: Lang): string {
  const t = textFor(programmeText, lang);
  if (!event.startsAt) return t.dateToCome;
  const range = formatTimeRange(event.startsAt, event.endsAt, lang, event.timezone);
  return `${formatDay(event.startsAt, lang, event.timezone)} · ${range}`;
}

/** The same, as a day line and a time line (tables). */
export function eventWhenLines(event: EventView, lang: Lang): Html {
  if (!event.startsAt) return html`${textFor(programmeText, lang).dateToCome}`;
  const day = formatDay(event.startsAt, lang, event.timezone);
  const time = formatTimeRange(event.startsAt, event.endsAt, lang, event.timezone);
  return html`<span class="first-upper">${day}</span><br><span class="muted">${time}</span>`;
}

export function kindLabel(kind: EventView['kind'], lang: Lang): string {
  const t = textFor(programmeText, lang);
  return kind === 'webinar' ? t.kindWebinar : t.kindWorkshop;
}

/** The sessions as an ordered timeline: date, kind, title and the questionnaire that follows. */
export function eventTimeline(ctx: PageContext, events: EventView[]): Html {
  const t = textFor(programmeText, ctx.lang);
  const items = events.map(
    (e) => html`<li class="timeline-item timeline-${e.kind}">
  <p class="timeline-when">${eventWhen(e, ctx.lang)}</p>
  <p class="pill pill-${e.kind}">${kindLabel(e.kind, ctx.lang)}</p>
  <h3 class="timeline-title">${e.title}</h3>
  ${e.quiz ? html`<p class="timeline-quiz">${fmt(t.quizAfter, { title: e.quiz.title })}</p>` : ''}
</li>`,
  );
  return html`<ol class="timeline">${items}</ol>`;
}
