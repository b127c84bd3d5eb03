import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { recordAudit } from '../audit/audit.service';
import { listClients, listGrantsOfLearner, setClientDisabled } from './clients.store';
import { findGrant, revokeGrantTokens } from './grants.store';

/** For the hourly purge (auth/purge.service.ts). */
export { purgeExpiredOauth } from './grants.store';
import { splitScope } from './scopes';

/** « Mes badges »: the platforms this learner authorised and that still hold access. */
export async function liveGrantsOf(db: Db, learnerId: string) {
  const rows = await listGrantsOfLearner(db, learnerId);
  return rows.filter((r) => !r.revokedAt).map((r) => ({ ...r, scope: splitScope(r.scope) }));
}
export type LiveGrant = Awaited<ReturnType<typeof liveGrantsOf>>[number];

/** « Retirer l'accès »: the grant and every token it gave end at once (audited). */
export async function withdrawGrant(db: Db, learner: { id: string; email: string }, grantId: string, now = new Date()) {
  await db.transaction(async (tx) => {
    const grant = /^[0-9a-f-]{36}$/.test(grantId) ? await findGrant(tx, grantId) : undefined;
    if (!grant || grant.learnerId !== learner.id || grant.revokedAt) throw new AppError('OB3_GRANT_NOT_FOUND', 404);
    await revokeGrantTokens(tx, grant.id, now, true);
    await recordAudit(tx, learner, {
      action: 'ob3.grant.revoked',
      targetType: 'oauth_grant',
      targetId: grant.id,
      details: { clientId: grant.clientId, by: 'learner' },
    });
  });
}

export const CLIENTS_PAGE_MAX = 200;
export const registeredClients = (db: Db) => listClients(db, CLIENTS_PAGE_MAX);

/** An organiser disables (or enables again) a platform: a disabled one's tokens are refused at once. */
export async function setClientEnabled(
  db: Db,
  actor: { id: string; email: string },
  clientId: string,
  enabled: boolean,
) {
  await db.transaction(async (tx) => {
    const row = await setClientDisabled(tx, clientId, enabled ? null : new Date());
    if (!row) throw new AppError('OB3_CLIENT_UNKNOWN', 404);
    await recordAudit(tx, actor, {
      action: enabled ? 'ob3.client.enabled' : 'ob3.client.disabled',
      targetType: 'oauth_client',
      targetId: clientId,
      details: { name: row.name },
    });
  });
}
