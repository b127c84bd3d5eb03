import type { Db } from '../db/client';
import { recordAudit, type Actor } from '../audit/audit.service';
import { AppError } from '../shared/errors';
import { retryMessage } from './outbox.store';

/** Other areas queue their mails here, inside the transaction of the change they announce. */
export {
  countOutbox,
  enqueueMail,
  enqueueMails,
  listOutbox,
  type OutboxMessage,
  outboxStatuses,
  type OutboxStatus,
  purgeSentOutbox,
} from './outbox.store';

/** An organiser's retry: a pending or failed message becomes due now, audited. */
export async function retryOutboxMessage(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    if (!(await retryMessage(tx, id, new Date()))) throw new AppError('NOT_FOUND', 404, { resource: `outbox/${id}` });
    await recordAudit(tx, actor, { action: 'outbox.retry', targetType: 'outbox', targetId: id });
  });
}
