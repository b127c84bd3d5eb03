import type { Db } from '../db/client';
import type { Award } from './awards.store';
import { countLearners, learnerIdsAfter } from '../learners/learners.service';

export interface EvaluateProgress {
  done: number;
  total: number;
  awarded: number;
}

/**
 * Re-evaluates every learner (after an organiser edited a rule), one transaction per batch so a
 * long run holds no lock for long and a failure keeps the batches already committed.
 */
export async function evaluateEveryone(
  db: Db,
  evaluate: (tx: Db, ids: string[]) => Promise<Award[]>,
  options: { batch?: number; onProgress?: (p: EvaluateProgress) => void } = {},
): Promise<Award[]> {
  const batch = options.batch ?? 500;
  const total = await countLearners(db);
  const awarded: Award[] = [];
  let done = 0;
  for (let after: string | null = null; ; ) {
    const ids = await learnerIdsAfter(db, after, batch);
    if (ids.length === 0) break;
    awarded.push(...(await db.transaction((tx) => evaluate(tx, ids))));
    done += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.({ done, total: Math.max(total, done), awarded: awarded.length });
  }
  return awarded;
}
