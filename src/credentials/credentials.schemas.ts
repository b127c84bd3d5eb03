import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../shared/schemas';

export const RevokeBodySchema = Type.Object({
  reason: Type.String({
    minLength: 3,
    maxLength: 1000,
    description: 'Told to the learner and kept in the audit log',
    example: 'Présence à l’atelier enregistrée par erreur',
  }),
});

export const RevokeResultSchema = Type.Object({
  revoked: Type.Array(
    Type.Object({
      id: Uuid,
      badgeKey: Type.String({ example: 'parcours-data' }),
      reason: Type.String(),
    }),
    { description: 'This credential first, then any meta-badge revoked with it' },
  ),
});

export const CredentialLinksSchema = Type.Object({
  page: Type.String({ format: 'uri', description: 'Public page (HTML for browsers, JSON otherwise)' }),
  json: Type.String({ format: 'uri' }),
  jwt: Type.String({ format: 'uri' }),
  png: Type.String({ format: 'uri' }),
  svg: Type.String({ format: 'uri' }),
});

export const CredentialSummarySchema = Type.Object({
  id: Uuid,
  badgeKey: Type.String({ example: 'data-juridique' }),
  name: Type.String({ example: 'data juridique' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  issuedAt: IsoDateTime,
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
  revocationReason: Type.Union([Type.String(), Type.Null()]),
  links: CredentialLinksSchema,
});
export type CredentialSummary = Static<typeof CredentialSummarySchema>;

export const CredentialListSchema = Type.Object({ credentials: Type.Array(CredentialSummarySchema) });
