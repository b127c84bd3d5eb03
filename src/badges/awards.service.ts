import type { Db } from '../db/client';
import type { Programme } from '../programme/load-programme';
import { type AuditEntry, recordAudit, recordAuditMany } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { AppError, type Lang } from '../shared/errors';
import { findLearnerById } from '../learners/learners.service';
import { insertAwards, type Award, type AwardValues } from './awards.store';
import { evidenceFor } from './evidence';
import { learnersWithFacts, loadFacts, type LearnerSet } from './facts.store';
import { programmeContext } from './programme-context';
import { newlyMetBadges } from './rule-met';
import { evaluateAll, type BadgeEvaluation } from './rules';
import { getLearnerProgress, type CredentialIdsOf, type LearnerProgress } from './progress.service';

/** What other areas read of the awards (the organiser's learner file). */
export { type Award, listAwardsOf } from './awards.store';

/**
 * Called with the award rows actually inserted, inside the transaction that inserted them
 * (the credentials area issues their OB 3.0 credentials here, a batch at a time). Throwing rolls
 * the awards back.
 */
export type OnAwarded = (tx: Db, awards: readonly Award[]) => Promise<void>;

/** The seam that imports, manual attendance, matching, merges and answers call in their transaction. */
export type Reevaluate = (tx: Db, learners: LearnerSet) => Promise<void>;

export interface AwardsDeps {
  programme: Programme;
  onAwarded?: OnAwarded;
  /** Lets progress show each earned badge's credential. */
  credentialIdsOf?: CredentialIdsOf;
}

// Bounded memory and statement size for an import of 100,000 people.
const BATCH = 1000;

/**
 * Evaluates the learners' rules (parts before wholes) and inserts every newly met badge with its
 * evidence, in the caller's transaction. Awards are only ever added here: a later import that
 * lowers attendance never takes one back. Returns the awards inserted by this call.
 */
export async function evaluateLearners(tx: Db, deps: AwardsDeps, learners: LearnerSet): Promise<Award[]> {
  const { rules, titles, fewestFacts } = programmeContext(deps.programme);
  // Sorted: concurrent transactions then take the unique-index locks in the same order.
  // Learners with too few facts to meet any badge (most of a first webinar's 100,000) are skipped in SQL.
  const unique = 'importId' in learners ? learners : [...new Set(learners)];
  const ids = (await learnersWithFacts(tx, unique, fewestFacts)).sort();
  const inserted: Award[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const records = await loadFacts(tx, ids.slice(i, i + BATCH));
    const rows: AwardValues[] = [];
    for (const [learnerId, { facts }] of records) {
      // Most learners touched by an import complete nothing: decide cheaply, explain only the others.
      if (newlyMetBadges(deps.programme.badges, facts).length === 0) continue;
      const evaluations = evaluateAll(deps.programme.badges, facts, rules);
      const byKey = new Map(evaluations.map((e) => [e.key, e]));
      for (const e of evaluations.filter((x) => x.newlyMet)) {
        rows.push({ learnerId, badgeKey: e.key, method: 'rule', evidence: evidenceFor(e.key, byKey, titles) });
      }
    }
    const awarded = await insertAwards(tx, rows);
    // One audit entry per award, written in bulk (an import can award thousands at once).
    await recordAuditMany(tx, null, awarded.map(auditEntryOf));
    if (awarded.length) await deps.onAwarded?.(tx, awarded);
    inserted.push(...awarded);
  }
  return inserted;
}

export interface ManualAward {
  learnerId: string;
  badgeKey: string;
  reason: string;
}

