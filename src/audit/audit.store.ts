import { desc, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from './audit.tables';

export interface Actor {
  id: string;
  email: string;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

const rowOf = (actor: Actor | null, entry: AuditEntry) => ({
  actorId: actor?.id ?? null,
  actorEmail: actor?.email ?? null,
  action: entry.action,
  targetType: entry.targetType,
  targetId: entry.targetId ?? null,
  details: entry.details ?? null,
});

/** Called inside the transaction of the change it records: no change without its trace. */
export async function recordAudit(db: Db, actor: Actor | null, entry: AuditEntry) {
  await db.insert(auditLog).values(rowOf(actor, entry));
}

// 7 parameters a row: well under PostgreSQL's 65,535 per statement.
const CHUNK = 1000;

/** Many entries by one actor, written in bulk (an import can award thousands at once). */
export async function recordAuditMany(db: Db, actor: Actor | null, entries: readonly AuditEntry[]) {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await db.insert(auditLog).values(entries.slice(i, i + CHUNK).map((entry) => rowOf(actor, entry)));
  }
}

export async function listAudit(db: Db, { limit, before }: { limit: number; before?: number }) {
  return db
    .select()
    .from(auditLog)
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export type AuditRow = typeof auditLog.$inferSelect;
