import { randomInt } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { signDataIntegrity } from '../ob3/sign-data-integrity';
import type { DocumentLoader } from '../ob3/document-loader';
import {
  buildStatusListCredential,
  createEncodedList,
  readStatusBits,
  setStatus,
  STATUS_LIST_LENGTH,
} from '../ob3/status-list';
import { dateTime } from '../ob3/build-credential';
import type { Keyring } from './keyring';
import { insertList, latestListWithUsed, lockList, saveList, type StatusListRow } from './status-lists.store';
import { forgetStatusList } from './published';

export interface StatusListDeps {
  keyring: Keyring;
  documentLoader: DocumentLoader;
}

export const statusListUrl = (publicUrl: string, id: number) => `${publicUrl}/status/${id}`;

/** Signs the list as its own issuer (BSL: a verifier requires the credential's issuer). */
async function signList(
  db: Db,
  deps: StatusListDeps,
  list: Pick<StatusListRow, 'id' | 'issuerId'>,
  encodedList: string,
  now: Date,
) {
  const unsigned = buildStatusListCredential({
    id: statusListUrl(deps.keyring.publicUrl, list.id),
    issuer: list.issuerId,
    encodedList,
    validFrom: dateTime(now, 'validFrom'),
  });
  const key = await deps.keyring.signerFor(db, list.issuerId);
  const signed = await signDataIntegrity(unsigned, { key, documentLoader: deps.documentLoader, date: now });
  await saveList(db, list.id, { encodedList, credential: JSON.stringify(signed), updatedAt: now });
  forgetStatusList(list.id);
}

export async function createStatusList(
  db: Db,
  deps: StatusListDeps,
  issuerId: string,
  now = new Date(),
): Promise<StatusListRow> {
  const encodedList = await createEncodedList(STATUS_LIST_LENGTH);
  const row = await insertList(db, { issuerId, length: STATUS_LIST_LENGTH, encodedList });
  await signList(db, deps, row, encodedList, now);
  return row;
}

// The bits of the lists last read, kept while their encoding is unchanged (decoding is a gunzip).
const decoded = new Map<number, { encodedList: string; isSet: (index: number) => boolean }>();
async function bitsOf(list: Pick<StatusListRow, 'id' | 'encodedList'>) {
  const hit = decoded.get(list.id);
  if (hit?.encodedList === list.encodedList) return hit.isSet;
  const isSet = await readStatusBits(list.encodedList);
  decoded.set(list.id, { encodedList: list.encodedList, isSet });
  return isSet;
}

// Up to 4 rounds of 16 random candidates: all taken only once a list is ~95% full, then a new list.
const ROUNDS = 4;
const CANDIDATES = 16;
const randomCandidates = (n: number) => Array.from({ length: n }, () => randomInt(STATUS_LIST_LENGTH));

export interface StatusEntry {
  listId: number;
  index: number;
}

/**
 * Up to `n` distinct free entries among random candidates of the issuer's current list, in one
 * query; undefined when the issuer has no list yet. Free = no credential holds it and its bit is
 * clear, so an index freed by an erased credential that had been revoked is never handed out again.
 */
async function freeEntries(
  db: Db,
  issuerId: string,
  candidates: number[],
  n: number,
): Promise<StatusEntry[] | undefined> {
  const current = await latestListWithUsed(db, issuerId, candidates);
  if (!current) return undefined;
  const isSet = await bitsOf(current.list);
  const taken = new Set(current.used);
  const entries: StatusEntry[] = [];
  for (const index of candidates) {
    if (entries.length === n) break;
    if (index >= current.list.length || taken.has(index) || isSet(index)) continue;
    taken.add(index);
    entries.push({ listId: current.list.id, index });
  }
  return entries;
}

/**
 * A random free entry of the issuer's current list (BSL privacy: indexes reveal neither order
 * nor neighbours), creating the list when there is none or it is (nearly) full. The unique
 * (list, index) constraint settles races: the caller retries on conflict.
 */
export async function allocateStatusEntry(db: Db, deps: StatusListDeps, issuerId: string): Promise<StatusEntry> {
  for (let round = 0; round < 2 * ROUNDS; round += 1) {
    const found = await freeEntries(db, issuerId, randomCandidates(CANDIDATES), 1);
    if (!found || round === ROUNDS) {
      await createStatusList(db, deps, issuerId); // none yet, or the current one is (nearly) full
      continue;
    }
    if (found[0]) return found[0];
  }
  throw new AppError('CREDENTIAL_STATUS_LIST_BUSY', 503);
}

/**
 * Up to `n` random free entries at once (a batch of awards). Fewer, or none, when there is no
 * list yet or it is nearly full: the caller issues the rest through allocateStatusEntry.
 */
export async function allocateStatusEntries(db: Db, issuerId: string, n: number): Promise<StatusEntry[]> {
  return (await freeEntries(db, issuerId, randomCandidates(n * 4), n)) ?? [];
}

/** Sets (revoked) or clears one entry and re-signs the list, holding its row lock. */
export async function setStatusEntry(
  db: Db,
  deps: StatusListDeps,
  listId: number,
  index: number,
  revoked: boolean,
  now = new Date(),
) {
  const list = await lockList(db, listId);
  if (!list) throw new AppError('STATUS_LIST_NOT_FOUND', 404, { id: listId });
  await signList(db, deps, list, await setStatus(list.encodedList, index, revoked), now);
}
