import type { Db } from '../db/client';
import type { Programme } from '../programme/load-programme';
import { loadFacts } from '../badges/progress.service';
import { enqueueMail, type OutboxMessage } from '../notifications/outbox.service';
import type { Lang } from '../shared/text';
import { eventTimes, walkCohort, type LearnerState } from './cohort-walk';
import { renderReminder, type MailContext } from './reminder-mail';
import type { ReminderRules } from './reminder-rules';
import type { ReminderRule } from './reminders.schemas';
import { attachOutbox, cancelSend, claimSend, findSendByOutbox, hasOptOut, sendKey } from './reminders.store';
import { isDueNow, planFor, stillMissing, type Occurrence, type PlanContext, type Target } from './schedule';

/** What the reminders read of the platform's services. */
export interface ReminderDeps {
  db: Db;
  programme: Programme;
  reminders: ReminderRules;
  config: { publicUrl: string; auth: { jwtSecret: string } };
}

export const REMINDER_TEMPLATE = 'reminder';

export const mailContext = (deps: ReminderDeps): MailContext => ({
  programme: deps.programme,
  publicUrl: deps.config.publicUrl,
  secret: deps.config.auth.jwtSecret,
});

export async function planContext(deps: ReminderDeps): Promise<PlanContext> {
  return { rules: deps.reminders.rules, programme: deps.programme, events: await eventTimes(deps.db) };
}

export const optedOut = (state: Pick<LearnerState, 'optOuts'>, rule: ReminderRule) =>
  state.optOuts.has(rule.key) || state.optOuts.has('all');

export const occurrenceKey = (learnerId: string, o: Occurrence) =>
  sendKey(learnerId, o.rule.key, o.subject, String(o.sendIndex));

/**
 * Writes one reminder to the outbox, once: the claim of its unique key and the e-mail go in one
 * transaction, so of several instances (or a double click) exactly one writes it.
 */
export async function queueReminder(
  db: Db,
  mail: MailContext,
  send: { rule: ReminderRule; target: Target; subject: string; occurrence: string; days?: number },
  learner: { id: string; email: string; name: string | null; lang: Lang },
  now: Date,
  by: { manual: boolean; createdBy: string | null } = { manual: false, createdBy: null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const id = await claimSend(tx, {
      learnerId: learner.id,
      ruleKey: send.rule.key,
      subject: send.subject,
      occurrence: send.occurrence,
      dueAt: now,
      ...by,
    });
    if (!id) return false;
    const rendered = renderReminder(mail, send.rule, send.target, learner, send.days);
    const { headers, ...message } = rendered;
    const outboxId = await enqueueMail(tx, learner.email, REMINDER_TEMPLATE, message, { headers, dueAt: now });
    await attachOutbox(tx, id, outboxId);
    return true;
  });
}

/**
 * The scheduler: every reminder due at `now` (the clock is a parameter: tests pass theirs), computed
 * from the facts, written to the outbox once. Safe to run on every instance at the same time.
 */
export async function runReminders(deps: ReminderDeps, now = new Date()): Promise<{ queued: number }> {
  if (!deps.reminders.rules.some((r) => r.enabled)) return { queued: 0 };
  const ctx = await planContext(deps);
  const mail = mailContext(deps);
  let queued = 0;
  await walkCohort(deps.db, async (batch) => {
    for (const state of batch) {
      const plan = planFor(ctx, state.facts);
      for (const o of plan) {
        if (!isDueNow(plan, o, now) || optedOut(state, o.rule)) continue;
        if (state.sent.has(occurrenceKey(state.learner.id, o))) continue;
        const send = { ...o, occurrence: String(o.sendIndex) };
        if (await queueReminder(deps.db, mail, send, state.learner, now)) queued++;
      }
    }
  });
  return { queued };
}

/** `event:<key>` → the questionnaire target; `attended:`/`answered:` → the condition. */
export function targetOf(programme: Programme, subject: string): Target | null {
  const [type, ref = ''] = subject.split(':', 2) as [string, string];
  if (type === 'event') {
    const quiz = programme.events.find((e) => e.key === ref)?.quiz;
    return quiz ? { type: 'quiz', event: ref, quiz } : null;
  }
  if (type === 'attended' || type === 'answered') return { type: 'condition', kind: type, ref, badges: [] };
  return null;
}

/**
 * Asked by the outbox just before a reminder leaves: still missing, rule still on (or a manual
 * send), learner not unsubscribed. Otherwise the reminder is cancelled and never sent.
 */
export function reminderGuard(deps: Pick<ReminderDeps, 'programme' | 'reminders'>) {
  return async (db: Db, message: OutboxMessage): Promise<boolean> => {
    if (message.template !== REMINDER_TEMPLATE) return true;
    const send = await findSendByOutbox(db, message.id);
    // Its row went with its learner (erased, or merged into another): nobody to remind any more.
    if (!send) return false;
    const rule = deps.reminders.rules.find((r) => r.key === send.ruleKey);
    const target = targetOf(deps.programme, send.subject);
    const facts = (await loadFacts(db, [send.learnerId])).get(send.learnerId)?.facts;
    const go =
      (send.manual || rule?.enabled === true) &&
      target !== null &&
      facts !== undefined &&
      stillMissing(target, facts) &&
      !(await hasOptOut(db, send.learnerId, [send.ruleKey, 'all']));
    if (!go) await cancelSend(db, send.id);
    return go;
  };
}
