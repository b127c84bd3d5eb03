import type { Db } from '../db/client';
import type { ProgrammeEvent } from '../programme/programme.schemas';
import { seedEvents } from './events.store';

/** The programme file's events become rows on first start; later edits through the API are kept. */
export async function seedProgrammeEvents(db: Db, programme: { events: ProgrammeEvent[] }) {
  await seedEvents(
    db,
    programme.events.map((e) => ({
      key: e.key,
      title: e.title.fr,
      titleEn: e.title.en,
      kind: e.kind,
      startsAt: new Date(e.startsAt),
      endsAt: new Date(e.endsAt),
      timezone: e.timezone,
      minPresenceRatio: e.minPresenceRatio,
    })),
  );
}
