import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { recordAudit } from '../audit/audit.service';
import { listAwardsOf } from '../badges/awards.service';
import { lockCurrentCredentialsOfLearner, markRevoked, setReplacedBy } from './credentials.store';
import { revokeCopiesOf } from './holder-copies.service';
import { signAndStoreCredential, type IssueDeps } from './issue.service';
import { setStatusEntry } from './status-lists.service';

/** What re-issuing reads: the database and the credentials' signing deps (`services` fits). */
export interface ReissueDeps {
  db: Db;
  credentials: { deps: IssueDeps };
}

export interface Reissued {
  /** The replaced credential and the one that replaces it. */
  replaced: Array<{ from: string; to: string; badgeKey: string }>;
  /** Wallet copies of the replaced credentials, revoked with them. */
  copiesRevoked: string[];
}

/**
 * Re-signs a fresh credential for each of the learner's awards still held, with the learner's
 * identity as it is now (e-mail, name shown or not), and revokes the replaced credentials — and
 * their wallet copies — with `reason` (« remplacé »). The awards stand. One transaction: run it
 * inside the caller's by passing `{ ...services, db: tx }` (a savepoint then).
 */
export async function reissueLearnerCredentials(
  services: ReissueDeps,
  actor: Pick<Actor, 'id' | 'email'> | null,
  input: { learnerId: string; reason: string },
): Promise<Reissued> {
  const deps = services.credentials.deps;
  return services.db.transaction(async (tx) => {
    const current = await lockCurrentCredentialsOfLearner(tx, input.learnerId);
    const awards = new Map((await listAwardsOf(tx, [input.learnerId])).map((a) => [a.id, a]));
    const out: Reissued = { replaced: [], copiesRevoked: [] };
    for (const row of current) {
      const award = awards.get(row.awardId);
      if (!award) continue;
      const at = deps.now?.() ?? new Date();
      // Revoked first: one current credential per award is a database constraint.
      await setStatusEntry(tx, deps, row.statusListId, row.statusIndex, true, at);
      await markRevoked(tx, row, { at, reason: input.reason, by: actor?.email ?? null, keepAward: true });
      out.copiesRevoked.push(...(await revokeCopiesOf(tx, deps, actor, row, input.reason)));
      const issued = await signAndStoreCredential(tx, award, deps);
      await setReplacedBy(tx, row.id, issued.id);
      await recordAudit(tx, actor, {
        action: 'credential.reissue',
        targetType: 'credential',
        targetId: row.id,
        details: { awardId: row.awardId, badge: row.badgeKey, reason: input.reason, replacedBy: issued.id },
      });
      out.replaced.push({ from: row.id, to: issued.id, badgeKey: row.badgeKey });
    }
    return out;
  });
}
