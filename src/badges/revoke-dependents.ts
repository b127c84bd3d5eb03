import type { Db } from '../db/client';
import type { Actor } from '../audit/audit.store';
import { loadFacts } from './facts.store';
import { programmeContext } from './programme-context';
import { badgeDependencies, evaluateAll } from './rules';
import { findCredentialOfAward, holderOf, lockCredential } from '../credentials/credentials.store';
import type { IssueDeps } from '../credentials/issue.service';
import type { Revoked, RevokeOne } from '../credentials/revoke.service';

/**
 * Meta-badges that fall with a revoked part. The learner's facts are re-read (a revoked award
 * is not held) and the rules evaluated without the revoked badges, so a revoked part cannot be
 * "met again" from attendance in the same pass. A badge is revoked only when it names a fallen
 * badge in its rule, was earned by rule (an organiser's award by hand stands) and its rule
 * fails now; round after round, so a meta-meta-badge follows its meta-badge.
 */
export async function revokeDependents(
  tx: Db,
  deps: IssueDeps,
  actor: Actor | null,
  first: Revoked,
  revokeOne: RevokeOne,
): Promise<Revoked[]> {
  const learnerId = await holderOf(tx, (await lockCredential(tx, first.id))!);
  const { rules } = programmeContext(deps.programme);
  const out: Revoked[] = [];
  let fallen = new Map([[first.badgeKey, first.reason]]);
  while (fallen.size > 0) {
    const record = (await loadFacts(tx, [learnerId])).get(learnerId)!;
    const revokedKeys = new Set(record.awards.filter((a) => a.revokedAt !== null).map((a) => a.badgeKey));
    const evaluations = evaluateAll(
      deps.programme.badges.filter((b) => !revokedKeys.has(b.key)),
      record.facts,
      rules,
    );
    const next = new Map<string, string>();
    for (const e of evaluations.filter((x) => x.held && !x.met)) {
      const badge = deps.programme.badges.find((b) => b.key === e.key)!;
      const cause = badgeDependencies(badge.rule).find((dep) => fallen.has(dep));
      const award = record.awards.find((a) => a.badgeKey === e.key && a.revokedAt === null);
      if (!cause || !award || award.method !== 'rule') continue;
      const credential = await findCredentialOfAward(tx, award.id);
      const row = credential && (await lockCredential(tx, credential.id));
      if (!row || row.revokedAt) continue;
      const revoked = await revokeOne(tx, deps, actor, row, {
        reason: fallen.get(cause)!,
        because: { key: cause, reason: fallen.get(cause)! },
      });
      out.push(revoked);
      next.set(e.key, fallen.get(cause)!);
    }
    fallen = next;
  }
  return out;
}
