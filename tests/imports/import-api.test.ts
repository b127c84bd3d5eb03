import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import {
  badMappings,
  countAll,
  countRows as countIn,
  importFailingMidway,
  multipartBody,
  report,
  unreadableFiles,
} from './import-api.helpers';
import { zoomWebinarReport } from './zoom-report';
import { attendance, imports } from '../../src/attendance/attendance.tables';
import { learners } from '../../src/learners/learners.tables';

let ctx: TestContext;
let headers: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  headers = await ctx.adminAuth();
});
afterAll(async () => ctx?.close());

const post = (url: string, payload: Buffer, extra: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload, headers: { ...headers, 'content-type': 'text/csv', ...extra } });

const countRows = (table: Parameters<typeof countIn>[1]) => countIn(ctx.database.db, table);

describe('POST /api/events/:key/imports', () => {
  it('[200] previews a Zoom report without storing anything', async () => {
    const res = await post('/api/events/webinaire-1/imports?dryRun=true', report);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'zoom-webinar', encoding: 'utf-8', delimiter: ',', alreadyImported: null });
    const byEmail = Object.fromEntries(
      body.people.map((p: { email: string; attended: boolean }) => [p.email, p.attended]),
    );
    expect(byEmail).toEqual({
      'helene.lefevre@mairie-valbrune.example': true,
      'marc.dupont@cc-des-lacs.example': false,
      'zoe.martin@dept.example': true,
    });
    expect(body.people.map((p: { email: string }) => p.email)).not.toContain('animation@civiteo.example');
    expect(await countRows(learners)).toBe(0);
    expect(await countRows(imports)).toBe(0);
  });

  it('[201] commits in one go, then [201] again changes nothing', async () => {
    const first = await post('/api/events/webinaire-1/imports?fileName=zoom.csv', report);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      learnersCreated: 3,
      attendanceCreated: 3,
      attendanceUpdated: 0,
      unchanged: 0,
    });
    const [helene] = await ctx.database.db
      .select()
      .from(learners)
      .where(eq(learners.email, 'helene.lefevre@mairie-valbrune.example'));
    expect(helene).toMatchObject({ name: 'Hélène Lefèvre', organisation: 'Mairie de Valbrune' });
    const rows = await ctx.database.db.select().from(attendance).where(eq(attendance.learnerId, helene!.id));
    expect(rows[0]).toMatchObject({ eventKey: 'webinaire-1', status: 'present', source: 'import:zoom-webinar' });

    const again = await post('/api/events/webinaire-1/imports', report);
    expect(again.json()).toMatchObject({
      importId: first.json().importId,
      learnersCreated: 0,
      attendanceCreated: 0,
      attendanceUpdated: 0,
      unchanged: 3,
    });
    expect(await countRows(attendance)).toBe(3);
    expect(await countRows(imports)).toBe(1);

    const preview = await post('/api/events/webinaire-1/imports?dryRun=true', report);
    expect(preview.json().alreadyImported).toBe(first.json().importId);
    const audit = (await ctx.app.inject({ url: '/api/audit', headers })).json().entries;
    expect(audit.filter((e: { action: string }) => e.action === 'attendance.import')).toHaveLength(1);
  });

  it('[200] streams progress lines then the result with Accept: application/x-ndjson', async () => {
    const res = await post('/api/events/atelier-admin/imports?dryRun=true', report, { accept: 'application/x-ndjson' });
    expect(res.headers['content-type']).toMatch(/ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ type: 'result', format: 'zoom-webinar' });
  });

  it('[404] names an unknown event', async () => {
    const res = await post('/api/events/atelier-inconnu/imports', report);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'EVENT_NOT_FOUND' });
    expect(res.json().message).toContain('atelier-inconnu');
  });

  it.each(unreadableFiles)('[4xx] refuses %s with a clear error and stores nothing', async (_label, payload) => {
    const before = await countRows(learners);
    const res = await post('/api/events/webinaire-2/imports', payload);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().code).toMatch(/^IMPORT_/);
    expect(res.json().message.length).toBeGreaterThan(10);
    expect(await countRows(learners)).toBe(before);
  });

  it('[413] refuses 50 MB of garbage by size, with a clear message', async () => {
    const garbage = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const res = await post('/api/events/webinaire-2/imports', garbage);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.json().message).toMatch(/trop volumineux/);
  });

  it('[201] commits an .xlsx workbook sent as is, with its spreadsheet content type', async () => {
    const xlsx = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'attendance', 'livestorm-fr.xlsx'));
    const type = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const preview = await post('/api/events/atelier-admin/imports?dryRun=true', xlsx, type);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ format: 'livestorm', encoding: 'xlsx' });
    const res = await post('/api/events/atelier-admin/imports?fileName=participants.xlsx', xlsx, type);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ peopleCount: 4, attendanceCreated: 4 });
    const again = await post('/api/events/atelier-admin/imports', xlsx, type);
    expect(again.json()).toMatchObject({ importId: res.json().importId, unchanged: 4 });
  });

  it('[400] a mapping that is not field → header text names what is wrong', async () => {
    const ask = (mapping: string) =>
      post(`/api/events/webinaire-1/imports?dryRun=true&mapping=${encodeURIComponent(mapping)}`, report);
    for (const [mapping, reason] of badMappings) {
      const res = await ask(mapping!);
      expect(res.statusCode, mapping).toBe(400);
      expect(res.json().details[0].reason, mapping).toContain(reason);
    }
  });

  it('[201] the same file read with other columns is a new import, the same columns a repeat', async () => {
    const csv = Buffer.from(
      ['Adresse;Colonne A;Colonne B', 'a@mairie.example;Non;Oui', 'b@mairie.example;Non;Oui', ''].join('\r\n'),
    );
    const withPresence = (column: string) =>
      post(
        `/api/events/atelier-management/imports?mapping=${encodeURIComponent(
          JSON.stringify({ email: 'Adresse', present: column }),
        )}`,
        csv,
      );
    const first = await withPresence('Colonne A');
    expect(first.json()).toMatchObject({ format: 'mapped', attendanceCreated: 2 });
    expect(first.json()).toMatchObject({ peopleCount: 2, attendedCount: 0 });
    const repeat = await withPresence('Colonne A');
    expect(repeat.json()).toMatchObject({ importId: first.json().importId, unchanged: 2 });
    const corrected = await withPresence('Colonne B');
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json().importId).not.toBe(first.json().importId);
    expect(corrected.json()).toMatchObject({ attendanceUpdated: 2, unchanged: 0 });
    const [a] = await ctx.database.db.select().from(learners).where(eq(learners.email, 'a@mairie.example'));
    const rows = await ctx.database.db.select().from(attendance).where(eq(attendance.learnerId, a!.id));
    expect(rows.map((r) => [r.eventKey, r.status])).toEqual([['atelier-management', 'present']]);
  });

  it('[201] accepts a multipart upload', async () => {
    const boundary = '----parcours';
    const body = multipartBody(boundary, 'rapport.csv', report);
    const res = await post('/api/events/atelier-juridique/imports', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.statusCode).toBe(201);
    const list = await ctx.app.inject({ url: '/api/events/atelier-juridique/imports', headers });
    expect(list.json().imports[0]).toMatchObject({ fileName: 'rapport.csv', format: 'zoom-webinar' });
  });

  it('leaves no row behind when the commit fails in the middle', async () => {
    const before = await countAll(ctx.database.db);
    await expect(importFailingMidway(ctx.database.db)).rejects.toThrow('panne simulée');
    expect(await countAll(ctx.database.db)).toEqual(before);
  });
});

