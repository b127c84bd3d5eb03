import { gunzipSync } from 'node:zlib';
import type { Params } from '../shared/errors';
import { budgetOutcome, checkDataIntegrity, type ProofDeps } from './verify-proof';
import { DEFAULT_VERIFY_LIMITS } from './verify-limits';
import { isRevoked, readStatusBits } from './status-list';

export interface StatusOutcome {
  ok: boolean | 'unknown';
  code: string;
  params?: Params;
}

const listInvalid = (reason: string): StatusOutcome => ({
  ok: false,
  code: 'VERIFY_STATUS_LIST_INVALID',
  params: { reason },
});

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Revocation (OB 3.0 verification.md step 4). W3C BitstringStatusListEntry, which the 1EdTech
 * validator supports beside its own 1EdTechRevocationList (RevocationListProbe). A list we
 * cannot fetch leaves the status unknown, never "not revoked": absence of news is not news.
 */
export async function checkStatus(
  credential: Record<string, unknown>,
  deps: ProofDeps & { now: Date },
): Promise<StatusOutcome> {
  const entries = ([] as Array<Record<string, unknown>>).concat((credential.credentialStatus as never) ?? []);
  if (entries.length === 0) return { ok: true, code: 'VERIFY_STATUS_NONE' };
  // Each entry may make us fetch a list from any host: a credential listing thousands would turn
  // a public verification into thousands of requests. OB 3.0 credentials carry one.
  const max = deps.limits?.maxStatusEntries ?? DEFAULT_VERIFY_LIMITS.maxStatusEntries;
  if (entries.length > max)
    return { ok: false, code: 'VERIFY_STATUS_TOO_MANY', params: { count: entries.length, max } };
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return listInvalid('credentialStatus');
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
  } catch (error) {
    return budgetOutcome(error) ?? { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  }
  // BSL "Validate Algorithm": the list is itself a credential; it must be the issuer's,
  // signed, and for the same purpose, or anyone could publish "not revoked".
  if (!list || typeof list !== 'object') return listInvalid('not JSON');
  const types = ([] as unknown[]).concat(list.type ?? []);
  if (!types.includes('BitstringStatusListCredential')) return listInvalid('type');
  if (idOf(list.issuer) !== idOf(credential.issuer)) return listInvalid('issuer');
  const subject = list.credentialSubject as { statusPurpose?: unknown } | undefined;
  if (subject?.statusPurpose !== purpose) return listInvalid('statusPurpose');
  const proof = await (deps.checkListProof ?? checkDataIntegrity)(list, deps);
  if (proof.code === 'VERIFY_FETCH_LIMIT' || proof.code === 'VERIFY_TIME_LIMIT') return proof;
  if (proof.ok === 'unknown') return { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  if (!proof.ok) return listInvalid(String(proof.params?.reason ?? proof.code));
  // An expired list says nothing about today (BSL: validUntil bounds the list's caching).
  if (typeof list.validUntil === 'string' && new Date(list.validUntil) < deps.now) {
    return { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  }
  let set: boolean;
  try {
    set = await (await decodedList(list))(Number(indexText));
  } catch {
    return listInvalid('encodedList');
  }
  if (!set) return { ok: true, code: 'VERIFY_STATUS_OK' };
  return { ok: false, code: purpose === 'revocation' ? 'VERIFY_STATUS_REVOKED' : 'VERIFY_STATUS_SUSPENDED' };
}

/**
 * A status list is GZIP'd, and whoever issues the credential chooses it: inflated here first with
 * a cap on the bytes produced (16 MiB, 134 million entries; the spec's minimum is 16 KiB) before
 * the library, which inflates without one, reads it.
 */
const MAX_LIST_BYTES = 16 * 1_048_576;
function assertListBounded(encoded: string): number {
  if (!encoded.startsWith('u')) throw new Error('encodedList');
  return gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: MAX_LIST_BYTES }).length;
}

/**
 * Every verification of one of our credentials reads the same list: its bits are decoded once per
 * exact `encodedList` (a revocation changes the text, hence the key), for lists up to 1 MiB decoded
 * (ours are 16 KiB), 16 of them at most. What is looked up in them is still read on every verification.
 */
const decoded = new Map<string, Promise<(index: number) => Promise<boolean>>>();
const MAX_DECODED = 16;
const MAX_DECODED_BYTES = 1_048_576;
function decodedList(list: Record<string, unknown>): Promise<(index: number) => Promise<boolean>> {
  const encoded = (list.credentialSubject as { encodedList?: unknown } | undefined)?.encodedList;
  if (typeof encoded !== 'string') return Promise.reject(new Error('encodedList'));
  const known = decoded.get(encoded);
  if (known) return known;
  const bytes = assertListBounded(encoded);
  const reader = readStatusBits(encoded).then((read) => async (index: number) => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= bytes * 8) return isRevoked(list, index); // its own error
    return read(index);
  });
  if (bytes <= MAX_DECODED_BYTES) {
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
    decoded.set(encoded, reader);
    reader.catch(() => decoded.delete(encoded));
  }
  return reader;
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
  } catch (error) {
    return budgetOutcome(error) ?? { ok: 'unknown', code: 'VERIFY_STATUS_UNREACHABLE', params: { url } };
  }
  const revoked = list?.revokedCredential;
  const listed = (Array.isArray(revoked) ? revoked : []).find((r) => r?.id === credential.id);
  return listed && listed.revoked !== false
    ? { ok: false, code: 'VERIFY_STATUS_REVOKED' }
    : { ok: true, code: 'VERIFY_STATUS_OK' };
}
