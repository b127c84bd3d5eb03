import { LANGS, say, type Lang, type Params } from '../shared/text';
import type { BadgeDefinition, Rule } from '../programme/badge.schemas';
import type { Localized } from '../programme/common.schemas';
import type { Programme } from '../programme/load-programme';
import { formatDate, formatNumber } from '../shared/format';
import { childrenOf, leafOf, orderBadges, type RuleLeaf } from '../programme/rule-walk';
import { ruleTexts, type RuleCode } from './badges.text';

export { badgeDependencies, orderBadges } from '../programme/rule-walk';
export type { Rule } from '../programme/badge.schemas';

export interface AttendanceFact {
  /** `present`/`replay` already take the event's minPresenceRatio into account (attendance service). */
  status: 'present' | 'replay' | 'absent';
  minutes: number | null;
  date: string; // YYYY-MM-DD or ISO 8601 timestamp
  source: string; // e.g. "zoom", "teams", "manual"
}

export interface AttemptFact {
  attemptId: string;
  percent: number | null;
  score: number;
  maxScore: number;
  complete: boolean;
  submittedAt: string;
}

export interface Facts {
  attendance: ReadonlyMap<string, AttendanceFact>;
  /** The attempt that counts for each quiz: a complete one first, then the best percent. */
  bestAttempts: ReadonlyMap<string, AttemptFact>;
  held: ReadonlySet<string>;
  /** Percent of badges not held yet, so `holds` shows partial progress (set by evaluateAll). */
  progress?: ReadonlyMap<string, number>;
}

/** Programme labels used in explanations; unknown keys fall back to the key itself. */
export interface RuleContext {
  events: ReadonlyMap<string, { label: Localized; timezone?: string }>;
  quizzes: ReadonlyMap<string, { title: Localized }>;
  badges: ReadonlyMap<string, { name: Localized }>;
  timeZone: string;
}

export type ConditionEvidence =
  | ({ kind: 'attendance'; event: string } & AttendanceFact)
  | ({ kind: 'attempt'; quiz: string } & AttemptFact);

export interface Condition {
  kind: RuleLeaf['kind'];
  ref: string;
  minPercent?: number;
  /** Only on an `attended` condition that refuses replays. */
  replay?: false;
  met: boolean;
  code: RuleCode;
  detail: Localized;
  /** Only on met conditions: what a credential's evidence/result is built from. */
  evidence?: ConditionEvidence;
}

export interface RuleResult {
  met: boolean;
  /** 0–100 progress; 100 exactly when met. For a plain allOf: the share of leaves met. */
  percent: number;
  conditions: Condition[];
}

export interface BadgeEvaluation extends RuleResult {
  key: string;
  held: boolean; // held before this evaluation
  newlyMet: boolean; // met now and not held: to be awarded
}

export function ruleContext(
  programme: Pick<Programme, 'events' | 'quizzes' | 'badges'>,
  timeZone = 'Europe/Paris',
): RuleContext {
  return {
    events: new Map(programme.events.map((e) => [e.key, { label: e.label ?? e.title, timezone: e.timezone }])),
    quizzes: new Map(programme.quizzes.map((q) => [q.key, { title: q.title }])),
    badges: new Map(programme.badges.map((b) => [b.key, { name: { fr: b.achievement.name, en: b.i18n.en.name } }])),
    timeZone,
  };
}

const label = (text: Localized | undefined, fallback: string, lang: Lang) => text?.[lang] ?? fallback;

/** Renders one code in both languages, with params localised per language. */
function explain(code: RuleCode, params: (lang: Lang) => Params): Localized {
  const [fr, en] = LANGS.map((lang) => say(ruleTexts, lang, code, params(lang)));
  return { fr: fr!, en: en! };
}

function attendedCondition(leaf: RuleLeaf, facts: Facts, ctx: RuleContext): Condition {
  const fact = facts.attendance.get(leaf.ref);
  const event = ctx.events.get(leaf.ref);
  const tz = event?.timezone ?? ctx.timeZone;
  const params = (lang: Lang): Params => ({
    event: label(event?.label, leaf.ref, lang),
    date: fact ? formatDate(fact.date, lang, tz) : undefined,
    // Whole minutes: "118.5 min" reads as a decimal point in French.
    minutes: fact?.minutes == null ? undefined : Math.floor(fact.minutes),
  });
  const live = leaf.kind === 'attended' && leaf.replay === false;
  const base = { kind: leaf.kind, ref: leaf.ref, ...(live ? { replay: false as const } : {}) };
  if (!fact) return { ...base, met: false, code: 'RULE_NOT_ATTENDED', detail: explain('RULE_NOT_ATTENDED', params) };
  if (fact.status === 'absent') {
    const code = fact.minutes ? 'RULE_ATTENDANCE_TOO_SHORT' : 'RULE_ABSENT';
    return { ...base, met: false, code, detail: explain(code, params) };
  }
  if (fact.status === 'replay' && leaf.kind === 'attended' && leaf.replay === false)
    return {
      ...base,
      met: false,
      code: 'RULE_REPLAY_NOT_ACCEPTED',
      detail: explain('RULE_REPLAY_NOT_ACCEPTED', params),
    };
  const code = fact.status === 'replay' ? 'RULE_ATTENDED_REPLAY' : 'RULE_ATTENDED';
  const evidence: ConditionEvidence = { kind: 'attendance', event: leaf.ref, ...fact };
  return { ...base, met: true, code, detail: explain(code, params), evidence };
}

