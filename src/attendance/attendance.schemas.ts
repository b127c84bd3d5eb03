import { Type } from 'typebox';

const Line = Type.Integer({ minimum: 1, description: '1-based line of the file' });

export const ImportQuerySchema = Type.Object({
  dryRun: Type.Boolean({ default: false, description: 'Preview only: nothing is stored' }),
  acceptPartial: Type.Boolean({ default: false, description: 'Commit the good rows of a file with row errors' }),
  fileName: Type.Optional(Type.String({ maxLength: 255 })),
  mapping: Type.Optional(
    Type.String({
      description:
        'JSON object: field (email, name, organisation, joinedAt, leftAt, minutes, present) → header, for files in ' +
        'no known format; "" reads that field from no column, a field left out is found by its usual names',
      example: '{"email":"Adresse","name":"Nom"}',
    }),
  ),
});

const PersonSchema = Type.Object({
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  organisation: Type.Union([Type.String(), Type.Null()]),
  minutes: Type.Number(),
  attended: Type.Boolean(),
  reason: Type.Object({ code: Type.String(), message: Type.String() }),
  firstSeenAt: Type.Union([Type.String(), Type.Null()]),
  lastSeenAt: Type.Union([Type.String(), Type.Null()]),
  lines: Type.Array(Type.Integer()),
});

const previewProperties = {
  format: Type.String({ example: 'zoom-webinar' }),
  encoding: Type.String({ example: 'utf-8' }),
  delimiter: Type.String(),
  window: Type.Object({ startsAt: Type.String(), endsAt: Type.String(), source: Type.String() }),
  people: Type.Optional(
    Type.Array(PersonSchema, {
      description: 'Preview (dryRun) only; after a commit, page them at GET /api/imports/{importId}/people',
    }),
  ),
  unmatched: Type.Array(Type.Object({ line: Line, name: Type.String(), minutes: Type.Number() })),
  errors: Type.Array(
    Type.Object({ line: Line, code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
  ),
  warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), line: Type.Optional(Line) })),
  rowsRead: Type.Integer(),
  fileHash: Type.String({ description: 'SHA-256 of the file' }),
  alreadyImported: Type.Union([Type.String(), Type.Null()], {
    description: 'Id of an earlier import of the same file',
  }),
  erased: Type.Optional(
    Type.Array(Type.Object({ lines: Type.Array(Type.Integer()), message: Type.String() }), {
      description: 'Rows of people who asked for erasure: reported, nothing created',
    }),
  ),
};

export const ImportResultSchema = Type.Object({
  ...previewProperties,
  importId: Type.Optional(Type.String({ format: 'uuid' })),
  peopleCount: Type.Optional(Type.Integer()),
  attendedCount: Type.Optional(Type.Integer()),
  learnersCreated: Type.Optional(Type.Integer()),
  attendanceCreated: Type.Optional(Type.Integer()),
  attendanceUpdated: Type.Optional(Type.Integer()),
  unchanged: Type.Optional(Type.Integer()),
  unmatchedCount: Type.Optional(Type.Integer()),
  errorCount: Type.Optional(Type.Integer()),
});

export const AttendanceStatusSchema = Type.Union(
  [Type.Literal('present'), Type.Literal('replay'), Type.Literal('absent')],
  {
    description: 'present: live; replay: followed the recording (counts as attended); absent',
  },
);

export const AttendanceSchema = Type.Object({
  eventKey: Type.String(),
  status: AttendanceStatusSchema,
  minutes: Type.Union([Type.Number(), Type.Null()]),
  source: Type.String({ example: 'import:zoom-webinar' }),
  importId: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});

/** One person an import wrote, as stored (learner and attendance). */
export const ImportPersonSchema = Type.Object({
  learnerId: Type.String({ format: 'uuid' }),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  organisation: Type.Union([Type.String(), Type.Null()]),
  status: AttendanceStatusSchema,
  minutes: Type.Union([Type.Number(), Type.Null()]),
  firstSeenAt: Type.Union([Type.String(), Type.Null()]),
  lastSeenAt: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});

export const ImportPeopleQuerySchema = Type.Object({
  offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
});
