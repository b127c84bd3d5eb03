import type { Programme } from '../programme/load-programme';
import { leafOf, walkRule, type RuleLeaf } from '../programme/rule-walk';
import { ruleMet } from '../badges/rule-met';
import type { Facts } from '../badges/rules';
import { isQuiet, nextAllowed } from './quiet-hours';
import type { ReminderRule } from './reminders.schemas';

/** What a reminder is about: a questionnaire after an event, or the one condition a badge lacks. */
export type Target =
  | { type: 'quiz'; event: string; quiz: string }
  | { type: 'condition'; kind: 'attended' | 'answered'; ref: string; badges: string[] };

export interface Occurrence {
  rule: ReminderRule;
  /** Names the target in the unique key: `event:<key>`, `attended:<key>`, `answered:<key>`. */
  subject: string;
  sendIndex: number;
  /** When it may leave: the delay after its moment, moved out of quiet hours. */
  dueAt: Date;
  timeZone: string;
  target: Target;
  days: number;
}

export interface EventTimes {
  endsAt: Date | null;
  timezone: string;
}

export interface PlanContext {
  rules: readonly ReminderRule[];
  programme: Pick<Programme, 'events' | 'badges' | 'quizzes'>;
  /** The events as organisers keep them (dates may have been edited since the programme was loaded). */
  events: ReadonlyMap<string, EventTimes>;
}

const DAY_MS = 86_400_000;
/** A send found more than 3 days after it was due (a stopped server, an old event) is dropped, not sent late. */
export const LATE_LIMIT_MS = 3 * DAY_MS;

export const subjectOf = (t: Target) => (t.type === 'quiz' ? `event:${t.event}` : `${t.kind}:${t.ref}`);

const attendedIn = (facts: Facts, event: string) => {
  const status = facts.attendance.get(event)?.status;
  return status === 'present' || status === 'replay';
};
const answeredIn = (facts: Facts, quiz: string) => facts.bestAttempts.get(quiz)?.complete === true;

/** Whether the target still calls for a reminder: checked when planning and again just before sending. */
export function stillMissing(target: Target, facts: Facts): boolean {
  if (target.type === 'quiz') return attendedIn(facts, target.event) && !answeredIn(facts, target.quiz);
  return target.kind === 'attended' ? !attendedIn(facts, target.ref) : !answeredIn(facts, target.ref);
}

function sends(rule: ReminderRule, base: Date, timeZone: string, target: Target): Occurrence[] {
  return rule.delaysDays.slice(0, rule.maxSends).map((days, sendIndex) => ({
    rule,
    subject: subjectOf(target),
    sendIndex,
    dueAt: nextAllowed(new Date(base.getTime() + days * DAY_MS), timeZone, rule.quietHours),
    timeZone,
    target,
    days,
  }));
}

function questionnaireSends(rule: ReminderRule, ctx: PlanContext, facts: Facts): Occurrence[] {
  return ctx.programme.events.flatMap((event) => {
    const times = ctx.events.get(event.key);
    if (!event.quiz || !times?.endsAt) return [];
    const target: Target = { type: 'quiz', event: event.key, quiz: event.quiz };
    return stillMissing(target, facts) ? sends(rule, times.endsAt, times.timezone, target) : [];
  });
}

/** With one more fact (the leaf met), as ruleMet reads facts. */
function withLeafMet(facts: Facts, leaf: RuleLeaf): Facts {
  if (leaf.kind === 'attended') {
    const attendance = new Map(facts.attendance);
    attendance.set(leaf.ref, { status: 'present', minutes: null, date: '', source: '' });
    return { ...facts, attendance };
  }
  const bestAttempts = new Map(facts.bestAttempts);
  const attempt = { attemptId: '', percent: 100, score: 1, maxScore: 1, complete: true, submittedAt: '' };
  bestAttempts.set(leaf.ref, attempt);
  return { ...facts, bestAttempts };
}

