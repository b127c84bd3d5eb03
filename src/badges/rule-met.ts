import type { BadgeDefinition, Rule } from '../programme/badge.schemas';
import { childrenOf, leafOf } from '../programme/rule-walk';
import type { Facts } from './rules';

/**
 * Whether a rule is met, without explaining it: rules.ts renders every condition in two languages,
 * which costs far more than deciding. Used only as a filter before evaluateAll (whose result stays
 * authoritative); a test checks both agree on every shipped badge and on random facts.
 */
export function ruleMet(rule: Rule, facts: Facts, held: ReadonlySet<string>): boolean {
  const leaf = leafOf(rule);
  if (leaf?.kind === 'attended') {
    const fact = facts.attendance.get(leaf.ref);
    return fact !== undefined && fact.status !== 'absent';
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
