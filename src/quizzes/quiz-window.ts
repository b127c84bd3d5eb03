import type { Db } from '../db/client';
import type { Quiz } from '../programme/quiz.schemas';
import { findEvent, listEvents, type EventRow } from '../events/events.service';
import { findOpening, listOpenings } from './attempts.store';

export interface QuizWindow {
  open: boolean;
  /** When it opened or will open: the earlier of an organiser's opening and the workshop's start. */
  opensAt: string | null;
  timezone: string;
}

/**
 * A questionnaire opens at its workshop's start, read from the events table (an organiser may
 * move a session), or earlier when an organiser opened it. A workshop without a date stays closed.
 */
export function windowOf(
  event: Pick<EventRow, 'startsAt' | 'timezone'> | undefined,
  openedAt: Date | undefined,
  now: Date,
): QuizWindow {
  const starts = event?.startsAt ?? undefined;
  const first = [openedAt, starts]
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    open: first !== undefined && first <= now,
    opensAt: first?.toISOString() ?? null,
    timezone: event?.timezone ?? 'Europe/Paris',
  };
}

export async function quizWindow(db: Db, quiz: Quiz, now: Date): Promise<QuizWindow> {
  const [event, opening] = await Promise.all([findEvent(db, quiz.event), findOpening(db, quiz.key)]);
  return windowOf(event, opening?.openedAt, now);
}

/** Every quiz's window in two queries (the learner's list of questionnaires). */
export async function quizWindows(db: Db, quizzes: readonly Quiz[], now: Date): Promise<Map<string, QuizWindow>> {
  const [events, openings] = await Promise.all([listEvents(db), listOpenings(db)]);
  const eventByKey = new Map(events.map((e) => [e.key, e]));
  const openedAt = new Map(openings.map((o) => [o.quizKey, o.openedAt]));
  return new Map(quizzes.map((q) => [q.key, windowOf(eventByKey.get(q.event), openedAt.get(q.key), now)]));
}
