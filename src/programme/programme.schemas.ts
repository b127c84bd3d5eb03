import { Type, type Static } from 'typebox';
import { KeySchema, LocalizedSchema, NonEmptySchema, OffsetDateTimeSchema, UrlOrPathSchema } from './common.schemas';

/** The issuing organisation; its `id` (did:web / did:key) comes from the deployment, not the file. */
export const IssuerSchema = Type.Object(
  {
    name: NonEmptySchema,
    url: Type.String({ format: 'uri', pattern: '^https?://' }),
    email: Type.String({ format: 'email' }),
    description: NonEmptySchema,
    image: UrlOrPathSchema,
    i18n: Type.Optional(
      Type.Object(
        {
          en: Type.Object(
            { name: Type.Optional(NonEmptySchema), description: Type.Optional(NonEmptySchema) },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Issuer = Static<typeof IssuerSchema>;

export const EventSchema = Type.Object(
  {
    key: KeySchema,
    kind: Type.Enum(['webinar', 'workshop']),
    title: LocalizedSchema,
    /** Short name used in sentences ("Webinaire #1 suivi le …"); falls back to the title. */
    label: Type.Optional(LocalizedSchema),
    startsAt: OffsetDateTimeSchema,
    endsAt: OffsetDateTimeSchema,
    timezone: NonEmptySchema,
    /** Share of the session a participant must attend to count as present (0 < r ≤ 1). */
    minPresenceRatio: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
    quiz: Type.Optional(KeySchema),
    /** A recording learners may follow instead (a webinar's Zoom recording and its access code). */
    replay: Type.Optional(
      Type.Object(
        { url: Type.String({ format: 'uri', pattern: '^https://' }), accessCode: Type.Optional(NonEmptySchema) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ProgrammeEvent = Static<typeof EventSchema>;

export const ProgrammeFileSchema = Type.Object(
  {
    issuer: IssuerSchema,
    events: Type.Array(EventSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ProgrammeFile = Static<typeof ProgrammeFileSchema>;
