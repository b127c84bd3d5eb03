import type { Db } from '../db/client';
import { moveAttempts } from '../quizzes/learner-quizzes.service';
import { moveAwards } from './awards.store';

/**
 * Part of a learner merge, in its transaction: every questionnaire attempt moves (the best still
 * counts), and one award per badge is kept, the earliest valid one; `beforeDropAwards` sees the
 * others before they go (their credentials were already sent: they are revoked, not left valid).
 * The merge re-evaluates after.
 */
export async function moveBadgeData(
  tx: Db,
  fromId: string,
  intoId: string,
  beforeDropAwards?: (awardIds: string[]) => Promise<unknown>,
) {
  const attempts = await moveAttempts(tx, fromId, intoId);
  const awards = await moveAwards(tx, fromId, intoId, beforeDropAwards);
  return { attempts, ...awards };
}
