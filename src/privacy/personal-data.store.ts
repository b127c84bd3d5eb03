import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client';

/*
 * The one place that reads and deletes a person's data across the areas' tables, by table name in
 * SQL (no other area's tables module is imported): an export or an erasure is one person's rows in
 * every table, in one transaction. tests/privacy/rights.test.ts checks that after an erasure no
 * text column of any table still holds the person's e-mail or name; the register test fails when a
 * table with personal data is not listed in src/privacy/register.ts.
 */

/** Attendance per event, with the file each row came from. */
export function attendanceOf(db: Db, learnerId: string) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select a.event_key as "eventKey", e.title as "eventTitle", a.status, a.minutes,
          a.first_seen_at as "firstSeenAt", a.last_seen_at as "lastSeenAt", a.source, i.file_name as "sourceFile",
          a.reason, a.note, a.updated_by as "updatedBy", a.updated_at as "updatedAt"
        from attendance a left join events e on e.key = a.event_key left join imports i on i.id = a.import_id
        where a.learner_id = ${learnerId} order by a.event_key`,
  );
}

export function attemptsOf(db: Db, learnerId: string) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select quiz_key as "quizKey", answers, score, max_score as "maxScore", percent, complete,
          submitted_at as "submittedAt" from quiz_attempts where learner_id = ${learnerId} order by submitted_at`,
  );
}

export function awardsOf(db: Db, learnerId: string) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select id, badge_key as "badgeKey", method, evidence, reason, awarded_by as "awardedBy",
          awarded_at as "awardedAt", revoked_at as "revokedAt", revocation_reason as "revocationReason"
        from awards where learner_id = ${learnerId} order by awarded_at`,
  );
}

/** E-mails sent (or to send) to the address; a body already erased after sending says so. */
export function emailsTo(db: Db, email: string) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select template, subject, text as "body", status, created_at as "createdAt", sent_at as "sentAt"
        from outbox where lower("to") = ${email} order by created_at`,
  );
}

/** Audit entries about the person: on their record, by them, or naming their address. */
export function auditAbout(db: Db, learnerId: string, email: string) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select id, actor_email as "actorEmail", action, target_type as "targetType", target_id as "targetId", details,
          at from audit_log
        where target_id = ${learnerId} or actor_id = ${learnerId} or position(${email} in lower(details::text)) > 0
        order by id`,
  );
}

/** The text of `value` as it sits inside a JSON string (quotes and backslashes escaped). */
const jsonInner = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * Deletes the person's rows outside their learner record: attendance, answers, unmatched import
 * rows matched to them or carrying their name, e-mails to them, sign-in links and counters; their
 * address and name in the audit trail become the pseudonymous reference.
 */
export async function deletePersonalRows(
  tx: Db,
  person: { id: string; emails: string[]; name: string | null },
  reference: string,
): Promise<Record<string, number>> {
  const emails = sql.join(
    person.emails.map((e) => sql`${e}`),
    sql`, `,
  );
  const count = async (statement: ReturnType<typeof sql>) =>
    (
      await queryRows<{ n: number }>(
        tx,
        sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`,
      )
    )[0]?.n ?? 0;
  const name = person.name?.trim() || null;
  const out = {
    attendance: await count(sql`delete from attendance where learner_id = ${person.id}`),
    answers: await count(sql`delete from quiz_attempts where learner_id = ${person.id}`),
    unmatchedRows: await count(
      sql`delete from unmatched_rows where matched_learner_id = ${person.id}
          or (${name}::text is not null and lower(trim(name)) = lower(${name}::text))`,
    ),
    emails: await count(sql`delete from outbox where lower("to") in (${emails})`),
    signInLinks: await count(sql`delete from magic_links where lower(email) in (${emails})`),
    rateLimits: await count(sql`delete from rate_limits where substr(key, 7) in (${emails})`),
  };
  for (const value of [...person.emails, name].filter((v): v is string => Boolean(v))) {
    await tx.execute(sql`update audit_log set
        details = replace(details::text, ${jsonInner(value)}, ${reference})::jsonb
        where position(${jsonInner(value)} in details::text) > 0`);
  }
  await tx.execute(sql`update audit_log set actor_email = ${reference} where lower(actor_email) in (${emails})`);
  // A credential they replaced themselves (an e-mail change) names them as its revoker.
  await tx.execute(sql`update credentials set revoked_by = ${reference} where lower(revoked_by) in (${emails})`);
  return out;
}

/** The addresses the learner had before an e-mail change (recorded in the audit trail). */
export async function formerEmails(db: Db, learnerId: string): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select distinct details->>'from' as email from audit_log
        where action = 'learner.email-change' and target_id = ${learnerId} and details ? 'from'`,
  );
  return rows.map((r) => r.email);
}
