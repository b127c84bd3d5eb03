import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { recordAudit } from '../audit/audit.service';
import { listAwardsOf } from '../badges/awards.service';
import { findCredentialOfAward, markReplaced } from './credentials.store';
import { signAndStoreCredential, type IssueDeps } from './issue.service';
import { setStatusEntry } from './status-lists.service';

/** What a re-issue reads: the database and the credentials' signing deps (`services` fits). */
export interface ReissueDeps {
  db: Db;
  credentials: { deps: IssueDeps };
}

export interface Reissued {
  /** The new credential's id. */
  id: string;
  badgeKey: string;
  /** The credential it replaces (revoked with the reason), or null when the award had none. */
  replaces: string | null;
}

/**
 * A fresh credential for each current (unrevoked) award of the learner, built from who they are
 * now (e-mail hash, language), and the one it replaces revoked with `reason` (e.g. « remplacé »):
 * its status bit is set and the list re-signed, so the old copy verifies as revoked while the
 * award stays. One transaction (the caller's, when `deps.db` is one): all of it, or nothing.
 * No e-mail: the caller says why it re-issued.
 */
export async function reissueLearnerCredentials(
  deps: ReissueDeps,
  actor: Pick<Actor, 'id' | 'email'> | null,
  { learnerId, reason }: { learnerId: string; reason: string },
): Promise<Reissued[]> {
  const issue = deps.credentials.deps;
  return deps.db.transaction(async (tx) => {
    const out: Reissued[] = [];
    for (const award of await listAwardsOf(tx, [learnerId])) {
      if (award.revokedAt) continue;
      const old = await findCredentialOfAward(tx, award.id);
      const now = issue.now?.() ?? new Date();
      if (old && !old.revokedAt) {
        // Revoked first: one unrevoked credential per award is a database fact.
        await setStatusEntry(tx, issue, old.statusListId, old.statusIndex, true, now);
        await markReplaced(tx, old.id, { at: now, reason, by: actor?.email ?? null });
      }
      const fresh = await signAndStoreCredential(tx, award, issue);
      out.push({ id: fresh.id, badgeKey: award.badgeKey, replaces: old && !old.revokedAt ? old.id : null });
    }
    await recordAudit(tx, actor, {
      action: 'credential.reissue',
      targetType: 'learner',
      targetId: learnerId,
      details: { reason, credentials: out.map((r) => ({ id: r.id, badge: r.badgeKey, replaces: r.replaces })) },
    });
    return out;
  });
}
