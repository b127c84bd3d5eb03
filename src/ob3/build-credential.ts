import { AppError } from '../shared/errors';
import { OB_CONTEXT, OB_EXTENSIONS_CONTEXT, VC_V2_CONTEXT } from './contexts/index';
import type { Achievement, Evidence, OpenBadgeCredential, Profile, Result } from './credential-types';
import { hashIdentity } from './identity-hash';

export const OB_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

export interface EvidenceInput {
  name: string;
  /** ISO date (or date-time) of the session attended. */
  date: string;
  /** Minutes attended; null when only presence is known (a sign-in sheet). */
  minutes: number | null;
  narrative?: string;
}

export interface BuildCredentialInput {
  /** Public, dereferenceable URL of this credential. */
  id: string;
  issuer: Profile;
  achievement: Achievement;
  validFrom: Date | string;
  validUntil?: Date | string;
  /** The original award date, kept when validFrom moves on re-issue (common_credentials.lines). */
  awardedDate?: Date | string;
  /** `name`: shown as an unhashed IdentityObject, only when the learner chose so. */
  recipient: { email: string; salt: string; name?: string };
  /** A wallet's DID: the holder-bound copy names its subject (VCDM credentialSubject.id). */
  subjectId?: string;
  evidence: EvidenceInput[];
  results: Array<{ resultDescriptionId: string; value: string | number }>;
  statusEntry: { listUrl: string; index: number };
  /** credentialSchema ids, all typed 1EdTechJsonSchemaValidator2019; default: the 1EdTech one. */
  schemaUrls?: string[];
}

/**
 * An unsigned OpenBadgeCredential (VCDM 2.0 + OB 3.0.3), shaped as OB 3.0 OpenBadgeCredential says, using
 * only terms the three contexts define: safe-mode signing and the 1EdTech validator's JSON-LD
 * probe both reject anything else.
 */
export function buildCredential(input: BuildCredentialInput): OpenBadgeCredential {
  assertHttpUrl(input.id, 'id');
  const { achievement, recipient, statusEntry } = input;
  const validFrom = dateTime(input.validFrom, 'validFrom');
  const validUntil = input.validUntil === undefined ? undefined : dateTime(input.validUntil, 'validUntil');
  const awardedDate = input.awardedDate === undefined ? undefined : dateTime(input.awardedDate, 'awardedDate');
  if (!Number.isSafeInteger(statusEntry.index) || statusEntry.index < 0) {
    throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field: 'statusEntry.index' });
  }

  return {
    // Order matters: VC v2 first, OB context second (VAL ContextPropertyProbe); extensions.json
    // because 1EdTechJsonSchemaValidator2019 is defined nowhere else (OB 3.0 extensions context).
    '@context': [VC_V2_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name,
    issuer: input.issuer,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    ...(awardedDate ? { awardedDate } : {}),
    credentialSubject: {
      ...(input.subjectId ? { id: input.subjectId } : {}),
      type: ['AchievementSubject'],
      // The learner is known by a salted hash only (OB 3.0 IdentityObject): the e-mail never travels.
      // E-mails compare case-insensitively in practice, so the hashed form is lower-cased.
      identifier: [
        {
          type: 'IdentityObject',
          hashed: true,
          identityHash: hashIdentity(normaliseEmail(recipient.email), recipient.salt),
          identityType: 'emailAddress',
          salt: recipient.salt,
        },
        ...(recipient.name ? [nameIdentity(recipient.name)] : []),
      ],
      achievement,
      ...(input.results.length > 0 ? { result: input.results.map((r) => result(achievement, r)) } : {}),
    },
    ...(input.evidence.length > 0 ? { evidence: input.evidence.map(evidence) } : {}),
    credentialSchema: (input.schemaUrls ?? [OB_SCHEMA_URL]).map((id) => ({
      id,
      type: '1EdTechJsonSchemaValidator2019',
    })),
    // W3C Bitstring Status List §2.1; the 1EdTech validator reads it (RevocationListProbe).
    credentialStatus: {
      id: `${statusEntry.listUrl}#${statusEntry.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(statusEntry.index),
      statusListCredential: statusEntry.listUrl,
    },
  };
}

/** OB 3.0 IdentityObject, identityType "name": the holder's name in clear, by their choice. */
export function nameIdentity(name: string) {
  return { type: 'IdentityObject' as const, hashed: false, identityHash: name, identityType: 'name' };
}

/** The name a credential shows its holder by, if its holder chose to show it. */
export function shownHolderName(credential: unknown): string | null {
  const subject = (credential as { credentialSubject?: { identifier?: unknown } } | null)?.credentialSubject;
  const ids = Array.isArray(subject?.identifier) ? (subject.identifier as Array<Record<string, unknown>>) : [];
  const name = ids.find((i) => i?.identityType === 'name' && i.hashed === false)?.identityHash;
  return typeof name === 'string' && name.trim() ? name : null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function result(achievement: Achievement, input: { resultDescriptionId: string; value: string | number }): Result {
  // The linked ResultDescription must belong to the asserted achievement (OB 3.0 Achievement, Result).
  const known = achievement.resultDescription?.some((d) => d.id === input.resultDescriptionId);
  if (!known) {
    throw new AppError('CREDENTIAL_RESULT_DESCRIPTION_UNKNOWN', 500, { id: input.resultDescriptionId });
  }
  // Result.value is a string in the OB data model, whatever the resultType.
  return { type: ['Result'], resultDescription: input.resultDescriptionId, value: String(input.value) };
}

function evidence(input: EvidenceInput): Evidence {
  // Evidence has no date or duration term, so both go in the description (safe mode).
  return {
    type: ['Evidence'],
    name: input.name,
    description: input.minutes === null ? input.date : `${input.date} · ${input.minutes} min`,
    ...(input.narrative ? { narrative: input.narrative } : {}),
  };
}

/** xsd:dateTime to the second, UTC: `nbf`/`exp` are whole seconds, so the JWT claims match. */
export function dateTime(value: Date | string, field: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field });
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function assertHttpUrl(value: string, field: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // http is accepted for local deployments; anything else is not a dereferenceable credential.
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field });
  }
}
