import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestAppWithSmtp, testConfig, type MailTestContext, type TestContext } from '../helpers/app';
import { startPlatform, type Platform } from '../../src/platform';
import { loadProgramme } from '../../src/programme/load-programme';
import { loadReminderRules } from '../../src/reminders/reminder-rules';
import { nextAllowed } from '../../src/reminders/quiet-hours';
import { planFor } from '../../src/reminders/schedule';
import type { AttendanceFact, Facts } from '../../src/badges/rules';
import { answer, attend, learnerAuth, WEBINARS } from '../badges/helpers';
import { oneClickPath, paris, rawHeader, received, tick } from './helpers';

let ctx: MailTestContext;
let second: Platform;
beforeAll(async () => {
  ctx = await buildTestAppWithSmtp();
  // A second instance on the same database, sending through the same SMTP server.
  const config = testConfig({ mail: { smtpUrl: ctx.smtp.url, from: 'Parcours <no-reply@parcours.test>' } });
  second = await startPlatform(config, { database: ctx.database, worker: false });
}, 180_000); // the machine may be busy: building the platform alone can take a minute
afterAll(async () => {
  await second?.stop();
  await ctx?.close();
});

const instance2 = () => ({ ...ctx, services: second.services, mailer: second.mailer }) as unknown as TestContext;
const QUIZ = /^Questionnaire non rempli/;
const WORKSHOP = 'atelier-management'; // Thursday 23 April 2026, 09:30–12:30, Paris

describe('reminders with a controllable clock', () => {
  const a = 'agent.a@mairie-valbrune.example';
  const b = 'agent.b@mairie-valbrune.example';
  const c = 'agent.c@mairie-valbrune.example';
  const d = 'agent.d@mairie-valbrune.example';
  const ids: Record<string, string> = {};

  it('sends the day-2 reminder once, inside allowed hours, even with two instances at the same moment', async () => {
    for (const email of [a, b, c]) ids[email] = await attend(ctx, email, [WORKSHOP]);
    ids[d] = await attend(ctx, d, [...WEBINARS, WORKSHOP]);
    // Day 2 is Saturday 25 April 12:30: a weekend, then Monday before 08:00, are quiet.
    expect(await tick(ctx, paris('2026-04-25T12:30:00'))).toMatchObject({ queued: 0, sent: 0 });
    expect(await tick(ctx, paris('2026-04-27T07:59:00'))).toMatchObject({ queued: 0, sent: 0 });

    const monday = paris('2026-04-27T08:05:00');
    const [one, two] = await Promise.all([tick(ctx, monday), tick(instance2(), monday)]);
    expect(one.queued + two.queued).toBe(4);
    expect(one.sent + two.sent).toBe(4);
    await Promise.all([tick(ctx, paris('2026-04-27T09:00:00')), tick(instance2(), paris('2026-04-27T09:00:00'))]);
    for (const email of [a, b, c, d]) expect(received(ctx.smtp, email, QUIZ)).toHaveLength(1);

    const [mail] = received(ctx.smtp, d, QUIZ);
    expect(mail!.subject).toBe('Questionnaire non rempli : Atelier 2 — Le management quotidien de la donnée');
    expect(mail!.text).toContain('http://parcours.test/questionnaires/quiz-management');
    expect(mail!.text).toContain('/relances/desinscription?');
    expect(rawHeader(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail!.html).not.toMatch(/<img/); // no tracking pixel
  });

  it('unsubscribe (RFC 8058 one-click) and an answer stop the next one; award e-mails still go', async () => {
    const [mail] = received(ctx.smtp, d, QUIZ);
    const res = await ctx.app.inject({
      method: 'POST',
      url: oneClickPath(mail!),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    const forged = await ctx.app.inject({ method: 'POST', url: oneClickPath(mail!).replace(/t=[^&]+/, 't=forged') });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('REMINDER_LINK_INVALID');
    expect((await answer(ctx, learnerAuth(ctx, ids[b]!), 'quiz-management')).statusCode).toBe(201);

    // Day 7 (Thursday 30 April 12:30): not at 12:00, not at 21:00, but Friday at 08:30.
    expect(await tick(ctx, paris('2026-04-30T12:00:00'))).toMatchObject({ queued: 0 });
    expect(await tick(ctx, paris('2026-04-30T21:00:00'))).toMatchObject({ queued: 0 });
    const friday = paris('2026-05-01T08:30:00');
    const { runReminders } = await import('../../src/reminders/reminders.service');
    expect(await runReminders(ctx.services, friday)).toEqual({ queued: 2 }); // a and c
    // c answers two minutes before the send: checked again when it leaves, c gets nothing.
    expect((await answer(ctx, learnerAuth(ctx, ids[c]!), 'quiz-management')).statusCode).toBe(201);
    expect(await tick(ctx, new Date(friday.getTime() + 120_000))).toMatchObject({ queued: 0, sent: 1, dropped: 1 });

    expect(received(ctx.smtp, a, QUIZ)).toHaveLength(2);
    for (const email of [b, c, d]) expect(received(ctx.smtp, email, QUIZ)).toHaveLength(1);
    expect(await tick(ctx, paris('2026-05-08T10:00:00'))).toMatchObject({ queued: 0, sent: 0 });

    // d, unsubscribed from reminders, answers and earns the badge: its e-mail goes out.
    expect((await answer(ctx, learnerAuth(ctx, ids[d]!), 'quiz-management')).statusCode).toBe(201);
    await tick(ctx, new Date());
    expect(received(ctx.smtp, d, /^Votre badge « data management »/)).toHaveLength(1);
  });

  it('one condition away: the missed webinar and its replay link; the viewers export then meets it', async () => {
    const e = 'agent.e@mairie-valbrune.example';
    const id = await attend(ctx, e, ['webinaire-1', 'atelier-juridique']);
    expect((await answer(ctx, learnerAuth(ctx, id), 'quiz-juridique')).statusCode).toBe(201);
    const quiet = { from: '20:00', to: '08:00', weekends: true };
    const later = nextAllowed(new Date(Date.now() + 3 * 86_400_000 + 3_600_000), 'Europe/Paris', quiet);
    await Promise.all([tick(ctx, later), tick(instance2(), later)]);
    const mails = received(ctx.smtp, e);
    expect(mails.map((m) => m.subject)).toEqual([
      "Il ne vous manque qu'une condition pour le badge « data juridique »",
    ]);
    expect(mails[0]!.text).toContain('suivre « Webinaire #2 » en différé');
    expect(mails[0]!.text).toContain('BFC#DATA#2');
    expect(mails[0]!.text).toContain('https://us02web.zoom.us/rec/share/m0bjtmyPlqjud');

    // The organiser records the recording's viewers from a Zoom export: e meets the webinar condition.
    const csv = `Nom;Adresse e-mail;Durée (minutes)\n"Agent, E";${e.toUpperCase()};95\nSans adresse;;12\n`;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/reminders/replays/webinaire-2',
      headers: await ctx.adminAuth(),
      payload: { csv },
    });
    expect(res.json()).toEqual({ recorded: 1, alreadyAttended: 0, invalid: 1 });
    const progress = await ctx.app.inject({ url: '/api/me/progress', headers: learnerAuth(ctx, id) });
    const juridique = progress.json().badges.find((b: { key: string }) => b.key === 'data-juridique');
    expect(juridique.status).toBe('earned');
    expect(JSON.stringify(juridique.conditions)).toContain('Webinaire #2 suivi en différé (replay) le');
    await tick(ctx, new Date());
    expect(received(ctx.smtp, e, /^Votre badge « data juridique »/)).toHaveLength(1);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/reminders/replays/atelier-admin',
      headers: await ctx.adminAuth(),
      payload: { csv },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('REMINDER_REPLAY_NOT_DECLARED');
  });
});

describe('reminders.json is checked at start', () => {
  it('refuses a broken file with every problem listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parcours-reminders-'));
    const rule = {
      key: 'relance',
      trigger: 'questionnaireNotAnswered',
      enabled: true,
      delaysDays: [7, 2],
      maxSends: 3,
      quietHours: { from: '20:00', to: '8h', weekends: true },
      subject: { fr: 'Relance {inconnu}', en: 'Reminder' },
      body: { fr: 'Texte', en: 'Text' },
    };
    const programme = await loadProgramme(ctx.services.config.paths);
    writeFileSync(join(dir, 'reminders.json'), JSON.stringify({ rules: [rule] }));
    await expect(loadReminderRules(dir, programme)).rejects.toThrow(/quietHours\/to: must be a time HH:MM/);
    writeFileSync(
      join(dir, 'reminders.json'),
      JSON.stringify({ rules: [{ ...rule, quietHours: { ...rule.quietHours, to: '08:00' } }] }),
    );
    const error = await loadReminderRules(dir, programme).catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(
      /maxSends.*\n.*delaysDays\/1: delays must increase\n.*unknown placeholder \{inconnu\}/,
    );
    expect(await loadReminderRules(join(dir, 'nowhere'), programme)).toEqual({ rules: [] });
  });
});

