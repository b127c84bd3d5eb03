import type { BadgeDefinition, Rule } from '../programme/badge.schemas';
import { childrenOf, leafOf, walkRule, type RuleLeaf } from '../programme/rule-walk';
import type { AttemptFact, AttendanceFact, Facts } from './rules';

/**
 * Whether a rule is met, without explaining it: rules.ts renders every condition in two languages,
 * which costs far more than deciding. Used only as a filter before evaluateAll (whose result stays
 * authoritative); a test checks both agree on every shipped badge and on random facts.
 */
export function ruleMet(rule: Rule, facts: Facts, held: ReadonlySet<string>): boolean {
  const leaf = leafOf(rule);
  if (leaf?.kind === 'attended') {
    const fact = facts.attendance.get(leaf.ref);
    return fact !== undefined && fact.status !== 'absent' && !(fact.status === 'replay' && leaf.replay === false);
  }
  if (leaf?.kind === 'answered') {
    const attempt = facts.bestAttempts.get(leaf.ref);
    if (!attempt?.complete) return false;
    return leaf.minPercent === undefined || (attempt.percent !== null && attempt.percent >= leaf.minPercent);
  }
  if (leaf?.kind === 'holds') return held.has(leaf.ref);
  const children = childrenOf(rule);
  const need = 'allOf' in rule ? children.length : 'anyOf' in rule ? 1 : (rule as { atLeast: { n: number } }).atLeast.n;
  let met = 0;
  for (const [, child] of children) if (ruleMet(child, facts, held) && ++met >= need) return true;
  return false;
}

/** Badges (given parts before wholes) that are met and not held yet, a met part counting for what follows. */
export function newlyMetBadges(badges: readonly BadgeDefinition[], facts: Facts): string[] {
  const held = new Set(facts.held);
  const found: string[] = [];
  for (const badge of badges) {
    if (held.has(badge.key) || !ruleMet(badge.rule, facts, held)) continue;
    held.add(badge.key);
    found.push(badge.key);
  }
  return found;
}

// 2^16 subsets at most, once per start: beyond that the bound falls back to 1 (no filtering).
const MAX_EXACT_FACTS = 16;

/**
 * The fewest distinct facts (an event attended, a questionnaire completed, a badge held) that can
 * meet the rule, found by trying subsets of its facts, smallest first. A learner with fewer facts
 * in all cannot newly meet it, whatever they are: imports use this to skip most learners in SQL.
 */
export function minimumFacts(rule: Rule): number {
  const facts = new Map<string, RuleLeaf>();
  walkRule(rule, (node) => {
    const leaf = leafOf(node);
    if (leaf) facts.set(`${leaf.kind}:${leaf.ref}`, leaf);
  });
  const all = [...facts.values()];
  if (all.length > MAX_EXACT_FACTS) return 1;
  let best = Infinity;
  for (let mask = 1; mask < 1 << all.length; mask++) {
    const size = popcount(mask);
    if (size >= best) continue;
    const facts = bestCaseFacts(all.filter((_, i) => mask & (1 << i)));
    if (ruleMet(rule, facts, facts.held)) best = size;
  }
  return Number.isFinite(best) ? best : 1;
}

/** The fewest facts any badge of the programme needs (see minimumFacts). */
export function fewestFactsForAnyBadge(badges: readonly BadgeDefinition[]): number {
  return Math.max(1, Math.min(...badges.map((b) => minimumFacts(b.rule))));
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}

function bestCaseFacts(leaves: readonly RuleLeaf[]): Facts {
  const attendance = new Map<string, AttendanceFact>();
  const bestAttempts = new Map<string, AttemptFact>();
  for (const leaf of leaves) {
    if (leaf.kind === 'attended') attendance.set(leaf.ref, { status: 'present', minutes: null, date: '', source: '' });
    if (leaf.kind === 'answered')
      bestAttempts.set(leaf.ref, {
        attemptId: '',
        percent: 100,
        score: 1,
        maxScore: 1,
        complete: true,
        submittedAt: '',
      });
  }
  return { attendance, bestAttempts, held: new Set(leaves.filter((l) => l.kind === 'holds').map((l) => l.ref)) };
}
