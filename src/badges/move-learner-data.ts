import type { Db } from '../db/client';
import { moveAttempts } from '../quizzes/attempts.store';
import { moveAwards } from './awards.store';

/**
 * Part of a learner merge, in its transaction: every questionnaire attempt moves (the best still
 * counts), and one award per badge is kept, the earliest valid one. The merge re-evaluates after.
 */
export async function moveBadgeData(tx: Db, fromId: string, intoId: string) {
  const attempts = await moveAttempts(tx, fromId, intoId);
  const awards = await moveAwards(tx, fromId, intoId);
  return { attempts, ...awards };
}
