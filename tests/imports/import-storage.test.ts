// How an import stores its rows: time-ordered keys, known learners left as they are, and the CSV
// the staging COPY is fed (quoting, NULLs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { queryRows } from '../../src/db/client';
import { csvChunks } from '../../src/db/copy';
import { zoomWebinarReport } from './zoom-report';

let ctx: TestContext;
let headers: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  headers = await ctx.adminAuth();
});
afterAll(async () => ctx?.close());

const people = (n: number, org?: string) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Agent Stock${i}`,
    email: `stock${i}@storage.example`,
    join: '10:00:00',
    leave: '11:30:00',
    minutes: 90,
    org,
  }));

const post = (key: string, payload: Buffer) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/events/${key}/imports`,
    payload,
    headers: { ...headers, 'content-type': 'text/csv' },
  });

const stored = () =>
  queryRows<{ id: string; version: string; name: string | null; organisation: string | null; xmin: string }>(
    ctx.database.db,
    sql`select id::text, substr(id::text, 15, 1) as version, name, organisation, xmin::text
        from learners where email like '%@storage.example' order by email`,
  );

describe('an import stores', () => {
  it('learners and attendance under time-ordered keys (UUID version 7, the clock first)', async () => {
    const before = Date.now();
    expect((await post('webinaire-1', zoomWebinarReport(people(50)))).statusCode).toBe(201);
    const learners = await stored();
    expect(learners).toHaveLength(50);
    for (const l of learners) {
      expect(l.version).toBe('7');
      const ms = Number.parseInt(l.id.replaceAll('-', '').slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before - 1000);
      expect(ms).toBeLessThanOrEqual(Date.now() + 1000);
    }
    const attendance = await queryRows<{ version: string }>(
      ctx.database.db,
      sql`select distinct substr(a.id::text, 15, 1) as version from attendance a
          join learners l on l.id = a.learner_id where l.email like '%@storage.example'`,
    );
    expect(attendance).toEqual([{ version: '7' }]);
  });

  it('known learners untouched by another file naming them, their blanks filled by one that knows more', async () => {
    const first = await stored();
    expect(first.every((l) => l.organisation === null)).toBe(true);
    // Another event, same people, nothing new about them: no learner row is rewritten.
    expect((await post('webinaire-2', zoomWebinarReport(people(50)))).statusCode).toBe(201);
    expect(await stored()).toEqual(first);
    // A file that gives their organisation fills that blank, and keeps their id.
    const res = await post('atelier-management', zoomWebinarReport(people(50, 'Mairie de Valbrune')));
    expect(res.json()).toMatchObject({ learnersCreated: 0 });
    const filled = await stored();
    expect(filled.map((l) => [l.id, l.organisation])).toEqual(first.map((l) => [l.id, 'Mairie de Valbrune']));
  });
});

describe('the staging CSV', () => {
  it('quotes only what needs it, writes nothing for null and ISO 8601 for dates', () => {
    const csv = [
      ...csvChunks(
        [
          ['a@b.example', 'Dupont, "Jo"', null, 61.5, new Date('2026-03-12T09:00:00Z'), 'ligne\nsuivante'],
          ['c@d.example', 'back\\slash', undefined, 0, null, ''],
        ],
        1,
      ),
    ];
    expect(csv).toEqual([
      'a@b.example,"Dupont, ""Jo""",,61.5,2026-03-12T09:00:00.000Z,"ligne\nsuivante"\n',
      'c@d.example,"back\\slash",,0,,\n',
    ]);
  });
});
