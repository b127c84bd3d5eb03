import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { walkCohort } from './cohort-walk';
import { renderReminder, type Recipient, type ReminderMail } from './reminder-mail';
import type { ReminderRule } from './reminders.schemas';
import { mailContext, optedOut, queueReminder, type ReminderDeps } from './reminders.service';
import { stillMissing, subjectOf, type Target } from './schedule';

/** An organiser's selection: the attendees of one event who have not answered its questionnaire. */
export interface ManualSelection {
  rule: string;
  event: string;
}

export interface ManualPreview {
  rule: ReminderRule;
  target: Target;
  recipients: Recipient[];
  /** Left out because they unsubscribed from this kind of reminder. */
  unsubscribed: number;
  /** The exact e-mail the first recipient will receive. */
  sample: ReminderMail | null;
}

/** The questionnaire rules an organiser may send by hand (enabled or not: sending now is their choice). */
export const manualRules = (deps: Pick<ReminderDeps, 'reminders'>) =>
  deps.reminders.rules.filter((r) => r.trigger === 'questionnaireNotAnswered');

/** Events with a questionnaire: the selections an organiser may remind. */
export const remindableEvents = (deps: Pick<ReminderDeps, 'programme'>) => deps.programme.events.filter((e) => e.quiz);

function resolve(deps: ReminderDeps, selection: ManualSelection): { rule: ReminderRule; target: Target } {
  const rule = manualRules(deps).find((r) => r.key === selection.rule);
  if (!rule)
    throw new AppError('REMINDER_RULE_UNKNOWN', 400, { rule: selection.rule }, [{ field: 'rule', reason: 'unknown' }]);
  const quiz = deps.programme.events.find((e) => e.key === selection.event)?.quiz;
  if (!quiz)
    throw new AppError('REMINDER_EVENT_UNKNOWN', 400, { event: selection.event }, [
      { field: 'event', reason: 'unknown_or_no_questionnaire' },
    ]);
  return { rule, target: { type: 'quiz', event: selection.event, quiz } };
}

/** Who would receive it and the exact e-mail: nothing is written. */
export async function previewManual(deps: ReminderDeps, selection: ManualSelection): Promise<ManualPreview> {
  const { rule, target } = resolve(deps, selection);
  const recipients: Recipient[] = [];
  let unsubscribed = 0;
  await walkCohort(deps.db, async (batch) => {
    for (const state of batch) {
      if (!stillMissing(target, state.facts)) continue;
      if (optedOut(state, rule)) unsubscribed++;
      else recipients.push(state.learner);
    }
  });
  const sample = recipients[0] ? renderReminder(mailContext(deps), rule, target, recipients[0]) : null;
  return { rule, target, recipients, unsubscribed, sample };
}

/**
 * Sends the previewed reminder now, to the same selection: refused when its size changed since the
 * preview (`expected`). Every e-mail and one audit entry for the whole send, in one transaction.
 */
export async function sendManual(
  deps: ReminderDeps,
  actor: Actor,
  input: ManualSelection & { expected: number },
  now = new Date(),
): Promise<{ sent: number }> {
  const preview = await previewManual(deps, input);
  const actual = preview.recipients.length;
  if (actual === 0) throw new AppError('REMINDER_SELECTION_EMPTY', 409);
  if (actual !== input.expected)
    throw new AppError('REMINDER_SELECTION_CHANGED', 409, { expected: input.expected, actual }, [
      { field: 'expected', reason: 'selection_changed' },
    ]);
  const batch = randomUUID();
  const send = { rule: preview.rule, target: preview.target, subject: subjectOf(preview.target) };
  const by = { manual: true, createdBy: actor.email };
  // One transaction: the e-mails and their audit entry exist together or not at all.
  return deps.db.transaction(async (tx) => {
    let sent = 0;
    for (const learner of preview.recipients) {
      const occurrence = `manual:${batch}`;
      if (await queueReminder(tx, mailContext(deps), { ...send, occurrence }, learner, now, by)) sent++;
    }
    await recordAudit(tx, actor, {
      action: 'reminders.send',
      targetType: 'event',
      targetId: input.event,
      details: { rule: preview.rule.key, recipients: sent, unsubscribed: preview.unsubscribed, batch },
    });
    return { sent };
  });
}
