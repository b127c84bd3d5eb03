import type { Params } from '../shared/errors';
import { checkDataIntegrity, type ProofDeps } from './verify-proof';
import { isRevoked } from './status-list';

export interface StatusOutcome {
  ok: boolean | 'unknown';
  code: string;
  params?: Params;
}

const listInvalid = (reason: string): StatusOutcome => ({
  ok: false, code: 'VERIFY_STATUS_LIST_INVALID', params: { reason },
});

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Revocation (verification.md step 4). W3C BitstringStatusListEntry, which the 1EdTech
 * validator supports beside its own 1EdTechRevocationList (RevocationListProbe). A list we
 * cannot fetch leaves the status unknown, never "not revoked": absence of news is not news.
 */
export async function checkStatus(
  credential: Record<string, unknown>,
  deps: ProofDeps & { now: Date },
): Promise<StatusOutcome> {
  const entries = ([] as Array<Record<string, unknown>>).concat((credential.credentialStatus as never) ?? []);
  if (entries.length === 0) return { ok: true, code: 'VERIFY_STATUS_NONE' };
  for (const entry of entries) {
    const outcome =
      entry.type === 'BitstringStatusListEntry'
        ? await checkBitstringEntry(entry, credential, deps)
        : entry.type === '1EdTechRevocationList'
          ? await checkRevocationList(entry, credential, deps)
          : { ok: 'unknown' as const, code: 'VERIFY_STATUS_UNSUPPORTED', params: { type: String(entry.type) } };
    if (outcome.ok !== true) return outcome;
  }
  return { ok: true, code: 'VERIFY_STATUS_OK' };
}

async function checkBitstringEntry(
  entry: Record<string, unknown>,
  credential: Record<string, unknown>,
  deps: ProofDeps & { now: Date },
): Promise<StatusOutcome> {
  const url = entry.statusListCredential;
  const indexText = entry.statusListIndex;
  const purpose = entry.statusPurpose;
  if (typeof url !== 'string' || typeof indexText !== 'string' || !/^\d+$/.test(indexText)) {
    return listInvalid('statusListCredential / statusListIndex');
  }
  if (purpose !== 'revocation' && purpose !== 'suspension') {
    return { ok: 'unknown', code: 'VERIFY_STATUS_UNSUPPORTED', params: { type: `statusPurpose ${String(purpose)}` } };
  }
  let list: Record<string, unknown>;
  try {
    list = (await deps.fetchJson(url)) as Record<string, unknown>;
  } catch {
    return { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  }
  // BSL "Validate Algorithm": the list is itself a credential; it must be the issuer's,
  // signed, and for the same purpose, or anyone could publish "not revoked".
  if (!list || typeof list !== 'object') return listInvalid('not JSON');
  const types = ([] as unknown[]).concat(list.type ?? []);
  if (!types.includes('BitstringStatusListCredential')) return listInvalid('type');
  if (idOf(list.issuer) !== idOf(credential.issuer)) return listInvalid('issuer');
  const subject = list.credentialSubject as { statusPurpose?: unknown } | undefined;
  if (subject?.statusPurpose !== purpose) return listInvalid('statusPurpose');
  const proof = await checkDataIntegrity(list, deps);
  if (proof.ok === 'unknown') return { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  if (!proof.ok) return listInvalid(String(proof.params?.reason ?? proof.code));
  // An expired list says nothing about today (BSL: validUntil bounds the list's caching).
  if (typeof list.validUntil === 'string' && new Date(list.validUntil) < deps.now) {
    return { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  }
  let set: boolean;
  try {
    set = await isRevoked(list, Number(indexText));
  } catch {
    return listInvalid('encodedList');
  }
  if (!set) return { ok: true, code: 'VERIFY_STATUS_OK' };
  return { ok: false, code: purpose === 'revocation' ? 'VERIFY_STATUS_REVOKED' : 'VERIFY_STATUS_SUSPENDED' };
}

/** 1EdTech Revocation List (VCRL-10): revoked when listed with `revoked` true or omitted. */
async function checkRevocationList(
  entry: Record<string, unknown>,
  credential: Record<string, unknown>,
  deps: ProofDeps,
): Promise<StatusOutcome> {
  const url = idOf(entry);
  if (!url) return listInvalid('id');
  let list: { revokedCredential?: Array<{ id?: unknown; revoked?: unknown }> };
  try {
    list = (await deps.fetchJson(url)) as typeof list;
  } catch {
    return { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  }
  const listed = (list?.revokedCredential ?? []).find((r) => r?.id === credential.id);
  return listed && listed.revoked !== false
    ? { ok: false, code: 'VERIFY_STATUS_REVOKED' }
    : { ok: true, code: 'VERIFY_STATUS_OK' };
}
