import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';
import { recordAudit } from '../audit/audit.service';
import { reissueLearnerCredentials, type ReissueDeps } from '../credentials/reissue.service';
import {
  changeLearnerEmail,
  findLearnerByEmail,
  findLearnerById,
  updateLearnerIdentity,
} from '../learners/learners.service';
import { enqueueMail } from '../notifications/outbox.service';
import { renderEmailChange } from './privacy.mail';
import { consumeRequest, createRequest } from './privacy.store';

/** The reason a credential replaced by a re-issue carries (README, « Mes badges », the status). */
export const REPLACED = 'remplacé';

export const emailChangeUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/mes-donnees/courriel?token=${encodeURIComponent(token)}`;

async function current(db: Db, learnerId: string) {
  const learner = await findLearnerById(db, learnerId);
  if (!learner || learner.erasedAt) throw new AppError('PRIVACY_ACCOUNT_ERASED', 404);
  return learner;
}

const clean = (value: string | null | undefined) => {
  const v = value?.normalize('NFC').trim().slice(0, 200);
  return v ? v : null;
};

/** Art. 16: the learner corrects their name and organisation. */
export async function rectifyIdentity(
  deps: { db: Db },
  actor: Actor,
  input: { name?: string | null; organisation?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const before = await current(tx, actor.id);
    const values = {
      ...(input.name !== undefined ? { name: clean(input.name) } : {}),
      ...(input.organisation !== undefined ? { organisation: clean(input.organisation) } : {}),
    };
    const after = await updateLearnerIdentity(tx, before.id, values);
    await recordAudit(tx, actor, {
      action: 'learner.rectify',
      targetType: 'learner',
      targetId: before.id,
      details: { fields: Object.keys(values) },
    });
    return after!;
  });
}

/** An e-mail change starts with a link sent to the new address: it proves the person reads it. */
export async function requestEmailChange(
  deps: { db: Db; config: { publicUrl: string } },
  actor: Actor,
  input: { email: string },
) {
  const email = normaliseEmail(input.email);
  await deps.db.transaction(async (tx) => {
    const learner = await current(tx, actor.id);
    if (learner.email === email) throw new AppError('PRIVACY_EMAIL_SAME', 400);
    if (await findLearnerByEmail(tx, email)) throw new AppError('PRIVACY_EMAIL_TAKEN', 409);
    const token = await createRequest(tx, { learnerId: learner.id, kind: 'email-change', newEmail: email });
    await enqueueMail(
      tx,
      email,
      'email-change',
      renderEmailChange(learner.lang, emailChangeUrl(deps.config.publicUrl, token)),
    );
  });
}

/**
 * The link was followed: the address changes, then — credentials name their holder by a hash of
 * the address — each current credential is re-issued to the new hash and the old one revoked
 * « remplacé ». One transaction.
 */
export async function confirmEmailChange(deps: ReissueDeps, token: string) {
  return deps.db.transaction(async (tx) => {
    const request = await consumeRequest(tx, token, 'email-change');
    if (!request?.newEmail) throw new AppError('PRIVACY_LINK_INVALID', 400);
    const learner = await current(tx, request.learnerId);
    if (!(await changeLearnerEmail(tx, learner.id, request.newEmail))) throw new AppError('PRIVACY_EMAIL_TAKEN', 409);
    const actor = { id: learner.id, email: request.newEmail };
    await recordAudit(tx, actor, {
      action: 'learner.email-change',
      targetType: 'learner',
      targetId: learner.id,
      details: { from: learner.email, to: request.newEmail },
    });
    const reissued = await reissueLearnerCredentials({ ...deps, db: tx }, actor, {
      learnerId: learner.id,
      reason: REPLACED,
    });
    return {
      learnerId: learner.id,
      email: request.newEmail,
      reissued: reissued.replaced.map((r) => ({ id: r.to, badgeKey: r.badgeKey, replaces: r.from })),
    };
  });
}
