import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { walletExchanges, walletNameConsents, walletNonces } from './wallet.tables';

export type ExchangeRow = typeof walletExchanges.$inferSelect;
export type ExchangeValues = typeof walletExchanges.$inferInsert;

export async function insertExchange(db: Db, values: ExchangeValues) {
  await db.insert(walletExchanges).values(values);
}

/** Locked: of two wallets answering the same link at once, the second sees it used. */
export async function lockExchange(db: Db, id: string): Promise<ExchangeRow | undefined> {
  const [row] = await db.select().from(walletExchanges).where(eq(walletExchanges.id, id)).for('update');
  return row;
}

export async function findExchangeByCode(db: Db, codeHash: string): Promise<ExchangeRow | undefined> {
  const [row] = await db.select().from(walletExchanges).where(eq(walletExchanges.preAuthorizedCodeHash, codeHash));
  return row;
}

export async function lockExchangeByCode(db: Db, codeHash: string): Promise<ExchangeRow | undefined> {
  const [row] = await db
    .select()
    .from(walletExchanges)
    .where(eq(walletExchanges.preAuthorizedCodeHash, codeHash))
    .for('update');
  return row;
}

export async function lockExchangeByToken(db: Db, tokenHash: string): Promise<ExchangeRow | undefined> {
  const [row] = await db
    .select()
    .from(walletExchanges)
    .where(eq(walletExchanges.accessTokenHash, tokenHash))
    .for('update');
  return row;
}

export async function updateExchange(db: Db, id: string, values: Partial<ExchangeValues>) {
  await db.update(walletExchanges).set(values).where(eq(walletExchanges.id, id));
}

/** Links older than a day serve no one: dropped as new ones are made, so the table stays small. */
export async function deleteExchangesBefore(db: Db, before: Date) {
  await db.delete(walletExchanges).where(lt(walletExchanges.expiresAt, before));
  await db.delete(walletNonces).where(lt(walletNonces.expiresAt, before));
}

/** Records a spent nonce: true only the first time (the primary key settles races). */
export async function spendNonce(db: Db, value: string, expiresAt: Date, now: Date): Promise<boolean> {
  const rows = await db
    .insert(walletNonces)
    .values({ value, expiresAt, usedAt: now })
    .onConflictDoNothing()
    .returning({ value: walletNonces.value });
  return rows.length === 1;
}

export async function findNameConsent(db: Db, learnerId: string) {
  const [row] = await db.select().from(walletNameConsents).where(eq(walletNameConsents.learnerId, learnerId));
  return row;
}

export async function nameConsentsOf(db: Db, learnerIds: readonly string[]) {
  if (learnerIds.length === 0) return [];
  return db
    .select()
    .from(walletNameConsents)
    .where(and(inArray(walletNameConsents.learnerId, [...learnerIds]), eq(walletNameConsents.shown, true)));
}

export async function saveNameConsent(db: Db, learnerId: string, shown: boolean, decidedAt: Date) {
  await db
    .insert(walletNameConsents)
    .values({ learnerId, shown, decidedAt })
    .onConflictDoUpdate({ target: walletNameConsents.learnerId, set: { shown, decidedAt } });
}
