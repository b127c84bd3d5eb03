import type { BadgeDefinition } from '../programme/badge.schemas';
import type { Programme } from '../programme/load-programme';
import type { Lang } from '../shared/errors';
import { evidenceTitles, type EvidenceTitles } from './evidence';
import { fewestFactsForAnyBadge } from './rule-met';
import { ruleContext, type RuleContext } from './rules';

export interface ProgrammeContext {
  rules: RuleContext;
  titles: EvidenceTitles;
  badges: ReadonlyMap<string, BadgeDefinition>;
  /** No learner with fewer facts can newly meet any badge (rule-met.ts). */
  fewestFacts: number;
}

// The programme is loaded once per start: its lookup tables are built once too.
const cache = new WeakMap<Programme, ProgrammeContext>();

export function programmeContext(programme: Programme): ProgrammeContext {
  let ctx = cache.get(programme);
  if (!ctx) {
    ctx = {
      rules: ruleContext(programme),
      titles: evidenceTitles(programme),
      badges: new Map(programme.badges.map((b) => [b.key, b])),
      fewestFacts: fewestFactsForAnyBadge(programme.badges),
    };
    cache.set(programme, ctx);
  }
  return ctx;
}

export const badgeName = (badge: BadgeDefinition, lang: Lang) =>
  lang === 'en' ? badge.i18n.en.name : badge.achievement.name;