describe('attendance by hand', () => {
  it('[200] records a replay for an unknown e-mail, creating the learner, audited', async () => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/events/webinaire-2/attendance/Nouvelle.Agente@Commune.example',
      headers,
      payload: { status: 'replay', note: 'a suivi l’enregistrement' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      learnerCreated: true,
      attendance: { status: 'replay', source: 'manual', note: 'a suivi l’enregistrement' },
    });
    const detail = await ctx.app.inject({ url: `/api/learners/${res.json().learnerId}`, headers });
    expect(detail.json().learner.email).toBe('nouvelle.agente@commune.example');
    expect(detail.json().attendance).toEqual([expect.objectContaining({ eventKey: 'webinaire-2', status: 'replay' })]);
  });

  it('[200] a later import never downgrades attendance recorded by hand', async () => {
    const email = 'marc.dupont@cc-des-lacs.example';
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/webinaire-1/attendance/${email}`,
      headers,
      payload: { status: 'present', note: 'arrivé en retard, feuille papier' },
    });
    const other = zoomWebinarReport([{ name: 'Marc Dupont', email, join: '10:00:00', leave: '10:20:00', minutes: 20 }]);
    const res = await post('/api/events/webinaire-1/imports', other);
    expect(res.json()).toMatchObject({ unchanged: 1, attendanceUpdated: 0 });
  });

  it('[200] searches learners by organisation text and merges a duplicate', async () => {
    const search = await ctx.app.inject({ url: '/api/learners?q=valbrune', headers });
    expect(search.json().learners.map((l: { email: string }) => l.email)).toEqual([
      'helene.lefevre@mairie-valbrune.example',
    ]);
    const dup = await ctx.app.inject({
      method: 'PUT',
      url: '/api/events/atelier-admin/attendance/h.lefevre@perso.example',
      headers,
      payload: { status: 'present' },
    });
    const into = search.json().learners[0].id;
    const merged = await ctx.app.inject({
      method: 'POST',
      url: `/api/learners/${dup.json().learnerId}/merge`,
      headers,
      payload: { into },
    });
    expect(merged.statusCode).toBe(200);
    const detail = await ctx.app.inject({ url: `/api/learners/${into}`, headers });
    expect(
      detail
        .json()
        .attendance.map((a: { eventKey: string }) => a.eventKey)
        .sort(),
    ).toEqual(['atelier-admin', 'atelier-juridique', 'webinaire-1']);
    expect((await ctx.app.inject({ url: `/api/learners/${dup.json().learnerId}`, headers })).statusCode).toBe(404);
  });
});
