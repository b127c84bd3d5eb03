import type { Db } from '../db/client';
import { findLearnerByEmail } from '../learners/learners.service';
import { normaliseEmail } from '../shared/schemas';
import { evaluateEveryone } from '../badges/evaluate.service';
import type { Awards } from '../badges/awards.service';
import type { ParsedArgs } from './args';
import { progressBar } from './progress';

const USAGE = 'usage: npm run cli -- evaluate --all | --learner EMAIL';

type Award = Awaited<ReturnType<Awards['evaluate']>>[number];

/** `evaluate --all | --learner EMAIL`: applies the current rules again (after an organiser edited one). */
export async function evaluateCommand(services: { db: Db; awards: Pick<Awards, 'evaluate'> }, { flags }: ParsedArgs) {
  const { db, awards } = services;
  let awarded: Award[];
  if (typeof flags.learner === 'string') {
    const learner = await findLearnerByEmail(db, normaliseEmail(flags.learner));
    if (!learner) throw new Error(`Apprenant inconnu / unknown learner: ${flags.learner}`);
    awarded = await db.transaction((tx) => awards.evaluate(tx, [learner.id]));
  } else if (flags.all === true) {
    const bar = progressBar('Évaluation / evaluating', 'apprenants/learners');
    awarded = await evaluateEveryone(db, awards.evaluate, { onProgress: (p) => bar.update(p.done, p.total) });
    bar.stop();
  } else {
    throw new Error(USAGE);
  }
  const byBadge = new Map<string, number>();
  for (const a of awarded) byBadge.set(a.badgeKey, (byBadge.get(a.badgeKey) ?? 0) + 1);
  console.log(`Badges attribués / badges awarded: ${awarded.length}`);
  for (const [badge, n] of byBadge) console.log(`  ${badge}: ${n}`);
}
