import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { recordAudit } from '../audit/audit.service';
import { listAwardsOf } from '../badges/awards.service';
import type { Credentials } from '../credentials/credentials.service';
import { emptyLearnerRecord, findLearnerById } from '../learners/learners.service';
import { deleteDirectoryEntry } from '../directory/directory.service';
import { deletePersonalRows, formerEmails } from './personal-data.store';
import { deleteFeatureRows } from './feature-data.store';
import { consumeRequest, createRequest, deleteConsentsOf, deleteRequestsOf } from './privacy.store';
import { enqueueMail } from '../notifications/outbox.service';
import { renderErasure } from './privacy.mail';
import { addToSuppressionList } from './suppression.service';

export interface ErasureDeps {
  db: Db;
  credentials: Pick<Credentials, 'revokeForAwards'>;
}

export interface Erased {
  reference: string;
  revokedCredentials: number;
  deleted: Record<string, number>;
}

/** A reference that names the erasure in the audit trail and nothing else (not reversible to the id). */
export const erasureReference = (learnerId: string) =>
  `effacement-${createHash('sha256').update(`erasure:${learnerId}`).digest('hex').slice(0, 16)}`;

export const REVOKED_ON_ERASURE = 'effacement du compte à la demande de la personne';

/**
 * Art. 17: everything personal goes, in one transaction. The learner row stays, emptied, because
 * their awards and credentials hang on it: credentials hold only a salted hash of the address, so
 * they stay valid and verifiable (the default: they are the person's) or are revoked, as chosen.
 * The address's hash joins the suppression list; the audit trail keeps the fact, pseudonymously.
 */
export async function eraseLearner(
  deps: ErasureDeps,
  actor: Actor,
  input: { learnerId: string; revokeCredentials: boolean },
): Promise<Erased> {
  return deps.db.transaction(async (tx) => {
    const learner = await findLearnerById(tx, input.learnerId);
    if (!learner || learner.erasedAt) throw new AppError('LEARNER_NOT_FOUND', 404, { id: input.learnerId });
    const reference = erasureReference(learner.id);
    let revoked = 0;
    if (input.revokeCredentials) {
      const awardIds = (await listAwardsOf(tx, [learner.id])).filter((a) => !a.revokedAt).map((a) => a.id);
      revoked = (await deps.credentials.revokeForAwards(tx, null, awardIds, REVOKED_ON_ERASURE)).length;
    }
    const emails = [learner.email, ...(await formerEmails(tx, learner.id))];
    const deleted = {
      ...(await deletePersonalRows(tx, { id: learner.id, emails, name: learner.name }, reference)),
      ...(await deleteFeatureRows(tx, learner.id)),
    };
    await deleteDirectoryEntry(tx, learner.id);
    await deleteConsentsOf(tx, learner.id);
    await deleteRequestsOf(tx, learner.id);
    for (const email of emails) await addToSuppressionList(tx, email, reference);
    await emptyLearnerRecord(tx, learner.id, `${reference}@efface.invalid`);
    // The learner erasing themselves is not named: the actor is the reference.
    const who = actor.role === 'learner' ? { id: learner.id, email: reference } : actor;
    await recordAudit(tx, who, {
      action: 'learner.erase',
      targetType: 'learner',
      targetId: learner.id,
      details: {
        reference,
        requestedBy: actor.role === 'learner' ? 'learner' : 'organiser',
        credentials: input.revokeCredentials ? 'revoked' : 'kept',
        revokedCredentials: revoked,
        ...deleted,
      },
    });
    return { reference, revokedCredentials: revoked, deleted };
  });
}

/** The learner's « Supprimer mon compte » link: the request is consumed and the erasure done. */
export async function confirmErasure(deps: ErasureDeps, token: string): Promise<Erased> {
  // The link is used up only when the erasure is done: one transaction for both.
  return deps.db.transaction(async (tx) => {
    const request = await consumeRequest(tx, token, 'erasure');
    const learner = request && (await findLearnerById(tx, request.learnerId));
    if (!request || !learner) throw new AppError('PRIVACY_LINK_INVALID', 400);
    const actor = { id: learner.id, email: learner.email, role: 'learner' as const };
    return eraseLearner({ ...deps, db: tx }, actor, {
      learnerId: learner.id,
      revokeCredentials: request.revokeCredentials,
    });
  });
}

export const erasureUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/mes-donnees/suppression?token=${encodeURIComponent(token)}`;

/** « Supprimer mon compte »: nothing is deleted until the link sent to the address is followed. */
export async function requestErasure(
  deps: { db: Db; config: { publicUrl: string } },
  actor: Actor,
  input: { revokeCredentials: boolean },
) {
  await deps.db.transaction(async (tx) => {
    const learner = await findLearnerById(tx, actor.id);
    if (!learner || learner.erasedAt) throw new AppError('PRIVACY_ACCOUNT_ERASED', 404);
    const token = await createRequest(tx, {
      learnerId: learner.id,
      kind: 'erasure',
      revokeCredentials: input.revokeCredentials,
    });
    const mail = renderErasure(learner.lang, erasureUrl(deps.config.publicUrl, token), input.revokeCredentials);
    await enqueueMail(tx, learner.email, 'erasure', mail);
  });
}
