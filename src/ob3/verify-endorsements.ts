import { say } from '../shared/text';
import type { Params } from '../shared/errors';
import { endorsementsOf } from './endorsement';
import { endorsementChecks, type EndorsementCheckCode } from './endorsement.text';
import { DEFAULT_VERIFY_LIMITS } from './verify-limits';
import { checkDataIntegrity, type ProofDeps } from './verify-proof';
import { endorsementSchemaErrors } from './verify-schema';
import { checkStatus } from './verify-status';

/** What a page shows of an endorsement: who, until when, what they said (all signed by the endorser). */
export interface EndorsementSummary {
  id?: string;
  issuerId?: string;
  name: string;
  image?: string;
  comment?: string;
  validUntil?: string;
}

export interface EndorsementCheck {
  check: 'endorsement';
  ok: boolean | 'unknown';
  code: EndorsementCheckCode;
  message: { fr: string; en: string };
  endorsement?: EndorsementSummary;
}

const str = (v: unknown, max = 500) => (typeof v === 'string' ? v.slice(0, max) : undefined);
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function summary(e: Record<string, unknown>): EndorsementSummary {
  const issuer = obj(e.issuer);
  const image = typeof issuer.image === 'string' ? issuer.image : str(obj(issuer.image).id);
  return {
    ...(str(e.id) ? { id: str(e.id) } : {}),
    ...(str(issuer.id) ? { issuerId: str(issuer.id) } : {}),
    name: str(issuer.name, 200) ?? str(issuer.id, 200) ?? '?',
    ...(image && /^(https?:|data:image\/)/.test(image) ? { image } : {}),
    ...(str(obj(e.credentialSubject).endorsementComment, 2000)
      ? { comment: str(obj(e.credentialSubject).endorsementComment, 2000) }
      : {}),
    ...(str(e.validUntil) ? { validUntil: str(e.validUntil) } : {}),
  };
}

function result(code: EndorsementCheckCode, ok: boolean | 'unknown', params: Params, s?: EndorsementSummary) {
  return {
    check: 'endorsement' as const,
    ok,
    code,
    message: { fr: say(endorsementChecks, 'fr', code, params), en: say(endorsementChecks, 'en', code, params) },
    ...(s ? { endorsement: s } : {}),
  };
}

/**
 * OB 3.0 verification step 6: every EndorsementCredential embedded in the credential, its
 * Achievement or its issuer Profile is verified as a credential of its own — schema, subject (it
 * must endorse the node it sits in), proof by the endorser's key, status, dates — and reported as
 * one check each. The badge's own checks are not touched by them. Their number is capped
 * (`maxEndorsements`) and their fetches come out of the same budget as the badge's.
 */
export async function checkEndorsements(
  credential: Record<string, unknown>,
  deps: ProofDeps & { now: Date; limits?: { maxEndorsements?: number } },
): Promise<EndorsementCheck[]> {
  const subject = ([] as unknown[]).concat(credential.credentialSubject ?? [])[0];
  const achievement = obj(obj(subject).achievement);
  const targets: Array<{ target: unknown; endorsement: unknown }> = [
    ...endorsementsOf(credential).map((e) => ({ target: credential.id, endorsement: e })),
    ...endorsementsOf(achievement).map((e) => ({ target: achievement.id, endorsement: e })),
    ...endorsementsOf(credential.issuer).map((e) => ({ target: obj(credential.issuer).id, endorsement: e })),
  ];
  if (targets.length === 0) return [];
  const max = deps.limits?.maxEndorsements ?? DEFAULT_VERIFY_LIMITS.maxEndorsements;
  if (targets.length > max) return [result('ENDORSEMENT_TOO_MANY', false, { count: targets.length, max })];
  const checks: EndorsementCheck[] = [];
  // One after the other: they share the verification's fetch budget and CPU.
  for (const { target, endorsement } of targets) checks.push(await checkOne(endorsement, target, deps));
  return checks;
}

async function checkOne(endorsement: unknown, target: unknown, deps: ProofDeps & { now: Date }) {
  const e = obj(endorsement);
  const s = summary(e);
  const named = { name: s.name, validUntil: s.validUntil, validFrom: str(e.validFrom) };
  const schemaErrors = endorsementSchemaErrors(endorsement);
  if (schemaErrors) return result('ENDORSEMENT_INVALID', false, { reason: schemaErrors.slice(0, 200) }, s);
  if (obj(e.credentialSubject).id !== target) return result('ENDORSEMENT_OTHER_SUBJECT', false, named, s);
  const copy = structuredClone(e);
  const proof = await checkDataIntegrity(copy, deps).catch((error: unknown) => ({
    ok: false as const,
    code: 'VERIFY_PROOF_INVALID',
    params: { reason: error instanceof Error ? error.message : 'proof' },
  }));
  if (proof.ok === false) {
    const reason = String(proof.params?.reason ?? proof.code).slice(0, 200);
    return result('ENDORSEMENT_INVALID', false, { reason }, s);
  }
  if (proof.ok === 'unknown') return result('ENDORSEMENT_UNVERIFIABLE', 'unknown', { reason: proof.code }, s);
  const status = await checkStatus(copy, deps).catch(() => ({
    ok: false as const,
    code: 'VERIFY_STATUS_LIST_INVALID',
  }));
  if (status.code === 'VERIFY_STATUS_REVOKED' || status.code === 'VERIFY_STATUS_SUSPENDED')
    return result('ENDORSEMENT_WITHDRAWN', false, named, s);
  const from = new Date(String(e.validFrom));
  if (!(deps.now >= from)) return result('ENDORSEMENT_NOT_YET_VALID', false, named, s);
  if (e.validUntil !== undefined && !(deps.now <= new Date(String(e.validUntil))))
    return result('ENDORSEMENT_EXPIRED', false, named, s);
  if (status.ok === 'unknown') return result('ENDORSEMENT_UNVERIFIABLE', 'unknown', { reason: status.code }, s);
  if (status.ok === false) return result('ENDORSEMENT_INVALID', false, { reason: status.code }, s);
  return result('ENDORSEMENT_OK', true, named, s);
}
