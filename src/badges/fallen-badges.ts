import type { Db } from '../db/client';
import type { Programme } from '../programme/load-programme';
import { loadFacts } from './facts.store';
import { programmeContext } from './programme-context';
import { badgeDependencies, evaluateAll } from './rules';

/** An award that falls with a revoked badge its rule names (`cause`). */
export interface FallingAward {
  awardId: string;
  badgeKey: string;
  cause: string;
}

/**
 * One round of "what falls with these badges": the learner's facts are re-read (a revoked award
 * is not held) and the rules evaluated without the revoked badges, so a revoked part cannot be
 * "met again" from attendance in the same pass. An award falls only when its badge names a
 * fallen badge (`fallen`: badge key → reason) in its rule, was earned by rule (an organiser's
 * award by hand stands) and its rule fails now. The caller revokes them, then asks again with
 * the badges that fell, so a meta-meta-badge follows its meta-badge.
 */
export async function awardsFallingWith(
  tx: Db,
  programme: Programme,
  learnerId: string,
  fallen: ReadonlyMap<string, string>,
): Promise<FallingAward[]> {
  const { rules } = programmeContext(programme);
  const record = (await loadFacts(tx, [learnerId])).get(learnerId)!;
  const revokedKeys = new Set(record.awards.filter((a) => a.revokedAt !== null).map((a) => a.badgeKey));
  const evaluations = evaluateAll(
    programme.badges.filter((b) => !revokedKeys.has(b.key)),
    record.facts,
    rules,
  );
  const out: FallingAward[] = [];
  for (const e of evaluations.filter((x) => x.held && !x.met)) {
    const badge = programme.badges.find((b) => b.key === e.key)!;
    const cause = badgeDependencies(badge.rule).find((dep) => fallen.has(dep));
    const award = record.awards.find((a) => a.badgeKey === e.key && a.revokedAt === null);
    if (cause && award?.method === 'rule') out.push({ awardId: award.id, badgeKey: e.key, cause });
  }
  return out;
}
