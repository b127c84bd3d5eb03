import { findLearnersByIds } from '../learners/learners.service';
import { outboxStatuses, type OutboxStatus } from '../notifications/outbox.service';
import { eventTimes, walkCohort } from './cohort-walk';
import { recentSends } from './reminders.store';
import { isDueNow, LATE_LIMIT_MS, planFor, type Occurrence } from './schedule';
import { occurrenceKey, optedOut, planContext, type ReminderDeps } from './reminders.service';

export interface Upcoming {
  ruleKey: string;
  email: string;
  name: string | null;
  subject: string;
  sendIndex: number;
  /** When the scheduler will write it: now when already due, else its due time. */
  at: Date;
}

export interface PastSend {
  ruleKey: string;
  email: string;
  subject: string;
  manual: boolean;
  createdBy: string | null;
  createdAt: Date;
  /** cancelled: its condition was met before it left; otherwise the outbox's status. */
  status: 'cancelled' | OutboxStatus | 'gone';
  sentAt: Date | null;
}

const HORIZON_DAYS = 14;
/** The page lists at most this many upcoming sends (the count is always exact). */
export const UPCOMING_SHOWN = 200;

function willSend(plan: readonly Occurrence[], o: Occurrence, now: Date, until: Date): Date | null {
  if (isDueNow(plan, o, now)) return now;
  if (o.dueAt <= now || o.dueAt > until) return null;
  // A later send of the same reminder due before this one is: this one will be skipped.
  return o.dueAt.getTime() + LATE_LIMIT_MS > now.getTime() ? o.dueAt : null;
}

/** Who will receive which reminder, and when, over the next 14 days (the scheduler's own plan). */
export async function upcomingReminders(
  deps: ReminderDeps,
  now = new Date(),
): Promise<{ total: number; rows: Upcoming[] }> {
  const ctx = await planContext(deps);
  const until = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const rows: Upcoming[] = [];
  let total = 0;
  await walkCohort(deps.db, async (batch) => {
    for (const state of batch) {
      const plan = planFor(ctx, state.facts);
      for (const o of plan) {
        if (optedOut(state, o.rule) || state.sent.has(occurrenceKey(state.learner.id, o))) continue;
        const at = willSend(plan, o, now, until);
        if (!at) continue;
        total++;
        if (rows.length < UPCOMING_SHOWN)
          rows.push({
            ruleKey: o.rule.key,
            email: state.learner.email,
            name: state.learner.name,
            subject: o.subject,
            sendIndex: o.sendIndex,
            at,
          });
      }
    }
  });
  rows.sort((a, b) => a.at.getTime() - b.at.getTime() || a.email.localeCompare(b.email));
  return { total, rows };
}

/** The last 100 reminders written, newest first, with what became of each. */
export async function pastReminders(deps: Pick<ReminderDeps, 'db'>): Promise<PastSend[]> {
  const sends = await recentSends(deps.db, 100);
  const people = new Map(
    (await findLearnersByIds(deps.db, [...new Set(sends.map((s) => s.learnerId))])).map((l) => [l.id, l]),
  );
  const outbox = await outboxStatuses(
    deps.db,
    sends.flatMap((s) => (s.outboxId ? [s.outboxId] : [])),
  );
  return sends.map((s) => {
    const message = s.outboxId ? outbox.get(s.outboxId) : undefined;
    return {
      ruleKey: s.ruleKey,
      email: people.get(s.learnerId)?.email ?? '',
      subject: s.subject,
      manual: s.manual,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      status: s.status === 'cancelled' ? 'cancelled' : (message?.status ?? 'gone'),
      sentAt: message?.sentAt ?? null,
    };
  });
}

export { eventTimes };
