import { Type, type Static } from 'typebox';
import { IsoDateTime } from '../shared/schemas';

export const EventKey = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  description: 'Stable key',
  example: 'webinaire-1',
});

export const EventSchema = Type.Object({
  key: EventKey,
  title: Type.String({ example: 'Webinaire #1 — Les enjeux' }),
  titleEn: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.Literal('webinar'), Type.Literal('workshop')]),
  startsAt: Type.Union([IsoDateTime, Type.Null()]),
  endsAt: Type.Union([IsoDateTime, Type.Null()]),
  timezone: Type.String({ example: 'Europe/Paris' }),
  minPresenceRatio: Type.Number({ minimum: 0, maximum: 1, example: 0.5 }),
});
export type EventDto = Static<typeof EventSchema>;

export const EventInputSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  titleEn: Type.Optional(Type.String({ maxLength: 300 })),
  kind: Type.Union([Type.Literal('webinar'), Type.Literal('workshop')]),
  startsAt: Type.Optional(IsoDateTime),
  endsAt: Type.Optional(IsoDateTime),
  timezone: Type.String({ default: 'Europe/Paris', maxLength: 64 }),
  minPresenceRatio: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
});
export type EventInput = Static<typeof EventInputSchema>;
