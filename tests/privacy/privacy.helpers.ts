// Shared by the privacy tests: reading e-mailed tokens, unzipping exports, scanning every table.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { queryRows } from '../../src/db/client';
import type { TestContext } from '../helpers/app';

/** The token of the last link of `kind` e-mailed to `to` (read from the outbox, as the mail carries it). */
export async function tokenMailedTo(ctx: TestContext, to: string, path: 'courriel' | 'suppression') {
  const rows = await queryRows<{ text: string }>(
    ctx.services.db,
    sql`select text from outbox where "to" = ${to} order by created_at desc`,
  );
  for (const r of rows) {
    const m = new RegExp(`/mes-donnees/${path}\\?token=([\\w%-]+)`).exec(r.text);
    if (m) return decodeURIComponent(m[1]!);
  }
  throw new Error(`no ${path} link mailed to ${to}`);
}

export function unzip(body: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(body));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Every text-like column of every table holding `needle` (case-insensitive): where a person could still be found. */
export async function tablesHolding(ctx: TestContext, needle: string): Promise<string[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    ctx.services.db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and data_type in ('text', 'jsonb', 'json', 'character varying')`,
  );
  const found: string[] = [];
  for (const c of columns) {
    const [row] = await queryRows<{ n: number }>(
      ctx.services.db,
      sql`select count(*)::int as n from ${sql.identifier(c.table_name)}
          where position(${needle.toLowerCase()} in lower(${sql.identifier(c.column_name)}::text)) > 0`,
    );
    if (row!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** A platform the learner authorised (with a code and a token), a name-on-badges choice, a reminder opt-out. */
export async function seedFeatureRows(ctx: TestContext, learnerId: string) {
  const db = ctx.services.db;
  await db.execute(sql`insert into oauth_clients (id, secret_hash, name, client_uri, redirect_uris, scope)
      values ('client-rights', 'h', 'Plateforme Emploi', 'https://emploi.example', '[]', 'ob:read')`);
  const [grant] = await queryRows<{ id: string }>(
    db,
    sql`insert into oauth_grants (client_id, learner_id, scope) values ('client-rights', ${learnerId}, 'ob:read')
        returning id`,
  );
  await db.execute(sql`insert into oauth_tokens (token_hash, kind, grant_id, scope, expires_at)
      values ('secret-token-hash', 'access', ${grant!.id}, 'ob:read', now() + interval '1 hour')`);
  await db.execute(sql`insert into oauth_codes (code_hash, grant_id, client_id, redirect_uri, scope, code_challenge,
      expires_at) values ('secret-code-hash', ${grant!.id}, 'client-rights', 'https://emploi.example/cb', 'ob:read',
      'c', now() + interval '1 minute')`);
  await db.execute(sql`insert into wallet_name_consents (learner_id, shown, decided_at)
      values (${learnerId}, false, '2026-01-05T10:00:00Z')`);
  await db.execute(sql`insert into reminder_opt_outs (learner_id, kind) values (${learnerId}, 'all')`);
}

/** The learner's rows left in the features' tables (after an erasure: none). */
export async function featureRowsOf(ctx: TestContext, learnerId: string) {
  const out: Record<string, number> = {};
  for (const table of [
    'oauth_grants',
    'wallet_exchanges',
    'wallet_name_consents',
    'reminder_sends',
    'reminder_opt_outs',
  ])
    out[table] = (
      await queryRows<{ n: number }>(
        ctx.services.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where learner_id = ${learnerId}`,
      )
    )[0]!.n;
  const [left] = await queryRows<{ n: number }>(
    ctx.services.db,
    sql`select (select count(*) from oauth_tokens where token_hash = 'secret-token-hash')
        + (select count(*) from oauth_codes where code_hash = 'secret-code-hash') as n`,
  );
  out.oauthSecrets = Number(left!.n);
  return out;
}
