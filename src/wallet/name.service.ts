import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { recordAudit } from '../audit/audit.service';
import { findLearnerById, findLearnersByIds } from '../learners/learners.service';
import { reissueLearnerCredentials, type ReissueDeps, type Reissued } from '../credentials/reissue.service';
import { findNameConsent, nameConsentsOf, saveNameConsent } from './wallet.store';

/** The reason replaced credentials are revoked with: their holder's identity changed. */
export const REPLACED = 'remplacé';

/** The names shown on the badges of those learners who chose so (and whose name is known). */
export async function shownNames(db: Db, learnerIds: readonly string[]): Promise<Map<string, string>> {
  const consents = await nameConsentsOf(db, learnerIds);
  if (consents.length === 0) return new Map();
  const learners = await findLearnersByIds(
    db,
    consents.map((c) => c.learnerId),
  );
  return new Map(learners.flatMap((l) => (l.name?.trim() ? [[l.id, l.name.trim()] as const] : [])));
}

export interface NameSetting {
  shown: boolean;
  decidedAt: string | null;
  name: string | null;
}

export async function nameSetting(db: Db, learnerId: string): Promise<NameSetting> {
  const [consent, learner] = await Promise.all([findNameConsent(db, learnerId), findLearnerById(db, learnerId)]);
  return {
    shown: consent?.shown ?? false,
    decidedAt: consent?.decidedAt.toISOString() ?? null,
    name: learner?.name?.trim() || null,
  };
}

/**
 * « Afficher mon nom sur mes badges », on or off: the choice is recorded with its date, then the
 * learner's badges are re-issued with (or without) their name and the previous ones revoked as
 * « remplacé ». One transaction; choosing what is already chosen changes nothing.
 */
export async function setNameShown(
  services: ReissueDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { shown: boolean; now?: Date },
): Promise<NameSetting & { reissued: Reissued | null }> {
  const now = input.now ?? new Date();
  return services.db.transaction(async (tx) => {
    const learner = await findLearnerById(tx, actor.id);
    if (!learner) throw new AppError('LEARNER_NOT_FOUND', 404, { id: actor.id });
    if (input.shown && !learner.name?.trim()) throw new AppError('WALLET_NAME_MISSING', 409);
    const before = await findNameConsent(tx, actor.id);
    if ((before?.shown ?? false) === input.shown) return { ...(await nameSetting(tx, actor.id)), reissued: null };
    await saveNameConsent(tx, actor.id, input.shown, now);
    await recordAudit(tx, actor, {
      action: input.shown ? 'learner.name-shown' : 'learner.name-hidden',
      targetType: 'learner',
      targetId: actor.id,
      details: { decidedAt: now.toISOString() },
    });
    const reissued = await reissueLearnerCredentials({ ...services, db: tx }, actor, {
      learnerId: actor.id,
      reason: REPLACED,
    });
    return { ...(await nameSetting(tx, actor.id)), reissued };
  });
}
