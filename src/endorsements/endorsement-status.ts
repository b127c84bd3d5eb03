import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { dateTime } from '../ob3/build-credential';
import { createDocumentLoader } from '../ob3/document-loader';
import { signDataIntegrity } from '../ob3/sign-data-integrity';
import {
  buildStatusListCredential,
  createEncodedList,
  randomFreeIndex,
  setStatus,
  STATUS_LIST_LENGTH,
  type BitstringStatusListCredential,
} from '../ob3/status-list';
import type { EndorserIdentity } from './endorser-identity';
import {
  findList,
  insertList,
  listOfEndorser,
  updateList,
  usedIndexes,
  type EndorserListRow,
} from './endorsements.store';

const loader = createDocumentLoader();

export const endorserListUrl = (identity: Pick<EndorserIdentity, 'base'>, id: number) =>
  `${identity.base}/status/${id}`;

/** The endorser's list as it asks to be signed: issued by the endorser itself (BSL: the verifier requires it). */
export function unsignedList(
  identity: EndorserIdentity,
  row: EndorserListRow,
  now: Date,
): BitstringStatusListCredential {
  return buildStatusListCredential({
    id: endorserListUrl(identity, row.id),
    issuer: identity.issuerId,
    encodedList: row.encodedList,
    validFrom: dateTime(now, 'validFrom'),
  });
}

/** A hosted endorser's list, signed now by the endorser's own key. */
export async function signHostedList(db: Db, identity: EndorserIdentity, row: EndorserListRow, now: Date) {
  if (!identity.signing) throw new AppError('ENDORSER_NOT_HOSTED', 409, { key: identity.endorser.key });
  const signed = await signDataIntegrity(unsignedList(identity, row, now), {
    key: identity.signing.ed25519,
    documentLoader: loader,
    date: now,
  });
  await updateList(db, row.id, { credential: JSON.stringify(signed), signedList: row.encodedList });
}

/**
 * A random free entry of the endorser's list (created when it has none), the list row locked
 * until the transaction ends: endorsements are few, one at a time per endorser is plenty.
 */
export async function allocateEndorsementEntry(db: Db, identity: EndorserIdentity) {
  const { endorser, issuerId } = identity;
  let row = await listOfEndorser(db, endorser.key, issuerId, true);
  if (!row) {
    const encodedList = await createEncodedList(STATUS_LIST_LENGTH);
    row = await insertList(db, { endorser: endorser.key, issuerId, length: STATUS_LIST_LENGTH, encodedList });
    row = (await findList(db, row.id, true))!;
  }
  const index = randomFreeIndex(await usedIndexes(db, row.id), row.length);
  return { row, index, listUrl: endorserListUrl(identity, row.id) };
}

/** Sets the withdrawal bit; a hosted endorser's list is re-signed at once, an offline one's awaits its signature. */
export async function setWithdrawn(db: Db, identity: EndorserIdentity, listId: number, index: number, now: Date) {
  const row = await findList(db, listId, true);
  if (!row) throw new AppError('STATUS_LIST_NOT_FOUND', 404, { id: listId });
  const encodedList = await setStatus(row.encodedList, index, true);
  await updateList(db, row.id, { encodedList });
  if (identity.signing) await signHostedList(db, identity, { ...row, encodedList }, now);
}
