import { randomInt } from 'node:crypto';
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { AppError } from '../shared/errors';
import { VC_V2_CONTEXT } from './contexts/index';

/**
 * W3C Bitstring Status List v1.0. 131,072 entries (16 KiB) is the spec's minimum size
 * ("Bitstring Generation Algorithm"; "Privacy Considerations: Group Privacy"): a list that small in use
 * still hides who was revoked among many.
 * The encoding (GZIP, then multibase base64url, "u…") and bit order (index 0 = left-most bit)
 * come from @digitalbazaar/vc-bitstring-status-list, not from us.
 */
export const STATUS_LIST_LENGTH = 131_072;

export interface BitstringStatusListCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
  proof?: unknown;
}

export async function createEncodedList(length: number = STATUS_LIST_LENGTH): Promise<string> {
  return (await createList({ length })).encode();
}

/** A reader of an encoded list's bits (index 0 = left-most), for allocation and tests. */
export async function readStatusBits(encodedList: string): Promise<(index: number) => boolean> {
  const list = await decodeList({ encodedList });
  return (index: number) => list.getStatus(index);
}

/** Sets (or clears) bit `index` and returns the new encoded list. */
export async function setStatus(encodedList: string, index: number, revoked: boolean): Promise<string> {
  const list = await decodeList({ encodedList });
  assertIndex(index, list.length);
  list.setStatus(index, revoked);
  return list.encode();
}

/**
 * A free index picked at random (BSL "Privacy Considerations"): sequential indexes would let a
 * verifier infer issue order and who was awarded alongside whom.
 */
export function randomFreeIndex(usedIndexes: Iterable<number>, length: number = STATUS_LIST_LENGTH): number {
  const used = usedIndexes instanceof Set ? (usedIndexes as Set<number>) : new Set(usedIndexes);
  if (used.size < length / 2) {
    // Rejection sampling: at least half the slots are free, so this ends fast.
    for (;;) {
      const index = randomInt(length);
      if (!used.has(index)) return index;
    }
  }
  const free: number[] = [];
  for (let i = 0; i < length; i += 1) if (!used.has(i)) free.push(i);
  if (free.length === 0) throw new AppError('CREDENTIAL_STATUS_LIST_FULL', 500, { length });
  return free[randomInt(free.length)]!;
}

export function buildStatusListCredential(input: {
  id: string;
  issuer: string;
  encodedList: string;
  validFrom: string;
  validUntil?: string;
}): BitstringStatusListCredential {
  return {
    // VC v2 defines BitstringStatusListCredential and BitstringStatusList (BSL "BitstringStatusListCredential").
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: input.encodedList,
    },
  };
}

/** Reads bit `index` of a status list credential (BSL "Validate Algorithm"). */
export async function isRevoked(listCredential: { credentialSubject?: unknown }, index: number): Promise<boolean> {
  const subject = listCredential.credentialSubject as { encodedList?: unknown } | undefined;
  if (typeof subject?.encodedList !== 'string') {
    throw new AppError('CREDENTIAL_STATUS_LIST_INVALID', 502);
  }
  const list = await decodeList({ encodedList: subject.encodedList });
  assertIndex(index, list.length);
  return list.getStatus(index);
}

function assertIndex(index: number, length: number): void {
  // BSL "Validate Algorithm": an index beyond the list is an error, never "not revoked".
  if (!Number.isSafeInteger(index) || index < 0 || index >= length) {
    throw new AppError('CREDENTIAL_STATUS_INDEX_OUT_OF_RANGE', 502, { index, length });
  }
}
