import type { Db } from '../db/client';
import type { Programme } from '../programme/load-programme';
import { AppError, type Lang } from '../shared/errors';
import { findLearnerById } from '../learners/learners.service';
import { loadFacts } from './facts.store';

/** What the reports read of the badges: every learner's facts, as the rules see them. */
export { loadFacts } from './facts.store';
import { programmeContext } from './programme-context';
import { progressOf, type BadgeProgress } from './progress';
import { evaluateAll } from './rules';

/** Award id → credential id, provided by the credentials area once it issues credentials. */
export type CredentialIdsOf = (db: Db, awardIds: string[]) => Promise<ReadonlyMap<string, string>>;

export interface LearnerProgress {
  learnerId: string;
  badges: BadgeProgress[];
}

/** For every badge, where the learner stands and why, explained in `lang`. Read-only. */
export async function getLearnerProgress(
  db: Db,
  programme: Programme,
  learnerId: string,
  lang: Lang,
  options: { credentialIdsOf?: CredentialIdsOf } = {},
): Promise<LearnerProgress> {
  if (!(await findLearnerById(db, learnerId))) throw new AppError('LEARNER_NOT_FOUND', 404, { id: learnerId });
  const ctx = programmeContext(programme);
  const { facts, awards } = (await loadFacts(db, [learnerId])).get(learnerId)!;
  const evaluations = evaluateAll(programme.badges, facts, ctx.rules);
  const credentialIds =
    options.credentialIdsOf && awards.length
      ? await options.credentialIdsOf(
          db,
          awards.map((a) => a.id),
        )
      : undefined;
  return { learnerId, badges: progressOf(ctx, evaluations, awards, lang, credentialIds) };
}
