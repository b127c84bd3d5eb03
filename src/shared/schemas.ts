import { Type, type Static } from 'typebox';

export const ErrorResponseSchema = Type.Object(
  {
    code: Type.String({ description: 'Stable, machine-readable code', example: 'VALIDATION_FAILED' }),
    message: Type.String({ description: 'Human-readable text in the request language (French by default)' }),
    details: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'ErrorResponse', description: 'Every error answer has this shape' },
);
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

export const ErrorRef = Type.Unsafe<ErrorResponse>(Type.Ref('ErrorResponse'));

/** Common error answers for a route's `response` map. */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorRef]));

export const Email = Type.String({
  format: 'email',
  maxLength: 320,
  description: 'E-mail address',
  example: 'agent@mairie-valbrune.fr',
});
export const Uuid = Type.String({ format: 'uuid' });
export const IsoDateTime = Type.String({
  format: 'date-time',
  description: 'ISO 8601 with offset',
  example: '2026-03-12T10:00:00+01:00',
});

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
