// attendance.learner_id, attendance.event_key and attendance.import_id are checked by statement-level
// triggers instead of foreign keys (migrations/0012_import_write_path.sql): what the keys gave must hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { queryRows } from '../../src/db/client';
import { zoomWebinarReport } from './zoom-report';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
  const headers = await ctx.adminAuth();
  const people = Array.from({ length: 20 }, (_, i) => ({
    name: `Agent Clef${i}`,
    email: `clef${i}@integrity.example`,
    join: '10:00:00',
    leave: '11:30:00',
    minutes: 90,
  }));
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/events/webinaire-1/imports',
    payload: zoomWebinarReport(people),
    headers: { ...headers, 'content-type': 'text/csv' },
  });
  expect(res.statusCode).toBe(201);
});
afterAll(async () => ctx?.close());

const run = (statement: ReturnType<typeof sql>) => ctx.database.db.execute(statement);
const rows = <T>(statement: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db, statement);

/** The SQLSTATE and constraint of a refused statement (drizzle may wrap the driver's error). */
async function refusal(statement: ReturnType<typeof sql>) {
  try {
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(statement);
    });
  } catch (error) {
    const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    return { code: e.cause?.code ?? e.code, constraint: e.cause?.constraint ?? e.constraint };
  }
  return null;
}

const learnerId = async () =>
  (await rows<{ id: string }>(sql`select id from learners where email = 'clef0@integrity.example'`))[0]!.id;
const importId = async () =>
  (await rows<{ id: string }>(sql`select import_id as id from attendance where import_id is not null limit 1`))[0]!.id;

describe('attendance references its event and its import', () => {
  it('refuses a row naming an unknown event, as the foreign key did', async () => {
    expect(
      await refusal(sql`insert into attendance (learner_id, event_key, status, source)
                        values (${await learnerId()}, 'pas-de-session', 'present', 'manual')`),
    ).toEqual({ code: '23503', constraint: 'attendance_event_key_events_key_fk' });
    expect(
      await refusal(sql`update attendance set event_key = 'pas-de-session' where learner_id = ${await learnerId()}`),
    ).toEqual({ code: '23503', constraint: 'attendance_event_key_events_key_fk' });
  });

  it('refuses a row naming an unknown import, and accepts none', async () => {
    expect(
      await refusal(sql`update attendance set import_id = '00000000-0000-4000-8000-000000000000'
                        where learner_id = ${await learnerId()}`),
    ).toEqual({ code: '23503', constraint: 'attendance_import_id_imports_id_fk' });
    expect(
      await refusal(sql`update attendance set import_id = import_id where learner_id = ${await learnerId()}`),
    ).toBe(null);
  });

  it('refuses to delete an event that has attendance (NO ACTION)', async () => {
    // An event with attendance recorded by hand and no import (whose own key would refuse first).
    await run(sql`insert into attendance (learner_id, event_key, status, source)
                  values (${await learnerId()}, 'webinaire-2', 'replay', 'manual')`);
    expect(await refusal(sql`delete from events where key = 'webinaire-2'`)).toEqual({
      code: '23503',
      constraint: 'attendance_event_key_events_key_fk',
    });
    expect(await rows(sql`select 1 from events where key = 'webinaire-2'`)).toHaveLength(1);
  });

  it('carries attendance along when an event is re-keyed (ON UPDATE CASCADE)', async () => {
    const count = async (key: string) =>
      (await rows<{ n: number }>(sql`select count(*)::int as n from attendance where event_key = ${key}`))[0]!.n;
    const before = await count('webinaire-1');
    expect(before).toBeGreaterThanOrEqual(20);
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`update events set key = 'webinaire-1-renomme' where key = 'webinaire-1'`);
      expect(
        await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from attendance
        where event_key = 'webinaire-1-renomme'`,
        ),
      ).toEqual([{ n: before }]);
      await tx.execute(sql`update events set key = 'webinaire-1' where key = 'webinaire-1-renomme'`);
    });
    expect(await count('webinaire-1')).toBe(before);
  });

  it('leaves attendance without an import when its import is deleted (ON DELETE SET NULL)', async () => {
    const id = await importId();
    const n = (await rows<{ n: number }>(sql`select count(*)::int as n from attendance where import_id = ${id}`))[0]!.n;
    expect(n).toBeGreaterThanOrEqual(20);
    await run(sql`delete from imports where id = ${id}`);
    expect(await rows(sql`select 1 from attendance where import_id = ${id}`)).toEqual([]);
    expect(
      (
        await rows<{ n: number }>(sql`select count(*)::int as n from attendance a join learners l on l.id = a.learner_id
        where l.email like '%@integrity.example' and a.event_key = 'webinaire-1' and a.import_id is null`)
      )[0]!.n,
    ).toBe(20);
  });
});

describe('attendance references its learner', () => {
  const other = async () =>
    (await rows<{ id: string }>(sql`select id from learners where email = 'clef1@integrity.example'`))[0]!.id;
  const unknown = '00000000-0000-4000-8000-000000000001';

  it('refuses a row naming an unknown learner, inserted or updated, as the foreign key did', async () => {
    const key = { code: '23503', constraint: 'attendance_learner_id_learners_id_fk' };
    expect(
      await refusal(sql`insert into attendance (learner_id, event_key, status, source)
                        values (${unknown}, 'webinaire-2', 'present', 'manual')`),
    ).toEqual(key);
    expect(
      await refusal(sql`update attendance set learner_id = ${unknown}
                        where learner_id = ${await learnerId()} and event_key = 'webinaire-1'`),
    ).toEqual(key);
    // An update naming known learners is accepted.
    expect(
      await refusal(sql`update attendance set learner_id = learner_id, minutes = minutes
                        where learner_id = ${await other()}`),
    ).toBe(null);
  });

  it("refuses to change a learner's id while attendance names it (NO ACTION)", async () => {
    expect(await refusal(sql`update learners set id = ${unknown} where id = ${await learnerId()}`)).toEqual({
      code: '23503',
      constraint: 'attendance_learner_id_learners_id_fk',
    });
  });

  it('deletes the attendance of a deleted learner (ON DELETE CASCADE)', async () => {
    const id = await other();
    expect(await rows(sql`select 1 from attendance where learner_id = ${id}`)).not.toEqual([]);
    await run(sql`delete from learners where id = ${id}`);
    expect(await rows(sql`select 1 from attendance where learner_id = ${id}`)).toEqual([]);
    expect(await rows(sql`select 1 from learners where email = 'clef2@integrity.example'`)).toHaveLength(1);
    expect(
      await rows(sql`select 1 from attendance a join learners l on l.id = a.learner_id
                     where l.email = 'clef2@integrity.example'`),
    ).not.toEqual([]);
  });
});
