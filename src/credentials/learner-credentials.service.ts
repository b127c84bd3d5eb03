import type { Db } from '../db/client';
import { AppError, type Lang } from '../shared/errors';
import type { Programme } from '../programme/load-programme';
import { findLearnerById } from '../learners/learners.service';
import { badgeName } from '../badges/programme-context';
import { credentialLinks } from './credential-content';
import { findCredential, listCredentialsOfLearner } from './credentials.store';
import type { CredentialSummary } from './credentials.schemas';

/** A learner's credentials for their data export, and the current ones an erasure may revoke. */
export { allCredentialsOfLearner, currentCredentialsOfLearner } from './credentials.store';
/** For the OB 3.0 API (ob3-api area): a page of the learner's signed credentials, as served. */
export { pageOfLearnerCredentials } from './credentials.store';

/** A learner's credentials, newest first, with their status and download links. */
export async function learnerCredentials(
  db: Db,
  programme: Programme,
  publicUrl: string,
  learnerId: string,
  lang: Lang,
): Promise<CredentialSummary[]> {
  if (!(await findLearnerById(db, learnerId))) throw new AppError('LEARNER_NOT_FOUND', 404, { id: learnerId });
  const rows = await listCredentialsOfLearner(db, learnerId);
  return rows.map((r) => {
    const badge = programme.badges.find((b) => b.key === r.badgeKey);
    return {
      id: r.id,
      badgeKey: r.badgeKey,
      name: badge ? badgeName(badge, lang) : r.badgeKey,
      status: r.revokedAt ? 'revoked' : 'active',
      issuedAt: r.issuedAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      revocationReason: r.revocationReason,
      links: credentialLinks(publicUrl, r.id),
    };
  });
}

/**
 * One credential as its public page shows it (the pages area's `GET /credentials/:id` for
 * browsers): the summary, the signed credential itself, and the issuer's name; undefined when
 * unknown. The holder's e-mail is not part of it: the page is public.
 */
export async function credentialView(db: Db, programme: Programme, publicUrl: string, id: string, lang: Lang) {
  const row = await findCredential(db, id);
  if (!row) return undefined;
  const credential = JSON.parse(row.json) as {
    issuer: { id: string; name: string };
    validFrom: string;
    credentialSubject: { achievement: Record<string, unknown> };
  };
  const badge = programme.badges.find((b) => b.key === row.badgeKey);
  return {
    id: row.id,
    badgeKey: row.badgeKey,
    name: badge ? badgeName(badge, lang) : row.badgeKey,
    status: row.revokedAt ? ('revoked' as const) : ('active' as const),
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
    issuer: credential.issuer,
    achievement: credential.credentialSubject.achievement,
    credential,
    links: credentialLinks(publicUrl, row.id),
  };
}
