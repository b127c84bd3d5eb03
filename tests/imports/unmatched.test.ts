import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';
import { zoomWebinarReport } from './zoom-report';

let ctx: TestContext;
let headers: { authorization: string };
beforeAll(async () => {
  ctx = await buildTestApp();
  headers = await ctx.adminAuth();
});
afterAll(async () => ctx?.close());

describe('rows without an e-mail', () => {
  it('are listed after the commit and matched by hand to a learner, audited', async () => {
    const report = zoomWebinarReport(
      [
        {
          name: 'Lucie Bernard',
          email: 'lucie.bernard@commune.example',
          join: '10:00:00',
          leave: '11:45:00',
          minutes: 105,
        },
      ],
      [],
      [
        { name: 'Téléphone 06•••12', join: '10:02:00', leave: '11:50:00', minutes: 108 },
        { name: 'Jean sans compte', join: '10:00:00', leave: '10:10:00', minutes: 10 },
      ],
    );
    const commit = await ctx.app.inject({
      method: 'POST',
      url: '/api/events/webinaire-1/imports',
      payload: report,
      headers: { ...headers, 'content-type': 'text/csv' },
    });
    expect(commit.statusCode).toBe(201);
    expect(
      commit
        .json()
        .unmatched.map((u: { name: string }) => u.name)
        .sort(),
    ).toEqual(['Jean sans compte', 'Téléphone 06•••12']);

    const list = await ctx.app.inject({ url: `/api/imports/${commit.json().importId}/unmatched`, headers });
    const phone = list.json().rows.find((r: { name: string }) => r.name.startsWith('Téléphone'));
    expect(phone).toMatchObject({ matchedLearnerId: null });

    const match = await ctx.app.inject({
      method: 'POST',
      url: `/api/unmatched/${phone.id}/match`,
      headers,
      payload: { email: 'marie.curie@commune.example' },
    });
    expect(match.statusCode).toBe(200);
    expect(match.json().attendance).toMatchObject({ eventKey: 'webinaire-1', status: 'present', minutes: 108 });

    const short = list.json().rows.find((r: { name: string }) => r.name === 'Jean sans compte');
    const shortMatch = await ctx.app.inject({
      method: 'POST',
      url: `/api/unmatched/${short.id}/match`,
      headers,
      payload: { email: 'jean@commune.example' },
    });
    expect(shortMatch.json().attendance.status).toBe('absent');

    const after = await ctx.app.inject({ url: `/api/imports/${commit.json().importId}/unmatched`, headers });
    expect(after.json().rows.every((r: { matchedLearnerId: string | null }) => r.matchedLearnerId !== null)).toBe(true);
    const audit = (await ctx.app.inject({ url: '/api/audit', headers })).json().entries;
    expect(audit.filter((e: { action: string }) => e.action === 'attendance.match')).toHaveLength(2);
  });

  it('[404] refuses an unknown row', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/unmatched/00000000-0000-4000-8000-000000000000/match',
      headers,
      payload: { email: 'x@y.fr' },
    });
    expect(res.statusCode).toBe(404);
  });
});
