import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import { buildTestApp, type TestContext } from '../helpers/app';
import { runRetention } from '../../src/privacy/retention.service';
import { retentionCommand } from '../../src/cli/retention.cli';
import { parseArgs } from '../../src/cli/args';
import { DEFAULT_PRIVACY } from '../../src/privacy/privacy.config';
import { NON_PERSONAL_TABLES, registerMarkdown, registerTables } from '../../src/privacy/register';

// Rows on both sides of every duration: `old` just past it, `fresh` just within it.
const DAY = 86_400_000;
const now = new Date();
const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3_600_000);
const EXPECTED = {
  unmatchedRows: 1,
  attendanceDetail: 1,
  sentEmails: 1,
  signInLinks: 1,
  rateLimits: 1,
  privacyRequests: 1,
  inactiveLearners: 1,
};

let ctx: TestContext;
const run = (statement: ReturnType<typeof sql>) => ctx.services.db.execute(statement);
const count = async (table: string, where = sql`true`) =>
  (
    await queryRows<{ n: number }>(
      ctx.services.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
    )
  )[0]!.n;

async function learner(email: string, at: Date) {
  const [row] = await queryRows<{ id: string }>(
    ctx.services.db,
    sql`insert into learners (email, created_at, updated_at) values (${email}, ${at}, ${at}) returning id`,
  );
  return row!.id;
}

beforeAll(async () => {
  ctx = await buildTestApp();
  // Imports 3 months old and not quite, each with an unmatched row.
  for (const [hash, days] of [
    ['old', 91],
    ['fresh', 89],
  ] as const) {
    const [imp] = await queryRows<{ id: string }>(
      ctx.services.db,
      sql`insert into imports (event_key, file_hash, format, encoding, counts, imported_by, imported_at)
          values ('webinaire-1', ${hash}, 'zoom-webinar', 'utf-8', '{}', 'o@x.example', ${ago(days)}) returning id`,
    );
    await run(
      sql`insert into unmatched_rows (import_id, line, name, minutes) values (${imp!.id}, 3, ${`Row ${hash}`}, 10)`,
    );
  }
  // An event ended 3 years and a day ago, another 3 years less a day ago; a badge holder attended both.
  await run(sql`update events set ends_at = ${ago(1096)}, starts_at = ${ago(1096, 2)} where key = 'webinaire-1'`);
  await run(sql`update events set ends_at = ${ago(1094)}, starts_at = ${ago(1094, 2)} where key = 'webinaire-2'`);
  const holder = await learner('holder@x.example', ago(2000));
  await run(
    sql`insert into awards (learner_id, badge_key, method, evidence)
        values (${holder}, 'data-juridique', 'manual', '{}')`,
  );
  for (const key of ['webinaire-1', 'webinaire-2'])
    await run(sql`insert into attendance (learner_id, event_key, status, minutes, source, note, updated_at)
                  values (${holder}, ${key}, 'present', 95, 'manual', 'arrivée en retard', ${ago(2000)})`);
  // Sent e-mails: 31 and 29 days ago.
  for (const days of [31, 29])
    await run(sql`insert into outbox ("to", subject, text, template, status, sent_at, created_at)
                  values ('a@x.example', 's', 'corps', 'award', 'sent', ${ago(days)}, ${ago(days)})`);
  // Sign-in links, counters and confirmation requests: a day and an hour past, a day less an hour.
  for (const [tag, hours] of [
    ['old', 1],
    ['fresh', -1],
  ] as const) {
    const at = ago(1, hours);
    await run(sql`insert into magic_links (token_hash, email, expires_at) values (${tag}, 'a@x.example', ${at})`);
    await run(sql`insert into rate_limits (key, window_start, count) values (${`magic:${tag}@x.example`}, ${at}, 1)`);
    await run(sql`insert into privacy_requests (token_hash, learner_id, kind, expires_at)
                  values (${tag}, ${holder}, 'erasure', ${at})`);
  }
  // Learners without a badge: inactive 3 years and a day (goes), 3 years less a day (stays),
  // and an old one who attended recently (stays).
  await learner('inactive@x.example', ago(1096));
  await learner('recent@x.example', ago(1094));
  const returning = await learner('returning@x.example', ago(2000));
  await run(
    sql`insert into attendance (learner_id, event_key, status, source)
        values (${returning}, 'atelier-admin', 'present', 'manual')`,
  );
}, 180_000);
afterAll(async () => ctx?.close());

describe('retention', () => {
  it('--dry-run counts exactly the rows past their durations and removes nothing', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await retentionCommand(ctx.services, parseArgs(['run', '--dry-run']));
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    expect(printed).toMatch(/would be removed/);
    expect(await runRetention(ctx.services, { dryRun: true })).toEqual(EXPECTED);
    expect(await count('unmatched_rows')).toBe(2);
    expect(await count('learners', sql`email = 'inactive@x.example'`)).toBe(1);
  });

  it('two instances running at once remove each row once, and exactly the rows past their durations', async () => {
    const [a, b] = await Promise.all([runRetention(ctx.services), runRetention(ctx.services)]);
    for (const [rule, n] of Object.entries(EXPECTED))
      expect(a[rule as keyof typeof a] + b[rule as keyof typeof b], rule).toBe(n);
    expect(await count('unmatched_rows', sql`name = 'Row fresh'`)).toBe(1);
    expect(await count('unmatched_rows')).toBe(1);
    expect(await count('attendance', sql`event_key = 'webinaire-1' and minutes is null and note is null`)).toBe(1);
    expect(await count('attendance', sql`event_key = 'webinaire-1' and status = 'present'`)).toBe(1);
    expect(await count('attendance', sql`event_key = 'webinaire-2' and minutes = 95`)).toBe(1);
    expect(await count('outbox')).toBe(1);
    expect(await count('magic_links')).toBe(1);
    expect(await count('rate_limits', sql`key like 'magic:%'`)).toBe(1);
    expect(await count('privacy_requests')).toBe(1);
    const left = await queryRows<{ email: string }>(ctx.services.db, sql`select email from learners order by email`);
    expect(left.map((l) => l.email)).toEqual(['holder@x.example', 'recent@x.example', 'returning@x.example']);
    expect(Object.values(await runRetention(ctx.services)).every((n) => n === 0)).toBe(true);
  });
});

describe('the register of processing', () => {
  it('docs/registre-traitements.md is generated from the configuration and up to date', () => {
    expect(readFileSync('docs/registre-traitements.md', 'utf8')).toBe(registerMarkdown(DEFAULT_PRIVACY));
  });

  // A column whose name says it holds something about a person: its table must be in the register.
  const WORDS =
    'email|name|organisation|collectivite|department|contact|answers|note|to|details|evidence|address|phone|ip';
  const PERSONAL = new RegExp(`(^|_)(${WORDS}|json|jwt|text|subject|html)($|_)|_by$|^learner_id$`);

  it('lists every table that holds personal data, with purpose and duration', async () => {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      ctx.services.db,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = current_schema() and table_name not like '%drizzle%'`,
    );
    const listed = new Set(registerTables());
    const tables = new Set(columns.map((c) => c.table_name));
    const personal = columns.filter((c) => PERSONAL.test(c.column_name) && !listed.has(c.table_name));
    expect(personal).toEqual([]);
    for (const t of tables) expect(listed.has(t) || NON_PERSONAL_TABLES.includes(t), t).toBe(true);
    for (const t of listed) expect(tables.has(t), t).toBe(true);
  });
});
