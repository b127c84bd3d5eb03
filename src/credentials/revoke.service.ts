import type { Db } from '../db/client';
import { AppError, type Lang } from '../shared/errors';
import type { Actor } from '../shared/actor';
import { say } from '../shared/text';
import { recordAudit } from '../audit/audit.service';
import { findLearnerById } from '../learners/learners.service';
import { enqueueMail } from '../notifications/outbox.service';
import { renderRevocation } from '../notifications/templates/revocation';
import { badgeName } from '../badges/programme-context';
import { awardsFallingWith } from '../badges/fallen-badges';
import { issuerProfile } from './achievements';
import { credentialUrl } from './credential-content';
import { credentialsErrors } from './credentials.text';
import { findCredentialOfAward, holderOf, lockCredential, markRevoked, type CredentialRow } from './credentials.store';
import { setStatusEntry } from './status-lists.service';
import type { IssueDeps } from './issue.service';
import { revokeCopiesOf } from './holder-copies.service';

/** Who revokes, as the audit trail records it (null: the platform itself). */
type Revoker = Pick<Actor, 'id' | 'email'> | null;

export interface Revoked {
  id: string;
  badgeKey: string;
  reason: string;
}

/** What revoking reads: the database and the credentials' signing deps (`services` fits). */
export interface RevokeDeps {
  db: Db;
  credentials: { deps: IssueDeps };
}

/**
 * POST /api/credentials/:id/revoke: the status bit is set and the list re-signed, credential and
 * award are marked, the learner is told; then any meta-badge whose rule no longer holds without
 * this badge falls with it. One transaction: all of it, or nothing.
 */
export async function revokeCredential(
  services: RevokeDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { id: string; reason: string },
): Promise<Revoked[]> {
  const deps = services.credentials.deps;
  return services.db.transaction(async (tx) => {
    const row = await lockCredential(tx, input.id);
    if (!row) throw new AppError('CREDENTIAL_NOT_FOUND', 404, { id: input.id });
    if (row.revokedAt) throw new AppError('CREDENTIAL_ALREADY_REVOKED', 409, { id: input.id });
    const first = await revokeOne(tx, deps, actor, row, { reason: input.reason });
    if (row.copyOf) return [first]; // a wallet's copy only: the award and what rests on it stand
    return [first, ...(await revokeDependents(tx, deps, actor, row, first))];
  });
}

/**
 * Meta-badges that fall with a revoked part, round after round (badges/fallen-badges.ts says which
 * awards fall; their credentials are revoked here, with the part's reason).
 */
async function revokeDependents(
  tx: Db,
  deps: IssueDeps,
  actor: Revoker,
  row: CredentialRow,
  first: Revoked,
): Promise<Revoked[]> {
  const learnerId = await holderOf(tx, row);
  const out: Revoked[] = [];
  let fallen = new Map([[first.badgeKey, first.reason]]);
  while (fallen.size > 0) {
    const next = new Map<string, string>();
    for (const falling of await awardsFallingWith(tx, deps.programme, learnerId, fallen)) {
      const credential = await findCredentialOfAward(tx, falling.awardId);
      const locked = credential && (await lockCredential(tx, credential.id));
      if (!locked || locked.revokedAt) continue;
      const reason = fallen.get(falling.cause)!;
      out.push(await revokeOne(tx, deps, actor, locked, { reason, because: { key: falling.cause, reason } }));
      next.set(falling.badgeKey, reason);
    }
    fallen = next;
  }
  return out;
}

export interface RevokeOptions {
  reason: string;
  /** The revoked badge this one required: the stored reason and the e-mail say so. */
  because?: { key: string; reason: string };
  /** false: no e-mail (a merge's duplicate, the learner keeps the badge). */
  notify?: boolean;
}

async function revokeOne(
  tx: Db,
  deps: IssueDeps,
  actor: Revoker,
  row: CredentialRow,
  options: RevokeOptions,
): Promise<Revoked> {
  const now = deps.now?.() ?? new Date();
  const learner = await findLearnerById(tx, await holderOf(tx, row));
  const lang: Lang = learner?.lang ?? 'fr';
  const name = (key: string, l: Lang) => {
    const badge = deps.programme.badges.find((b) => b.key === key);
    return badge ? badgeName(badge, l) : key;
  };
  // Stored in French, the organisers' language, like every other record of the audit trail.
  const reason = options.because
    ? say(credentialsErrors, 'fr', 'CREDENTIAL_REVOKED_WITH', {
        badge: name(options.because.key, 'fr'),
        reason: options.because.reason,
      })
    : options.reason;
  await setStatusEntry(tx, deps, row.statusListId, row.statusIndex, true, now);
  await markRevoked(tx, row, { at: now, reason, by: actor?.email ?? null });
  await revokeCopiesOf(tx, deps, actor, row, reason);
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
}

/**
 * For a learner merge, before it deletes duplicate awards: their credentials are revoked, so a
 * credential already handed out never stays "valid" with nothing behind it (deleting the award
 * would delete it). No e-mail: the learner keeps the badge through the award the merge keeps.
 */
export async function revokeCredentialsOfAwards(
  tx: Db,
  deps: IssueDeps,
  actor: Revoker,
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
