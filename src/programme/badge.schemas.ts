import { Type, type Static } from 'typebox';
import { KeySchema, NonEmptySchema, UrlOrPathSchema } from './common.schemas';

/** A rule is a tree: leaves name an event, a quiz or another badge; nodes combine them. */
export type Rule =
  | { attended: string | { event: string; replay?: boolean } }
  | { answered: string | { quiz: string; minPercent?: number } }
  | { holds: string }
  | { allOf: Rule[] }
  | { anyOf: Rule[] }
  | { atLeast: { n: number; of: Rule[] } };

const ruleRef = { $ref: '#/$defs/rule' };
const ruleList = { type: 'array', minItems: 1, items: ruleRef };

/**
 * "An object with exactly one known operator" rather than an anyOf of shapes: ajv then reports
 * the precise failing path (`/rule/allOf/2/attended`) instead of one error per branch.
 */
const ruleJsonSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    // `replay: false`: a recording watched afterwards (attendance status `replay`) does not count.
    attended: {
      type: ['string', 'object'],
      if: { type: 'string' },
      then: KeySchema,
      else: {
        type: 'object',
        required: ['event'],
        additionalProperties: false,
        properties: { event: KeySchema, replay: { type: 'boolean' } },
      },
    },
    answered: {
      type: ['string', 'object'],
      if: { type: 'string' },
      then: KeySchema,
      else: {
        type: 'object',
        required: ['quiz'],
        additionalProperties: false,
        properties: { quiz: KeySchema, minPercent: { type: 'number', minimum: 0, maximum: 100 } },
      },
    },
    holds: KeySchema,
    allOf: ruleList,
    anyOf: ruleList,
    atLeast: {
      type: 'object',
      required: ['n', 'of'],
      additionalProperties: false,
      properties: { n: { type: 'integer', minimum: 1 }, of: ruleList },
    },
  },
};

// 1EdTech achievementType vocabulary (FACTS §6), or an `ext:` extension.
const ACHIEVEMENT_TYPES =
  'Achievement|ApprenticeshipCertificate|Assessment|Assignment|AssociateDegree|Award|Badge|' +
  'BachelorDegree|Certificate|CertificateOfCompletion|Certification|CommunityService|Competency|' +
  'Course|CoCurricular|Degree|Diploma|DoctoralDegree|Fieldwork|GeneralEducationDevelopment|' +
  'JourneymanCertificate|LearningProgram|License|Membership|ProfessionalDoctorate|' +
  'QualityAssuranceCredential|MasterCertificate|MasterDegree|MicroCredential|ResearchDoctorate|' +
  'SecondarySchoolDiploma|ext:[A-Za-z0-9._-]+';

const CriteriaSchema = Type.Object(
  { narrative: NonEmptySchema, id: Type.Optional(UrlOrPathSchema) },
  { additionalProperties: false },
);

export const AlignmentSchema = Type.Object(
  {
    type: Type.Array(Type.String(), { minItems: 1, contains: { const: 'Alignment' } }),
    targetName: NonEmptySchema,
    targetUrl: UrlOrPathSchema,
    targetDescription: Type.Optional(NonEmptySchema),
    targetCode: Type.Optional(NonEmptySchema),
    targetFramework: Type.Optional(NonEmptySchema),
    targetType: Type.Optional(NonEmptySchema),
  },
  { additionalProperties: false },
);

/**
 * The OB 3.0 Achievement minus `id`, which is `<base URL>/achievements/<key>` at issuance.
 * A closed subset of the 1EdTech fields so that a typo ("descripton") is refused, not ignored.
 */
export const AchievementFileSchema = Type.Object(
  {
    type: Type.Array(Type.String(), { minItems: 1, contains: { const: 'Achievement' } }),
    achievementType: Type.String({
      pattern: `^(?:${ACHIEVEMENT_TYPES})$`,
      description: '1EdTech achievementType (Badge, Certificate, …) or ext:…',
    }),
    name: NonEmptySchema,
    description: NonEmptySchema,
    criteria: CriteriaSchema,
    image: Type.Object(
      { id: UrlOrPathSchema, type: Type.Literal('Image'), caption: Type.Optional(NonEmptySchema) },
      { additionalProperties: false },
    ),
    tag: Type.Optional(Type.Array(NonEmptySchema)),
    inLanguage: Type.Optional(Type.String({ pattern: '^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$' })),
    alignment: Type.Optional(Type.Array(AlignmentSchema)),
    version: Type.Optional(NonEmptySchema),
    humanCode: Type.Optional(NonEmptySchema),
    fieldOfStudy: Type.Optional(NonEmptySchema),
    specialization: Type.Optional(NonEmptySchema),
    creditsAvailable: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type AchievementFile = Static<typeof AchievementFileSchema>;

const TranslationSchema = Type.Object(
  {
    name: NonEmptySchema,
    description: NonEmptySchema,
    criteria: Type.Object({ narrative: NonEmptySchema }, { additionalProperties: false }),
    caption: Type.Optional(NonEmptySchema),
  },
  { additionalProperties: false },
);
export type AchievementTranslation = Static<typeof TranslationSchema>;

export const BadgeFileSchema = Type.Object(
  {
    key: KeySchema,
    achievement: AchievementFileSchema,
    i18n: Type.Object({ en: TranslationSchema }, { additionalProperties: false }),
    rule: Type.Unsafe<Rule>(ruleRef),
  },
  { additionalProperties: false, $defs: { rule: ruleJsonSchema } },
);
export type BadgeDefinition = Static<typeof BadgeFileSchema>;
