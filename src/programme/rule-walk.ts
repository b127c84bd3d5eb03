import type { Rule } from './badge.schemas';

export type RuleLeaf =
  | { kind: 'attended'; ref: string; replay?: false }
  | { kind: 'answered'; ref: string; minPercent?: number }
  | { kind: 'holds'; ref: string };

/** The leaf a rule node is, or null for allOf/anyOf/atLeast. */
export function leafOf(rule: Rule): RuleLeaf | null {
  if ('attended' in rule) {
    const a = rule.attended;
    if (typeof a === 'string') return { kind: 'attended', ref: a };
    return a.replay === false ? { kind: 'attended', ref: a.event, replay: false } : { kind: 'attended', ref: a.event };
  }
  if ('holds' in rule) return { kind: 'holds', ref: rule.holds };
  if ('answered' in rule) {
    const a = rule.answered;
    if (typeof a === 'string') return { kind: 'answered', ref: a };
    return a.minPercent === undefined
      ? { kind: 'answered', ref: a.quiz }
      : { kind: 'answered', ref: a.quiz, minPercent: a.minPercent };
  }
  return null;
}

/** Sub-rules of a node with their JSON-pointer segment, or [] for a leaf. */
export function childrenOf(rule: Rule): Array<[string, Rule]> {
  if ('allOf' in rule) return rule.allOf.map((r, i) => [`/allOf/${i}`, r]);
  if ('anyOf' in rule) return rule.anyOf.map((r, i) => [`/anyOf/${i}`, r]);
  if ('atLeast' in rule) return rule.atLeast.of.map((r, i) => [`/atLeast/of/${i}`, r]);
  return [];
}

/** Visits every node depth-first with its JSON pointer relative to the rule root. */
export function walkRule(rule: Rule, visit: (node: Rule, path: string) => void, path = ''): void {
  visit(rule, path);
  for (const [segment, child] of childrenOf(rule)) walkRule(child, visit, path + segment);
}

/** Badge keys a rule names through `holds`, once each, in order of appearance. */
export function badgeDependencies(rule: Rule): string[] {
  const keys = new Set<string>();
  walkRule(rule, (node) => {
    const leaf = leafOf(node);
    if (leaf?.kind === 'holds') keys.add(leaf.ref);
  });
  return [...keys];
}

interface Ruled {
  key: string;
  rule: Rule;
}

/** Every cycle of `holds` between badges, each as a closed path: ['a', 'b', 'a']. */
export function findBadgeCycles(badges: readonly Ruled[]): string[][] {
  const deps = new Map(badges.map((b) => [b.key, badgeDependencies(b.rule)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (key: string): void => {
    state.set(key, 'open');
    stack.push(key);
    for (const dep of deps.get(key) ?? []) {
      if (!deps.has(dep)) continue; // unknown badges are reported elsewhere
      if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const b of badges) if (!state.has(b.key)) visit(b.key);
  return cycles;
}

/**
 * A badge after every badge it holds, otherwise keeping the given order, so that one pass of
 * evaluation can award a meta-badge together with its parts. Throws on a cycle.
 */
export function orderBadges<T extends Ruled>(badges: readonly T[]): T[] {
  const cycle = findBadgeCycles(badges)[0];
  if (cycle) throw new Error(`cycle between badges: ${cycle.join(' → ')}`);
  const byKey = new Map(badges.map((b) => [b.key, b]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const place = (badge: T): void => {
    if (placed.has(badge.key)) return;
    placed.add(badge.key);
    for (const dep of badgeDependencies(badge.rule)) {
      const d = byKey.get(dep);
      if (d) place(d);
    }
    ordered.push(badge);
  };
  badges.forEach(place);
  return ordered;
}
