import { Type, type Static } from 'typebox';

/** kebab-case: keys appear in URLs (`/achievements/data-admin`) and in rule files. */
export const KeySchema = Type.String({
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  maxLength: 64,
  description: 'kebab-case key',
  example: 'data-juridique',
});

export const NonEmptySchema = Type.String({ minLength: 1 });

/** Every learner-facing text ships in French (first) and English. */
export const LocalizedSchema = Type.Object({ fr: NonEmptySchema, en: NonEmptySchema }, { additionalProperties: false });
export type Localized = Static<typeof LocalizedSchema>;

/**
 * An instant with its explicit UTC offset (`2026-03-12T10:00:00+01:00`): unambiguous, and the
 * loader checks the offset against the event's time zone to catch DST slips.
 */
export const OffsetDateTimeSchema = Type.String({
  format: 'date-time',
  pattern: '[+-]\\d\\d:\\d\\d$',
  description: 'date-time with an explicit UTC offset (+01:00)',
  example: '2026-03-12T10:00:00+01:00',
});

/**
 * Either an absolute https URL or a path starting with `/`, resolved against the public base URL
 * at issuance (so a programme folder does not depend on where it is deployed).
 */
export const UrlOrPathSchema = Type.String({
  pattern: '^(?:https://[^\\s]+|/[^\\s]*)$',
  description: 'https URL or a path starting with /',
  example: '/achievements/data-admin/image.svg',
});
