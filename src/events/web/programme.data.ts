import type { Db } from '../../db/client';
import type { Lang } from '../../shared/errors';
import type { Programme } from '../../programme/load-programme';
import { listEvents } from '../events.service';
import { AppError } from '../../shared/errors';
import { badgeDependencies } from '../../programme/rule-walk';

export interface BadgeView {
  key: string;
  name: string;
  description: string;
  image: string;
  imageAlt: string;
  /** Badges this one is made of (a meta-badge). */
  isMeta: boolean;
}

export interface EventView {
  key: string;
  title: string;
  kind: 'webinar' | 'workshop';
  startsAt: Date | null;
  endsAt: Date | null;
  timezone: string;
  minPresenceRatio: number;
  /** The questionnaire that follows the event, from the programme file. */
  quiz: { key: string; title: string } | null;
}

/** The programme's badges in the reader's language, parts before the meta-badge that holds them. */
export function programmeBadges(programme: Programme, lang: Lang): BadgeView[] {
  return programme.badges.map((b) => {
    const name = lang === 'en' ? b.i18n.en.name : b.achievement.name;
    const caption = lang === 'en' ? b.i18n.en.caption : b.achievement.image.caption;
    return {
      key: b.key,
      name,
      description: lang === 'en' ? b.i18n.en.description : b.achievement.description,
      image: b.achievement.image.id,
      imageAlt: caption ?? name,
      isMeta: badgeDependencies(b.rule).length > 0,
    };
  });
}

/** Events as stored (organisers edit them), with the questionnaire named in the programme file. */
export async function programmeEvents(db: Db, programme: Programme, lang: Lang): Promise<EventView[]> {
  const quizzes = new Map(programme.quizzes.map((q) => [q.key, q.title[lang]]));
  const quizOf = new Map(programme.events.map((e) => [e.key, e.quiz]));
  return (await listEvents(db)).map((row) => {
    const quizKey = quizOf.get(row.key);
    return {
      key: row.key,
      title: lang === 'en' ? (row.titleEn ?? row.title) : row.title,
      kind: row.kind,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timezone: row.timezone,
      minPresenceRatio: row.minPresenceRatio,
      quiz: quizKey ? { key: quizKey, title: quizzes.get(quizKey) ?? quizKey } : null,
    };
  });
}

/** One event as the pages show it; EVENT_NOT_FOUND (a 404 page) when the key is unknown. */
export async function programmeEvent(db: Db, programme: Programme, key: string, lang: Lang): Promise<EventView> {
  const event = (await programmeEvents(db, programme, lang)).find((e) => e.key === key);
  if (!event) throw new AppError('EVENT_NOT_FOUND', 404, { key });
  return event;
}
