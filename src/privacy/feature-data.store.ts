import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client';

/*
 * A learner's rows in the tables of the features built on the badges (OB 3.0 API, wallets,
 * reminders), read for the export and deleted by the erasure, by table name in SQL like
 * personal-data.store.ts. Never a code's or token's hash.
 */

type Row = Record<string, unknown>;

/** Platforms the learner authorised: name, scope, dates, withdrawn or not. */
export function apiGrantsOf(db: Db, learnerId: string) {
  return queryRows<Row>(
    db,
    sql`select g.id, c.name as "client", c.client_uri as "clientUri", g.scope, g.created_at as "createdAt",
          g.revoked_at as "revokedAt", g.revoked_at is not null as "revoked"
        from oauth_grants g join oauth_clients c on c.id = g.client_id
        where g.learner_id = ${learnerId} order by g.created_at`,
  );
}

/** « Add to my wallet » links and the copies of credentials issued to a wallet. */
export async function walletOf(db: Db, learnerId: string) {
  const exchanges = await queryRows<Row>(
    db,
    sql`select id, credential_id as "credentialId", holder_did as "holderDid", created_at as "createdAt",
          expires_at as "expiresAt", used_at as "usedAt"
        from wallet_exchanges where learner_id = ${learnerId} order by created_at`,
  );
  const copies = await queryRows<Row>(
    db,
    sql`select id, copy_of as "copyOf", badge_key as "badgeKey", holder_did as "holderDid", issued_at as "issuedAt",
          revoked_at as "revokedAt", revocation_reason as "revocationReason"
        from credentials where learner_id = ${learnerId} and copy_of is not null order by issued_at`,
  );
  const [name] = await queryRows<Row>(
    db,
    sql`select shown, decided_at as "decidedAt" from wallet_name_consents where learner_id = ${learnerId}`,
  );
  return { exchanges, copies, nameOnBadges: name ?? null };
}

/** Reminders written for the learner, and the kinds they turned off. */
export async function remindersOf(db: Db, learnerId: string) {
  const sent = await queryRows<Row>(
    db,
    sql`select rule_key as "ruleKey", subject, occurrence, status, manual, created_by as "createdBy",
          due_at as "dueAt", created_at as "createdAt"
        from reminder_sends where learner_id = ${learnerId} order by created_at`,
  );
  const optOuts = await queryRows<Row>(
    db,
    sql`select kind, created_at as "createdAt" from reminder_opt_outs where learner_id = ${learnerId} order by kind`,
  );
  return { sent, optOuts };
}

/**
 * Deletes the learner's rows in those tables (the learner row is kept, emptied: ON DELETE CASCADE
 * does not fire). Their wallet copies of credentials stay with the credentials, like them.
 */
export async function deleteFeatureRows(tx: Db, learnerId: string): Promise<Record<string, number>> {
  const count = async (statement: ReturnType<typeof sql>) =>
    (
      await queryRows<{ n: number }>(
        tx,
        sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`,
      )
    )[0]?.n ?? 0;
  const grants = sql`select id from oauth_grants where learner_id = ${learnerId}`;
  await tx.execute(sql`delete from oauth_tokens where grant_id in (${grants})`);
  await tx.execute(sql`delete from oauth_codes where grant_id in (${grants})`);
  return {
    apiGrants: await count(sql`delete from oauth_grants where learner_id = ${learnerId}`),
    walletExchanges: await count(sql`delete from wallet_exchanges where learner_id = ${learnerId}`),
    nameConsent: await count(sql`delete from wallet_name_consents where learner_id = ${learnerId}`),
    reminders: await count(sql`delete from reminder_sends where learner_id = ${learnerId}`),
    reminderOptOuts: await count(sql`delete from reminder_opt_outs where learner_id = ${learnerId}`),
  };
}
