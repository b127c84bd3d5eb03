import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import type { Actor } from '../shared/actor';
import { recordAudit } from '../audit/audit.service';
import { signDataIntegrity } from '../ob3/sign-data-integrity';
import { signJwt } from '../ob3/sign-jwt';
import { credentialUrl } from './credential-content';
import {
  findCredential,
  holderOf,
  insertCredentials,
  listCopiesOfLearner,
  lockCurrentCredentialsOfLearner,
  lockLiveCopiesOf,
  markRevoked,
  type CredentialRow,
} from './credentials.store';
import { allocateStatusEntry, setStatusEntry, statusListUrl } from './status-lists.service';
import type { IssueDeps } from './issue.service';

export interface HolderCopy {
  id: string;
  copyOf: string;
  credential: Record<string, unknown>;
}

// A conflict means another transaction took the same random status entry: a few tries suffice.
const ATTEMPTS = 5;

/** A learner's current (valid) credential, to copy into a wallet; undefined when not theirs or revoked. */
export async function copyableCredential(db: Db, learnerId: string, id: string): Promise<CredentialRow | undefined> {
  const row = await findCredential(db, id);
  if (!row || row.copyOf || row.revokedAt) return undefined;
  return (await holderOf(db, row)) === learnerId ? row : undefined;
}

/**
 * A holder-bound copy for a wallet: the same OpenBadgeCredential with `credentialSubject.id` = the
 * wallet's DID, a new id and status entry, signed as every credential is (Data Integrity, then
 * VC-JWT around it), stored against the same award: revoking the award revokes it.
 */
export async function issueHolderCopy(
  tx: Db,
  deps: IssueDeps,
  original: CredentialRow,
  holderDid: string,
): Promise<HolderCopy> {
  const { proof: _proof, ...content } = JSON.parse(original.json) as Record<string, unknown>;
  const subject = content.credentialSubject as Record<string, unknown>;
  const keys = await deps.keyring.signing(tx);
  const issuedAt = deps.now?.() ?? new Date();
  const { publicUrl } = deps.keyring;
  const learnerId = await holderOf(tx, original);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const entry = await allocateStatusEntry(tx, deps, keys.issuerId);
    const id = randomUUID();
    const listUrl = statusListUrl(publicUrl, entry.listId);
    const unsigned = {
      ...content,
      id: credentialUrl(publicUrl, id),
      // Signed by today's key: after a rotation to a did:key issuer, the issuer is today's.
      issuer: { ...(content.issuer as Record<string, unknown>), id: keys.issuerId },
      credentialSubject: { id: holderDid, ...subject },
      credentialStatus: {
        id: `${listUrl}#${entry.index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(entry.index),
        statusListCredential: listUrl,
      },
    } as { issuer: { id: string } } & Record<string, unknown>;
    const signed = await signDataIntegrity(unsigned, {
      key: keys.ed25519,
      documentLoader: deps.documentLoader,
      date: issuedAt,
    });
    const jwt = signJwt(signed as never, { privateJwk: keys.p256.privateJwk!, kid: keys.jwtKid });
    const values = {
      ...{ id, learnerId, awardId: original.awardId, badgeKey: original.badgeKey, issuerId: keys.issuerId },
      ...{ lang: original.lang, json: JSON.stringify(signed), jwt, issuedAt, copyOf: original.id, holderDid },
      ...{ statusListId: entry.listId, statusIndex: entry.index },
    };
    if ((await insertCredentials(tx, [values])).has(id)) return { id, copyOf: original.id, credential: signed };
  }
  throw new AppError('CREDENTIAL_STATUS_LIST_BUSY', 503);
}

/** The wallets' copies of a credential fall with it: status bit set, marked, audited. */
export async function revokeCopiesOf(
  tx: Db,
  deps: IssueDeps,
  actor: Pick<Actor, 'id' | 'email'> | null,
  row: Pick<CredentialRow, 'id'>,
  reason: string,
): Promise<string[]> {
  const at = deps.now?.() ?? new Date();
  const copies = await lockLiveCopiesOf(tx, row.id);
  for (const copy of copies) {
    await setStatusEntry(tx, deps, copy.statusListId, copy.statusIndex, true, at);
    await markRevoked(tx, copy, { at, reason, by: actor?.email ?? null });
    await recordAudit(tx, actor, {
      action: 'credential.revoke',
      targetType: 'credential',
      targetId: copy.id,
      details: { awardId: copy.awardId, badge: copy.badgeKey, reason, copyOf: row.id },
    });
  }
  return copies.map((c) => c.id);
}

/** A learner's wallet copies, for « Mes badges ». */
export async function walletCopiesOf(db: Db, learnerId: string) {
  return listCopiesOfLearner(db, learnerId);
}

/** A learner's credentials a wallet may copy: the current ones of awards still held, locked. */
export async function copyableCredentials(db: Db, learnerId: string): Promise<CredentialRow[]> {
  return lockCurrentCredentialsOfLearner(db, learnerId);
}
