import { Type } from 'typebox';
import { IsoDateTime, Uuid } from '../shared/schemas';

const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', maxLength: 63 });

/** POST /api/endorsements: a hosted endorsement to sign, or an offline one signed by the endorser. */
export const EndorseBodySchema = Type.Union([
  Type.Object(
    {
      endorser: Key,
      achievement: Key,
      validUntil: Type.Optional(IsoDateTime),
    },
    { additionalProperties: false, description: 'Hosted mode: the platform signs with the endorser’s keys' },
  ),
  Type.Object(
    {
      format: Type.Literal('parcours-endorsement-signed/v1'),
      endorser: Key,
      credentials: Type.Array(Type.Object({}, { additionalProperties: true }), { minItems: 1, maxItems: 10 }),
      jwts: Type.Optional(Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 20_000 }))),
    },
    { additionalProperties: false, description: 'Offline mode: what `endorse sign` wrote, checked before it is kept' },
  ),
]);

export const WithdrawBodySchema = Type.Object({
  reason: Type.String({ minLength: 3, maxLength: 1000, example: 'Le programme ne remplit plus le cahier des charges' }),
});

export const EndorsementSummarySchema = Type.Object({
  id: Uuid,
  url: Type.String({ format: 'uri' }),
  endorser: Type.String({ example: 'region-bfc' }),
  endorserName: Type.String(),
  mode: Type.Union([Type.Literal('hosted'), Type.Literal('offline')]),
  badgeKey: Type.String({ example: 'data-juridique' }),
  badgeName: Type.String(),
  state: Type.Union(
    [
      Type.Literal('requested'),
      Type.Literal('active'),
      Type.Literal('expired'),
      Type.Literal('withdrawn'),
      Type.Literal('withdrawal-unsigned'),
    ],
    { description: "'withdrawal-unsigned': withdrawn here, the offline endorser has not signed its status list yet" },
  ),
  validFrom: IsoDateTime,
  validUntil: IsoDateTime,
  withdrawnAt: Type.Union([IsoDateTime, Type.Null()]),
  withdrawalReason: Type.Union([Type.String(), Type.Null()]),
});
