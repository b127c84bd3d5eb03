import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { consents, privacyRequests } from './privacy.tables';

export type PrivacyRequest = typeof privacyRequests.$inferSelect;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const REQUEST_HOURS = 24;

/** A new request; returns the token for the link (only its hash is kept). */
export async function createRequest(
  db: Db,
  values: { learnerId: string; kind: PrivacyRequest['kind']; newEmail?: string; revokeCredentials?: boolean },
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(privacyRequests).values({
    tokenHash: sha256(token),
    learnerId: values.learnerId,
    kind: values.kind,
    newEmail: values.newEmail ?? null,
    revokeCredentials: values.revokeCredentials ?? false,
    expiresAt: new Date(now.getTime() + REQUEST_HOURS * 3600_000),
  });
  return token;
}

/** Single use: consumed by the statement that checks it. */
export async function consumeRequest(
  db: Db,
  token: string,
  kind: PrivacyRequest['kind'],
  now = new Date(),
): Promise<PrivacyRequest | undefined> {
  const [row] = await db
    .update(privacyRequests)
    .set({ usedAt: now })
    .where(
      and(
        eq(privacyRequests.tokenHash, sha256(token)),
        eq(privacyRequests.kind, kind),
        isNull(privacyRequests.usedAt),
        gt(privacyRequests.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** A pending request, read without consuming it (the confirmation page shows what will happen). */
export async function peekRequest(db: Db, token: string, kind: PrivacyRequest['kind'], now = new Date()) {
  const [row] = await db
    .select()
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.tokenHash, sha256(token)),
        eq(privacyRequests.kind, kind),
        isNull(privacyRequests.usedAt),
        gt(privacyRequests.expiresAt, now),
      ),
    );
  return row;
}

export async function deleteRequestsOf(db: Db, learnerId: string) {
  await db.delete(privacyRequests).where(eq(privacyRequests.learnerId, learnerId));
}

export async function recordConsent(
  db: Db,
  values: { learnerId: string; purpose: 'directory'; given: boolean; wording: string },
) {
  await db.insert(consents).values(values);
}

export async function consentsOf(db: Db, learnerId: string) {
  return db
    .select({ purpose: consents.purpose, given: consents.given, wording: consents.wording, at: consents.at })
    .from(consents)
    .where(eq(consents.learnerId, learnerId))
    .orderBy(asc(consents.at));
}

export async function deleteConsentsOf(db: Db, learnerId: string) {
  await db.delete(consents).where(eq(consents.learnerId, learnerId));
}