/** An organiser awards a badge by hand, with a reason; badges that depend on it follow. */
async function awardByHand(
  db: Db,
  deps: AwardsDeps,
  actor: Actor,
  input: ManualAward,
): Promise<{ award: Award; followers: Award[] }> {
  const { badges, rules, titles } = programmeContext(deps.programme);
  if (!badges.has(input.badgeKey)) throw new AppError('BADGE_NOT_FOUND', 404, { key: input.badgeKey });
  return db.transaction(async (tx) => {
    if (!(await findLearnerById(tx, input.learnerId)))
      throw new AppError('LEARNER_NOT_FOUND', 404, { id: input.learnerId });
    const record = (await loadFacts(tx, [input.learnerId])).get(input.learnerId)!;
    const existing = record.awards.find((a) => a.badgeKey === input.badgeKey);
    if (existing) throw alreadyAwarded(existing);
    // Whatever the learner has done so far is recorded as evidence, even if the rule is not met.
    const evaluations = new Map<string, BadgeEvaluation>(
      evaluateAll(deps.programme.badges, record.facts, rules).map((e) => [e.key, e]),
    );
    const [award] = await insertAwards(tx, [
      {
        learnerId: input.learnerId,
        badgeKey: input.badgeKey,
        method: 'manual',
        reason: input.reason,
        awardedBy: actor.email,
        evidence: evidenceFor(input.badgeKey, evaluations, titles),
      },
    ]);
    if (!award) throw new AppError('BADGE_ALREADY_AWARDED', 409, { key: input.badgeKey });
    await recordAudit(tx, actor, {
      action: 'award.manual',
      targetType: 'learner',
      targetId: input.learnerId,
      details: { awardId: award.id, badge: input.badgeKey, reason: input.reason },
    });
    await deps.onAwarded?.(tx, [award]);
    return { award, followers: await evaluateLearners(tx, deps, [input.learnerId]) };
  });
}

function alreadyAwarded(award: Award) {
  return new AppError('BADGE_ALREADY_AWARDED', 409, { key: award.badgeKey, revoked: award.revokedAt ? 1 : undefined });
}

/** What prepare() builds once and hands to the server, the CLI and the tests. */
export interface Awards {
  /** The seam that imports, manual attendance, matching, merges and answers call in their transaction. */
  reevaluate: Reevaluate;
  /** Same, returning the awards inserted (CLI, bench). */
  evaluate(tx: Db, learnerIds: readonly string[]): Promise<Award[]>;
  awardManually(db: Db, actor: Actor, input: ManualAward): Promise<{ award: Award; followers: Award[] }>;
  progress(db: Db, learnerId: string, lang: Lang): Promise<LearnerProgress>;
}

export function createAwards(deps: AwardsDeps): Awards {
  return {
    reevaluate: async (tx, learners) => {
      await evaluateLearners(tx, deps, learners);
    },
    evaluate: (tx, learnerIds) => evaluateLearners(tx, deps, learnerIds),
    awardManually: (db, actor, input) => awardByHand(db, deps, actor, input),
    progress: (db, learnerId, lang) =>
      getLearnerProgress(db, deps.programme, learnerId, lang, { credentialIdsOf: deps.credentialIdsOf }),
  };
}

/** Use-case: an organiser awards a badge by hand (API and learner file page). */
export function awardManually(
  services: { db: Db; awards: Pick<Awards, 'awardManually'> },
  actor: Actor,
  input: ManualAward,
) {
  return services.awards.awardManually(services.db, actor, input);
}

/** Use-case: a learner's progress, badge by badge; a learner reads only their own. */
export function readProgress(
  services: { db: Db; awards: Pick<Awards, 'progress'> },
  actor: Actor,
  input: { learnerId: string; lang: Lang },
): Promise<LearnerProgress> {
  if (actor.role === 'learner' && actor.id !== input.learnerId) throw new AppError('PROGRESS_FORBIDDEN', 403);
  return services.awards.progress(services.db, input.learnerId, input.lang);
}

const auditEntryOf = (a: Award): AuditEntry => ({
  action: a.method === 'manual' ? 'award.manual' : 'award.rule',
  targetType: 'learner',
  targetId: a.learnerId,
  details: { awardId: a.id, badge: a.badgeKey, method: a.method, ...(a.reason ? { reason: a.reason } : {}) },
});