function answeredCondition(leaf: RuleLeaf, facts: Facts, ctx: RuleContext): Condition {
  const attempt = facts.bestAttempts.get(leaf.ref);
  const min = leaf.kind === 'answered' ? leaf.minPercent : undefined;
  const params = (lang: Lang): Params => ({
    quiz: label(ctx.quizzes.get(leaf.ref)?.title, leaf.ref, lang),
    date: attempt ? formatDate(attempt.submittedAt, lang, ctx.timeZone) : undefined,
    percent: attempt?.percent == null ? undefined : formatNumber(attempt.percent, lang),
    minPercent: min === undefined ? undefined : formatNumber(min, lang),
  });
  const base = { kind: leaf.kind, ref: leaf.ref, ...(min === undefined ? {} : { minPercent: min }) };
  const fail = (code: RuleCode): Condition => ({ ...base, met: false, code, detail: explain(code, params) });
  if (!attempt) return fail('RULE_NOT_ANSWERED');
  if (!attempt.complete) return fail('RULE_ANSWER_INCOMPLETE');
  if (min !== undefined && attempt.percent === null) return fail('RULE_SCORE_UNAVAILABLE');
  if (min !== undefined && attempt.percent !== null && attempt.percent < min) return fail('RULE_SCORE_TOO_LOW');
  const code = min === undefined ? 'RULE_ANSWERED' : 'RULE_ANSWERED_MIN_SCORE';
  const evidence: ConditionEvidence = { kind: 'attempt', quiz: leaf.ref, ...attempt };
  return { ...base, met: true, code, detail: explain(code, params), evidence };
}

function holdsCondition(leaf: RuleLeaf, facts: Facts, ctx: RuleContext): Condition {
  const met = facts.held.has(leaf.ref);
  const code = met ? 'RULE_HOLDS' : 'RULE_NOT_HELD';
  const params = (lang: Lang): Params => ({ badge: label(ctx.badges.get(leaf.ref)?.name, leaf.ref, lang) });
  return { kind: leaf.kind, ref: leaf.ref, met, code, detail: explain(code, params) };
}

const conditionOf = { attended: attendedCondition, answered: answeredCondition, holds: holdsCondition };

/**
 * Evaluates a rule tree for one learner and explains every leaf. Progress of a node: allOf =
 * mean of its children, anyOf = best child, atLeast n = mean of its n best children; a leaf is
 * 0 or 1, except `holds` of a badge not yet held, which counts that badge's own progress.
 */
export function evaluateRule(rule: Rule, facts: Facts, ctx: RuleContext): RuleResult {
  const conditions = new Map<string, Condition>(); // flattened for display, identical leaves once
  const visit = (node: Rule): { met: boolean; progress: number } => {
    const leaf = leafOf(node);
    if (leaf) {
      const condition = conditionOf[leaf.kind](leaf, facts, ctx);
      const variant = condition.minPercent ?? (condition.replay === false ? 'live' : '');
      conditions.set(`${leaf.kind}\u0000${leaf.ref}\u0000${variant}`, condition);
      const partial = leaf.kind === 'holds' && !condition.met ? (facts.progress?.get(leaf.ref) ?? 0) / 100 : 0;
      return { met: condition.met, progress: condition.met ? 1 : Math.min(partial, 0.99) };
    }
    const children = childrenOf(node).map(([, child]) => visit(child));
    const need =
      'allOf' in node ? children.length : 'anyOf' in node ? 1 : (node as { atLeast: { n: number } }).atLeast.n;
    const best = children
      .map((c) => c.progress)
      .sort((a, b) => b - a)
      .slice(0, need);
    return {
      met: children.filter((c) => c.met).length >= need,
      progress: best.reduce((sum, p) => sum + p, 0) / need,
    };
  };
  const { met, progress } = visit(rule);
  return { met, percent: met ? 100 : Math.min(99, Math.floor(progress * 100)), conditions: [...conditions.values()] };
}

/**
 * Evaluates every badge, parts before wholes: a badge met in this pass counts as held for the
 * badges after it, so a meta-badge is awarded in the same pass as its last part.
 */
export function evaluateAll(badges: readonly BadgeDefinition[], facts: Facts, ctx: RuleContext): BadgeEvaluation[] {
  const held = new Set(facts.held);
  const progress = new Map<string, number>();
  return orderBadges(badges).map((badge) => {
    const result = evaluateRule(badge.rule, { ...facts, held, progress }, ctx);
    const wasHeld = facts.held.has(badge.key);
    if (result.met) held.add(badge.key);
    progress.set(badge.key, result.percent);
    return { key: badge.key, held: wasHeld, newlyMet: result.met && !wasHeld, ...result };
  });
}
