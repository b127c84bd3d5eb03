import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import type { EventDto, EventInput } from './events.schemas';
import { upsertEvent, type EventRow } from './events.store';

/** What other areas read of the events. */
export { type EventRow, findEvent, listEvents } from './events.store';

export function toEventDto(row: EventRow): EventDto {
  return {
    key: row.key,
    title: row.title,
    titleEn: row.titleEn,
    kind: row.kind,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    timezone: row.timezone,
    minPresenceRatio: row.minPresenceRatio,
  };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Creates or updates the event `key` (PUT /api/events/:key and the edit page), audited. */
export async function saveEvent(
  { db }: { db: Db },
  actor: Actor,
  { key, event: input }: { key: string; event: EventInput },
): Promise<EventDto> {
  if (!isValidTimeZone(input.timezone))
    throw new AppError('EVENT_TIMEZONE_INVALID', 400, { timezone: input.timezone }, [
      { field: 'timezone', reason: 'unknown_time_zone' },
    ]);
  const startsAt = input.startsAt ? new Date(input.startsAt) : null;
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (startsAt && endsAt && endsAt <= startsAt)
    throw new AppError('EVENT_WINDOW_INVALID', 400, {}, [{ field: 'endsAt', reason: 'before_start' }]);
  return db.transaction(async (tx) => {
    const row = await upsertEvent(tx, {
      key,
      title: input.title,
      titleEn: input.titleEn ?? null,
      kind: input.kind,
      startsAt,
      endsAt,
      timezone: input.timezone,
      minPresenceRatio: input.minPresenceRatio,
    });
    await recordAudit(tx, actor, { action: 'event.save', targetType: 'event', targetId: key, details: { ...input } });
    return toEventDto(row);
  });
}