function latestFact(facts: Facts): number {
  const dates = [
    ...[...facts.attendance.values()].filter((a) => a.status !== 'absent').map((a) => Date.parse(a.date)),
    ...[...facts.bestAttempts.values()].filter((a) => a.complete).map((a) => Date.parse(a.submittedAt)),
  ].filter(Number.isFinite);
  return dates.length ? Math.max(...dates) : 0;
}

/**
 * Badges one leaf away: the leaf alone is unmet and meeting it meets the badge. A missed webinar
 * counts only when it has a replay, the rule offers it and the badge's condition accepts replays
 * (not `"replay": false`); a questionnaire only when no
 * questionnaire rule already reminds this learner of it. One reminder per condition, naming every
 * badge it would complete.
 */
function oneMissingSends(rule: ReminderRule, ctx: PlanContext, facts: Facts): Occurrence[] {
  const quizRule = ctx.rules.some((r) => r.enabled && r.trigger === 'questionnaireNotAnswered');
  const byLeaf = new Map<string, { leaf: RuleLeaf; badges: string[] }>();
  for (const badge of ctx.programme.badges) {
    if (facts.held.has(badge.key) || ruleMet(badge.rule, facts, facts.held)) continue;
    const leaves = new Map<string, RuleLeaf>();
    walkRule(badge.rule, (node) => {
      const leaf = leafOf(node);
      // A webinar the badge wants live has no link that fulfils it: its replay would not count.
      if (leaf && leaf.kind !== 'holds' && !(leaf.kind === 'attended' && leaf.replay === false))
        leaves.set(`${leaf.kind}:${leaf.ref}`, leaf);
    });
    for (const [key, leaf] of leaves) {
      if (ruleMet({ [leaf.kind]: leaf.ref } as never, facts, facts.held)) continue;
      if (!ruleMet(badge.rule, withLeafMet(facts, leaf), facts.held)) continue;
      const entry = byLeaf.get(key) ?? { leaf, badges: [] };
      entry.badges.push(badge.key);
      byLeaf.set(key, entry);
    }
  }
  return [...byLeaf.values()].flatMap(({ leaf, badges }) => {
    const kind = leaf.kind as 'attended' | 'answered';
    const eventKey =
      kind === 'attended' ? leaf.ref : (ctx.programme.quizzes.find((q) => q.key === leaf.ref)?.event ?? '');
    const event = ctx.programme.events.find((e) => e.key === eventKey);
    if (kind === 'attended' && !(rule.replay && event?.replay)) return [];
    if (kind === 'answered' && quizRule && attendedIn(facts, eventKey)) return [];
    const times = ctx.events.get(eventKey);
    if (!times?.endsAt) return [];
    const base = new Date(Math.max(times.endsAt.getTime(), latestFact(facts)));
    return sends(rule, base, times.timezone, { type: 'condition', kind, ref: leaf.ref, badges });
  });
}

/** Every send the rules call for, for one learner, whatever the time: the scheduler and the forecast filter them. */
export function planFor(ctx: PlanContext, facts: Facts): Occurrence[] {
  return ctx.rules.flatMap((rule) => {
    if (!rule.enabled) return [];
    return rule.trigger === 'questionnaireNotAnswered'
      ? questionnaireSends(rule, ctx, facts)
      : oneMissingSends(rule, ctx, facts);
  });
}

/**
 * The send of an occurrence that is due at `now`: its time has come, the next one's has not, it is
 * less than LATE_LIMIT_MS late, and `now` is outside quiet hours. Sends it skipped are not made up.
 */
export function isDueNow(all: readonly Occurrence[], o: Occurrence, now: Date): boolean {
  if (o.dueAt > now || now.getTime() >= o.dueAt.getTime() + LATE_LIMIT_MS) return false;
  const next = all.find((x) => x.rule === o.rule && x.subject === o.subject && x.sendIndex === o.sendIndex + 1);
  if (next && next.dueAt <= now) return false;
  return !isQuiet(now, o.timeZone, o.rule.quietHours);
}
