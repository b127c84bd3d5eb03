import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { zoomWebinarReport } from '../imports/zoom-report';
import { imports, unmatchedRows } from '../../src/attendance/attendance.tables';
import { cleanFileName } from '../../src/attendance/import.service';
import { expectAppError, fixture, parse, win } from './helpers';

// Bugs the import fuzzer (tests/fuzz/imports.fuzz.test.ts) found, one test each.
let ctx: TestContext;
let headers: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  headers = await ctx.adminAuth();
});
afterAll(async () => ctx?.close());

const people = Array.from({ length: 600 }, (_, i) => ({
  name: `Personne ${i}`,
  email: `p${i}@commune.example`,
  join: '10:00:00',
  leave: '11:30:00',
  minutes: 90,
}));

describe('import fuzzing regressions', () => {
  it('a NUL byte past the sniffed sample: U+FFFD and a warning naming the line, not a 500 at commit', async () => {
    // Far enough (> 64 KB) that the binary sniffing of the first bytes does not see it; in a row
    // without an e-mail, so the name goes to the unmatched rows (text columns).
    const report = zoomWebinarReport(
      people,
      [],
      [{ name: 'Inconnu\u0000 du fond', join: '10:00:00', leave: '11:00:00', minutes: 60 }],
    );
    expect(report.length).toBeGreaterThan(64 * 1024);
    const analysis = await parse(report);
    expect(analysis.warnings.find((w) => w.code === 'IMPORT_ENCODING_REPLACEMENT')?.line).toBeGreaterThan(600);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/events/webinaire-1/imports?acceptPartial=true',
      payload: report,
      headers: { ...headers, 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await ctx.database.db
      .select()
      .from(unmatchedRows)
      .where(eq(unmatchedRows.importId, res.json().importId));
    expect(rows.map((r) => r.name)).toContain('Inconnu\uFFFD du fond');
  });

  it('a file name with control characters (query or multipart): kept without them, not a 500', async () => {
    expect(cleanFileName('rap\u0000port\u001b[31m.csv')).toBe('rapport[31m.csv');
    expect(cleanFileName('\u0000\u0001')).toBeUndefined();
    expect(cleanFileName('x'.repeat(400))).toHaveLength(255);
    const report = zoomWebinarReport([
      { name: 'Hélène Lefèvre', email: 'helene@valbrune.example', join: '10:00:00', leave: '11:30:00', minutes: 90 },
    ]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/webinaire-2/imports?fileName=${encodeURIComponent('zoom\u0000.csv')}`,
      payload: report,
      headers: { ...headers, 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [record] = await ctx.database.db.select().from(imports).where(eq(imports.id, res.json().importId));
    expect(record!.fileName).toBe('zoom.csv');
  });

  it(
    'a quote never closed over megabytes: refused in linear time, naming the line ' + '(was 90 s of CPU for 11 MB)',
    async () => {
      const sheet = fixture('feuille-emargement-utf8-bom.csv');
      const unclosed = Buffer.concat([sheet, Buffer.from(`03/07/2025;"${'"'.repeat(3_000_000)}`)]);
      const started = performance.now();
      const err = await expectAppError(parse(unclosed), 'IMPORT_RECORD_TOO_LONG', 422);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(err.params.line).toBeGreaterThan(2);
      // A long but closed cell (a 200 KB comment) is still read.
      const long = Buffer.concat([
        sheet,
        Buffer.from(`03/07/2025;MARTIN;Luc;luc@commune.example;"${'é'.repeat(200_000)}";X;X\r\n`),
      ]);
      expect(
        (await parse(long, { window: win('2025-07-03T09:00:00+02:00', '2025-07-03T17:00:00+02:00') })).people.map(
          (p) => p.email,
        ),
      ).toContain('luc@commune.example');
    },
  );
});