describe('a badge that wants a webinar live', () => {
  it('offers no replay link for a condition with "replay": false, and still does where replays count', async () => {
    const programme = await loadProgramme(ctx.services.config.paths);
    const { rules } = await loadReminderRules(ctx.services.config.paths.badgesDir, programme);
    const at = (date: string): AttendanceFact => ({ status: 'present', minutes: 100, date, source: 'zoom' });
    const attempt = { attemptId: 'x', percent: null, score: 0, maxScore: 0, complete: true, submittedAt: '2026-04-10' };
    const facts: Facts = {
      attendance: new Map([
        ['webinaire-1', at('2026-03-12')],
        ['atelier-juridique', at('2026-04-09')],
      ]),
      bestAttempts: new Map([['quiz-juridique', attempt]]),
      held: new Set(),
    };
    const events = new Map(
      programme.events.map((e) => [e.key, { endsAt: new Date(e.endsAt!), timezone: 'Europe/Paris' }]),
    );
    const subjects = (p: typeof programme) => planFor({ rules, programme: p, events }, facts).map((o) => o.subject);
    expect(subjects(programme)).toEqual(['attended:webinaire-2']);
    const live = structuredClone(programme);
    const juridique = live.badges.find((b) => b.key === 'data-juridique')!;
    juridique.rule = { allOf: [{ attended: 'webinaire-1' }, { attended: { event: 'webinaire-2', replay: false } }] };
    expect(subjects(live)).toEqual([]);
  });
});
