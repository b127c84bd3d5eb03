import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

describe('platform start', () => {
  it('[200] /health checks the database', async () => {
    const res = await ctx.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: ctx.database.kind });
  });

  it('[200] /api/programme is public: 5 events, 4 badges, no personal data', async () => {
    const res = await ctx.app.inject({ url: '/api/programme' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.events.map((e: { key: string }) => e.key).sort()).toEqual([
      'atelier-admin',
      'atelier-juridique',
      'atelier-management',
      'webinaire-1',
      'webinaire-2',
    ]);
    expect(body.badges.map((b: { key: string }) => b.key).sort()).toEqual([
      'data-admin',
      'data-juridique',
      'data-management',
      'parcours-data',
    ]);
    expect(res.body).not.toMatch(/@parcours\.test/);
  });

  it('[200] serves the OpenAPI document generated from the route schemas, and its browsable page', async () => {
    const json = await ctx.app.inject({ url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths['/api/events/{key}'].put.requestBody.content['application/json'].schema.properties.minPresenceRatio,
    ).toMatchObject({ maximum: 1 });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/magic-link', '/health', '/api/programme']),
    );
    const page = await ctx.app.inject({ url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
  });
});

describe('events', () => {
  it('[200] lists the programme events with their windows', async () => {
    const res = await ctx.app.inject({ url: '/api/events', headers: await ctx.adminAuth() });
    const w1 = res.json().events.find((e: { key: string }) => e.key === 'webinaire-1');
    expect(w1).toMatchObject({ kind: 'webinar', timezone: 'Europe/Paris', minPresenceRatio: 0.5 });
    expect(new Date(w1.endsAt).getTime()).toBeGreaterThan(new Date(w1.startsAt).getTime());
  });

  it('[200] creates and updates an event, and the audit log says who did it', async () => {
    const headers = await ctx.adminAuth();
    const body = {
      title: 'Session de rattrapage',
      kind: 'workshop',
      startsAt: '2026-06-02T14:00:00+02:00',
      endsAt: '2026-06-02T17:00:00+02:00',
      minPresenceRatio: 0.75,
    };
    const res = await ctx.app.inject({ method: 'PUT', url: '/api/events/rattrapage', headers, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      key: 'rattrapage',
      timezone: 'Europe/Paris',
      startsAt: '2026-06-02T12:00:00.000Z',
      minPresenceRatio: 0.75,
    });
    const again = await ctx.app.inject({
      method: 'PUT',
      url: '/api/events/rattrapage',
      headers,
      payload: { ...body, minPresenceRatio: 0.6 },
    });
    expect(again.json().minPresenceRatio).toBe(0.6);
    const audit = (await ctx.app.inject({ url: '/api/audit', headers })).json().entries;
    expect(
      audit.filter(
        (e: { action: string; targetId: string }) => e.action === 'event.save' && e.targetId === 'rattrapage',
      ),
    ).toHaveLength(2);
  });

  it.each([
    [{ title: 'x', kind: 'webinar', startsAt: '2026-06-02T14:00:00', endsAt: '2026-06-02T17:00:00+02:00' }, 'startsAt'],
    [{ title: 'x', kind: 'concert' }, 'kind'],
    [{ title: 'x', kind: 'webinar', minPresenceRatio: 1.5 }, 'minPresenceRatio'],
    [
      { title: 'x', kind: 'webinar', startsAt: '2026-06-02T17:00:00+02:00', endsAt: '2026-06-02T14:00:00+02:00' },
      'endsAt',
    ],
    [{ title: 'x', kind: 'webinar', timezone: 'Mars/Olympus' }, 'timezone'],
  ])('[400] refuses %j naming %s', async (payload, field) => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/events/mauvais',
      headers: await ctx.adminAuth(),
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('[403] only admins read the audit log', async () => {
    const organiser = ctx.app.signToken({
      sub: '00000000-0000-0000-0000-000000000002',
      role: 'organiser',
      email: 'o@parcours.test',
    });
    const res = await ctx.app.inject({ url: '/api/audit', headers: { authorization: `Bearer ${organiser}` } });
    expect(res.statusCode).toBe(403);
  });
});
