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

// 25 people (one there only 15 minutes: absent), and one row without an e-mail.
const people = Array.from({ length: 25 }, (_, i) => ({
  name: `Agent ${String(i).padStart(2, '0')}`,
  email: `agent${String(i).padStart(2, '0')}@paged.example`,
  join: '10:00:00',
  leave: i === 7 ? '10:15:00' : '11:30:00',
  minutes: i === 7 ? 15 : 90,
  org: 'Commune de Valbrune',
}));
const file = zoomWebinarReport(
  people,
  [],
  [{ name: 'Invité sans adresse', join: '10:00:00', leave: '11:00:00', minutes: 60 }],
);

const pageOf = (id: string, query: string) => ctx.app.inject({ url: `/api/imports/${id}/people${query}`, headers });

describe('a committed import answers with counts; its people are paged', () => {
  let importId: string;

  it('[201] the commit carries counts, errors, warnings and unmatched rows, not the people', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/events/webinaire-1/imports',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: file,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.people).toBeUndefined();
    expect(body).toMatchObject({
      peopleCount: 25,
      attendedCount: 24,
      learnersCreated: 25,
      attendanceCreated: 25,
      unmatchedCount: 1,
      errors: [],
      unmatched: [expect.objectContaining({ name: 'Invité sans adresse', minutes: 60 })],
    });
    importId = body.importId;
    // A preview still lists everyone: the organiser checks the file before committing.
    const preview = await ctx.app.inject({
      method: 'POST',
      url: '/api/events/webinaire-1/imports?dryRun=true',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: file,
    });
    expect(preview.json().people).toHaveLength(25);
  });

  it('[200] GET /api/imports/:id/people pages them by e-mail, with the total', async () => {
    const first = await pageOf(importId, '?limit=10');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 25, offset: 0, limit: 10 });
    const seen: string[] = [];
    for (let offset = 0; offset < 25; offset += 10) {
      const page = (await pageOf(importId, `?offset=${offset}&limit=10`)).json();
      seen.push(...page.people.map((p: { email: string }) => p.email));
    }
    expect(seen).toEqual(people.map((p) => p.email));
    const absent = (await pageOf(importId, '?offset=7&limit=1')).json().people[0];
    expect(absent).toMatchObject({
      email: 'agent07@paged.example',
      name: 'Agent 07',
      organisation: 'Commune de Valbrune',
      status: 'absent',
      minutes: 15,
      firstSeenAt: '2026-03-12T09:00:00.000Z',
    });
    expect(absent.reason).toEqual(expect.any(String));
    expect((await pageOf(importId, '?offset=100')).json()).toMatchObject({ total: 25, people: [] });
  });

  it('[400] bounds on the page; [404] an unknown import; [401] without a token', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?offset=-1', '?limit=abc']) {
      const res = await pageOf(importId, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const unknown = await pageOf('00000000-0000-4000-8000-000000000000', '');
    expect(unknown.statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `/api/imports/${importId}/people` })).statusCode).toBe(401);
  });
});
