import type { Db } from '../db/client';
import { AppError, type Lang } from '../shared/errors';
import { translate } from '../text';
import { recordAudit, type Actor } from '../audit/audit.store';
import { findLearnerById } from '../learners/learners.store';
import { enqueueMail } from '../notifications/outbox.store';
import { renderRevocation } from '../notifications/templates/revocation';
import { badgeName } from '../badges/programme-context';
import { issuerProfile } from './achievements';
import { credentialUrl } from './credential-content';
import { findCredentialOfAward, holderOf, lockCredential, markRevoked, type CredentialRow } from './credentials.store';
import { setStatusEntry } from './status-lists.service';
import { revokeDependents } from '../badges/revoke-dependents';
import type { IssueDeps } from './issue.service';

export interface Revoked {
  id: string;
  badgeKey: string;
  reason: string;
}

/**
 * POST /api/credentials/:id/revoke: the status bit is set and the list re-signed, credential and
 * award are marked, the learner is told; then any meta-badge whose rule no longer holds without
 * this badge falls with it. One transaction: all of it, or nothing.
 */
export async function revokeCredential(
  db: Db,
  deps: IssueDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Revoked[]> {
  return db.transaction(async (tx) => {
    const row = await lockCredential(tx, id);
    if (!row) throw new AppError('CREDENTIAL_NOT_FOUND', 404, { id });
    if (row.revokedAt) throw new AppError('CREDENTIAL_ALREADY_REVOKED', 409, { id });
    const first = await revokeOne(tx, deps, actor, row, { reason });
    return [first, ...(await revokeDependents(tx, deps, actor, first, revokeOne))];
  });
}

export interface RevokeOptions {
  reason: string;
  /** The revoked badge this one required: the stored reason and the e-mail say so. */
  because?: { key: string; reason: string };
  /** false: no e-mail (a merge's duplicate, the learner keeps the badge). */
  notify?: boolean;
}

export type RevokeOne = (
  tx: Db,
  deps: IssueDeps,
  actor: Actor | null,
  row: CredentialRow,
  options: RevokeOptions,
) => Promise<Revoked>;

export const revokeOne: RevokeOne = async (tx, deps, actor, row, options) => {
  const now = deps.now?.() ?? new Date();
  const learner = await findLearnerById(tx, await holderOf(tx, row));
  const lang: Lang = learner?.lang ?? 'fr';
  const name = (key: string, l: Lang) => {
    const badge = deps.programme.badges.find((b) => b.key === key);
    return badge ? badgeName(badge, l) : key;
  };
  // Stored in French, the organisers' language, like every other record of the audit trail.
  const reason = options.because
    ? translate(
        'CREDENTIAL_REVOKED_WITH',
        { badge: name(options.because.key, 'fr'), reason: options.because.reason },
        'fr',
      )
    : options.reason;
  await setStatusEntry(tx, deps, row.statusListId, row.statusIndex, true, now);
  await markRevoked(tx, row, { at: now, reason, by: actor?.email ?? null });
  await recordAudit(tx, actor, {
    action: 'credential.revoke',
    targetType: 'credential',
    targetId: row.id,
    details: {
      awardId: row.awardId,
      badge: row.badgeKey,
      reason,
      ...(options.because ? { because: options.because.key } : {}),
    },
  });
  if (learner && options.notify !== false) {
    await enqueueMail(
      tx,
      learner.email,
      'revocation',
      renderRevocation(lang, {
        badgeName: name(row.badgeKey, lang),
        issuerName: issuerProfile(deps.programme, row.issuerId, deps.keyring.publicUrl, lang).name,
        reason: options.because?.reason ?? reason,
        because: options.because ? name(options.because.key, lang) : undefined,
        pageUrl: credentialUrl(deps.keyring.publicUrl, row.id),
      }),
    );
  }
  return { id: row.id, badgeKey: row.badgeKey, reason };
};

/**
 * For a learner merge, before it deletes duplicate awards: their credentials are revoked, so a
 * credential already handed out never stays "valid" with nothing behind it (deleting the award
 * would delete it). No e-mail: the learner keeps the badge through the award the merge keeps.
 */
export async function revokeCredentialsOfAwards(
  tx: Db,
  deps: IssueDeps,
  actor: Actor | null,
  awardIds: readonly string[],
  reason: string,
): Promise<Revoked[]> {
  const out: Revoked[] = [];
  for (const awardId of awardIds) {
    const found = await findCredentialOfAward(tx, awardId);
    const row = found && (await lockCredential(tx, found.id));
    if (row && !row.revokedAt) out.push(await revokeOne(tx, deps, actor, row, { reason, notify: false }));
  }
  return out;
}
