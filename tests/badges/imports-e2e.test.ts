import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { awards } from '../../src/badges/awards.tables';
import { learners } from '../../src/learners/learners.tables';
import { zoomWebinarReport } from '../imports/zoom-report';
import { answer, awardKeys, learnerAuth } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => {
  // See concurrency.test.ts: a pg-pool race at teardown with many clients open.
  await ctx?.close();
});

/** A French Excel sign-in sheet: Windows-1252, `;`, CRLF. */
const sheet = (rows: Array<[string, string, string]>) =>
  iconv.encode(
    `Nom;Prénom;Courriel;Collectivité;Présent\r\n${rows
      .map(([n, e, p]) => `${n};Agent;${e};Mairie de Valbrune;${p}`)
      .join('\r\n')}\r\n`,
    'win1252',
  );

async function importFile(event: string, file: Buffer) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/events/${event}/imports`,
    payload: file,
    headers: { ...(await ctx.adminAuth()), 'content-type': 'text/csv' },
  });
}

const idOf = async (email: string) =>
  (await ctx.database.db.select().from(learners).where(eq(learners.email, email)))[0]!.id;

describe('badges from imported attendance', () => {
  const zoomAndSheets = 'a Zoom report and sign-in sheets for both webinars and a workshop, then the questionnaire';
  it(`[201] ${zoomAndSheets}, give data-juridique`, async () => {
    const zoom = zoomWebinarReport([
      { name: 'Hélène Lefèvre', email: 'helene@valbrune.example', join: '10:01:12', leave: '11:31:40', minutes: 91 },
    ]);
    expect((await importFile('webinaire-1', zoom)).statusCode).toBe(201);
    expect((await importFile('webinaire-2', sheet([['Lefèvre', 'helene@valbrune.example', 'Oui']]))).statusCode).toBe(
      201,
    );
    expect(
      (await importFile('atelier-juridique', sheet([['Lefèvre', 'helene@valbrune.example', 'X']]))).statusCode,
    ).toBe(201);
    const id = await idOf('helene@valbrune.example');
    expect(await awardKeys(ctx, id)).toEqual([]);
    expect((await answer(ctx, learnerAuth(ctx, id), 'quiz-juridique')).statusCode).toBe(201);
    expect(await awardKeys(ctx, id)).toEqual(['data-juridique']);
    const [award] = await ctx.database.db.select().from(awards).where(eq(awards.learnerId, id));
    expect(award!.evidence.events.map((e) => [e.key, e.source])).toEqual([
      ['webinaire-1', 'import:zoom-webinar'],
      ['webinaire-2', 'import:sign-in-sheet'],
      ['atelier-juridique', 'import:sign-in-sheet'],
    ]);
    expect(award!.evidence.events[0]!.minutes).toBeGreaterThan(89);
  });

  const lastImport = 'the last import completing a badge awards it in the import’s transaction';
  it(`[201] ${lastImport}; a later import never takes it back`, async () => {
    const email = 'marc@valbrune.example';
    await importFile('webinaire-1', sheet([['Dupont', email, 'Oui']]));
    await importFile('atelier-juridique', sheet([['Dupont', email, 'Oui']]));
    const id = await idOf(email);
    await answer(ctx, learnerAuth(ctx, id), 'quiz-juridique');
    expect(await awardKeys(ctx, id)).toEqual([]);
    expect(
      (
        await importFile(
          'webinaire-2',
          sheet([
            ['Dupont', email, 'Oui'],
            ['Autre', 'autre@valbrune.example', 'Non'],
          ]),
        )
      ).statusCode,
    ).toBe(201);
    expect(await awardKeys(ctx, id)).toEqual(['data-juridique']);
    await importFile('webinaire-2', sheet([['Dupont', email, 'Non']]));
    expect(await awardKeys(ctx, id)).toEqual(['data-juridique']);
  });

  it('20 simultaneous imports completing one learner’s badges leave exactly one award per badge', async () => {
    const email = 'zoe@valbrune.example';
    for (const event of ['webinaire-1', 'atelier-juridique', 'atelier-management', 'atelier-admin'])
      await importFile(event, sheet([['Martin', email, 'Oui']]));
    const id = await idOf(email);
    for (const quiz of ['quiz-juridique', 'quiz-management', 'quiz-admin'])
      await answer(ctx, learnerAuth(ctx, id), quiz);
    // Twenty different files (another colleague on each line), all marking Zoé present at webinaire-2.
    const files = Array.from({ length: 20 }, (_, i) =>
      sheet([
        ['Martin', email, 'Oui'],
        [`Collègue${i}`, `collegue${i}@valbrune.example`, 'Oui'],
      ]),
    );
    const results = await Promise.all(files.map((f) => importFile('webinaire-2', f)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const rows = await ctx.database.db
      .select({ badge: awards.badgeKey, n: count() })
      .from(awards)
      .where(eq(awards.learnerId, id))
      .groupBy(awards.badgeKey);
    expect(Object.fromEntries(rows.map((r) => [r.badge, r.n]))).toEqual({
      'data-admin': 1,
      'data-juridique': 1,
      'data-management': 1,
      'parcours-data': 1,
    });
  });
});
