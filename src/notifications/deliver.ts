import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import type { Mailer } from './mailer';
import { bodyAfterDelivery, claimDue, dropMessage, markFailed, markSent, type OutboxMessage } from './outbox.store';

const MAX_ATTEMPTS = 10;
const LEASE_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min … capped at 1 h; after MAX_ATTEMPTS the message is `failed` and waits for a manual retry. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Called off by the guard (set only when some were): a reminder whose condition was met meanwhile. */
  dropped?: number;
}

/**
 * Asked just before a claimed message leaves: false drops it unsent. Given by the composition root
 * (reminders re-check their condition here), so the outbox knows no other area.
 */
export type SendGuard = (db: Db, message: OutboxMessage) => Promise<boolean>;

export async function deliverDue(
  db: Db,
  mailer: Mailer,
  now = new Date(),
  limit = 20,
  guard?: SendGuard,
): Promise<DeliveryReport> {
  const messages = await claimDue(db, now, LEASE_MS, limit);
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const message of messages) {
    if (guard && !(await guard(db, message))) {
      await dropMessage(db, message.id);
      report.dropped = (report.dropped ?? 0) + 1;
      continue;
    }
    try {
      await mailer.send(message);
      // A sign-in link's token is erased from the stored body once it has left.
      await markSent(db, message.id, mailer.transport, new Date(), bodyAfterDelivery(message));
      report.sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const next = attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + backoffMs(attempts));
      await markFailed(
        db,
        message.id,
        mailer.transport,
        String((error as Error).message ?? error),
        next,
        new Date(),
        bodyAfterDelivery(message),
      );
      report.failed++;
    }
  }
  return report;
}

/** Polls the outbox; every instance may run one, the claim keeps them apart. */
export function startOutboxWorker(
  db: Db,
  mailer: Mailer,
  log: FastifyBaseLogger,
  intervalMs = 2_000,
  guard?: SendGuard,
) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue(db, mailer, new Date(), 20, guard);
    } catch (error) {
      log.error({ err: error }, 'outbox delivery failed');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
