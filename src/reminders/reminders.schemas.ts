import { Type, type Static } from 'typebox';
import { KeySchema, LocalizedSchema } from '../programme/common.schemas';

/** "08:00": a wall-clock time in the event's time zone. */
const ClockSchema = Type.String({ pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d$', description: 'time HH:MM' });

/** No e-mail between `from` and `to` (overnight when from > to), nor on Saturdays and Sundays when `weekends`. */
export const QuietHoursSchema = Type.Object(
  { from: ClockSchema, to: ClockSchema, weekends: Type.Boolean() },
  { additionalProperties: false },
);
export type QuietHours = Static<typeof QuietHoursSchema>;

export const TRIGGERS = ['questionnaireNotAnswered', 'oneConditionMissing'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const ReminderRuleSchema = Type.Object(
  {
    key: KeySchema,
    /** questionnaireNotAnswered: after an attended event with a questionnaire; oneConditionMissing: one step away. */
    trigger: Type.Enum([...TRIGGERS]),
    /** false turns the rule off without deleting it. */
    enabled: Type.Boolean(),
    /** Days after the trigger's moment, one per send, increasing. */
    delaysDays: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 365 }), { minItems: 1, maxItems: 10 }),
    maxSends: Type.Integer({ minimum: 1, maximum: 10 }),
    quietHours: QuietHoursSchema,
    /** oneConditionMissing only: offer a webinar's replay as the way to meet a missed webinar. */
    replay: Type.Optional(Type.Boolean()),
    subject: LocalizedSchema,
    /** Plain text; {placeholders} listed in the README; paragraphs separated by a blank line. */
    body: LocalizedSchema,
  },
  { additionalProperties: false },
);
export type ReminderRule = Static<typeof ReminderRuleSchema>;

export const RemindersFileSchema = Type.Object(
  { rules: Type.Array(ReminderRuleSchema, { maxItems: 20 }) },
  { additionalProperties: false },
);
export type RemindersFile = Static<typeof RemindersFileSchema>;

/** The placeholders each trigger fills; any other `{name}` in a text is refused at start. */
export const PLACEHOLDERS: Record<Trigger, readonly string[]> = {
  questionnaireNotAnswered: ['name', 'event', 'quiz', 'link', 'days'],
  oneConditionMissing: ['name', 'badge', 'condition', 'link', 'accessCode'],
};
