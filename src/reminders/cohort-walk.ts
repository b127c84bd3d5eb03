import type { Db } from '../db/client';
import type { Facts } from '../badges/rules';
import { loadFacts } from '../badges/progress.service';
import { findLearnersByIds, learnerIdsAfter, type Learner } from '../learners/learners.service';
import { listEvents } from '../events/events.service';
import { optOutsOf, sentKeys } from './reminders.store';
import type { EventTimes } from './schedule';

/** One learner as the reminders see them: who, their facts, what was already sent, what they turned off. */
export interface LearnerState {
  learner: Learner;
  facts: Facts;
  sent: ReadonlySet<string>;
  optOuts: ReadonlySet<string>;
}

const BATCH = 500;

/**
 * Visits the whole cohort in id order, 500 learners a batch, four statements a batch: bounded
 * memory and no query per learner, however large the cohort.
 */
export async function walkCohort(db: Db, visit: (batch: LearnerState[]) => Promise<void>): Promise<void> {
  for (let after: string | null = null; ; ) {
    const ids = await learnerIdsAfter(db, after, BATCH);
    if (ids.length === 0) return;
    const [records, people, optOuts, sent] = await Promise.all([
      loadFacts(db, ids),
      findLearnersByIds(db, ids),
      optOutsOf(db, ids),
      sentKeys(db, ids),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const batch: LearnerState[] = [];
    for (const id of ids) {
      const learner = byId.get(id);
      const record = records.get(id);
      if (learner && record) batch.push({ learner, facts: record.facts, sent, optOuts: optOuts.get(id) ?? new Set() });
    }
    await visit(batch);
    after = ids[ids.length - 1]!;
  }
}

/** The events' end and time zone as organisers keep them in the database. */
export async function eventTimes(db: Db): Promise<Map<string, EventTimes>> {
  return new Map((await listEvents(db)).map((e) => [e.key, { endsAt: e.endsAt, timezone: e.timezone }]));
}
