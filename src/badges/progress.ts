import type { Lang } from '../shared/errors';
import type { Award } from './awards.store';
import { badgeName, type ProgrammeContext } from './programme-context';
import type { BadgeEvaluation } from './rules';

export type BadgeStatus = 'earned' | 'eligible' | 'in_progress' | 'not_started';

export interface ConditionProgress {
  kind: 'attended' | 'answered' | 'holds';
  ref: string;
  met: boolean;
  code: string;
  detail: string;
  minPercent?: number;
  /** An `attended` condition that refuses replays. */
  replay?: false;
}

export interface BadgeProgress {
  key: string;
  name: string;
  status: BadgeStatus;
  percent: number;
  conditions: ConditionProgress[];
  awardId?: string;
  awardedAt?: string;
  method?: 'rule' | 'manual';
  credentialId?: string;
}

/**
 * earned: a valid award exists (by rule or by hand); eligible: the rule is met but there is no
 * valid award (a revoked one, or a rule edited since the last evaluation); otherwise by progress.
 */
export function badgeStatus(evaluation: Pick<BadgeEvaluation, 'met' | 'percent'>, held: boolean): BadgeStatus {
  if (held) return 'earned';
  if (evaluation.met) return 'eligible';
  return evaluation.percent > 0 ? 'in_progress' : 'not_started';
}

/** One learner's evaluations as the API and the pages show them, in one language. */
export function progressOf(
  ctx: ProgrammeContext,
  evaluations: readonly BadgeEvaluation[],
  awards: readonly Award[],
  lang: Lang,
  credentialIds: ReadonlyMap<string, string> = new Map(),
): BadgeProgress[] {
  const valid = new Map(awards.filter((a) => a.revokedAt === null).map((a) => [a.badgeKey, a]));
  return evaluations.map((e) => {
    const award = valid.get(e.key);
    const credentialId = award ? credentialIds.get(award.id) : undefined;
    return {
      key: e.key,
      name: badgeName(ctx.badges.get(e.key)!, lang),
      status: badgeStatus(e, Boolean(award)),
      percent: award ? 100 : e.percent,
      conditions: e.conditions.map((c) => ({
        kind: c.kind,
        ref: c.ref,
        met: c.met,
        code: c.code,
        detail: c.detail[lang],
        ...(c.minPercent === undefined ? {} : { minPercent: c.minPercent }),
        ...(c.replay === false ? { replay: false as const } : {}),
      })),
      ...(award ? { awardId: award.id, awardedAt: award.awardedAt.toISOString(), method: award.method } : {}),
      ...(credentialId ? { credentialId } : {}),
    };
  });
}
