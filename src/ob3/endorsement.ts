import { AppError } from '../shared/errors';
import { OB_CONTEXT, OB_EXTENSIONS_CONTEXT, VC_V2_CONTEXT } from './contexts/index';
import { dateTime } from './build-credential';
import type { BitstringStatusListEntry, Profile } from './credential-types';

export const ENDORSEMENT_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json';

/** OB 3.0 EndorsementCredential: a claim by someone other than the issuer about an Achievement or Profile. */
export interface EndorsementCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  issuer: Profile;
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; type: string[]; endorsementComment?: string };
  credentialSchema: Array<{ id: string; type: string }>;
  credentialStatus: BitstringStatusListEntry;
  proof?: unknown;
  [field: string]: unknown;
}

export interface BuildEndorsementInput {
  /** Public, dereferenceable URL of the endorsement. */
  id: string;
  name: string;
  /** The endorser's Profile: its id is the endorser's DID, never the issuer's. */
  issuer: Profile;
  /** What is endorsed: an Achievement's (or the issuer Profile's) id. */
  subjectId: string;
  comment: string;
  validFrom: Date | string;
  validUntil: Date | string;
  statusEntry: { listUrl: string; index: number };
}

/**
 * An unsigned EndorsementCredential (OB 3.0 §EndorsementCredential): VC 2.0 and OB 3.0.3 contexts,
 * extensions.json for the schema validator's type, the official endorsement schema, and a
 * revocation entry in the endorser's own Bitstring status list (a withdrawal is the endorser's act).
 */
export function buildEndorsement(input: BuildEndorsementInput): EndorsementCredential {
  const validFrom = dateTime(input.validFrom, 'validFrom');
  const validUntil = dateTime(input.validUntil, 'validUntil');
  if (validUntil <= validFrom) throw new AppError('CREDENTIAL_INPUT_INVALID', 400, { field: 'validUntil' });
  const { statusEntry } = input;
  return {
    '@context': [VC_V2_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: input.name,
    issuer: input.issuer,
    validFrom,
    validUntil,
    credentialSubject: {
      id: input.subjectId,
      type: ['EndorsementSubject'],
      ...(input.comment ? { endorsementComment: input.comment } : {}),
    },
    credentialSchema: [{ id: ENDORSEMENT_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }],
    credentialStatus: {
      id: `${statusEntry.listUrl}#${statusEntry.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(statusEntry.index),
      statusListCredential: statusEntry.listUrl,
    },
  };
}

/** The embedded endorsements of a node (`endorsement` is one credential or an array of them). */
export function endorsementsOf(node: unknown): unknown[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  const value = (node as { endorsement?: unknown }).endorsement;
  return value === undefined ? [] : ([] as unknown[]).concat(value);
}
