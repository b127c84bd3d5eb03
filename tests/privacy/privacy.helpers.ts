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
