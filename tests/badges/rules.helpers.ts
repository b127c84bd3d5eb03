import { expect } from 'vitest';
import {
  evaluateRule,
  type AttemptFact,
  type AttendanceFact,
  type Facts,
  type Rule,
  type RuleContext,
} from '../../src/badges/rules';

/** Builders of the facts the rule tests evaluate. */
export const present = (date: string, minutes: number | null = 100): AttendanceFact => ({
  status: 'present',
  minutes,
  date,
  source: 'zoom',
});
export const attempt = (percent: number | null, extra: Partial<AttemptFact> = {}): AttemptFact => ({
  attemptId: 'att-1',
  percent,
  score: 8,
  maxScore: 10,
  complete: true,
  submittedAt: '2026-05-07T14:05:00+02:00',
  ...extra,
});
export function facts(partial: Partial<Facts> = {}): Facts {
  return { attendance: new Map(), bestAttempts: new Map(), held: new Set(), ...partial };
}
/** Evaluates a single-leaf rule and returns its result with its one condition as `c`. */
export const onlyCondition = (rule: Rule, f: Facts, ctx: RuleContext) => {
  const r = evaluateRule(rule, f, ctx);
  expect(r.conditions).toHaveLength(1);
  return { ...r, c: r.conditions[0]! };
};
