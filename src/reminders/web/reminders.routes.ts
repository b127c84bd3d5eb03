import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readSmallFile } from '../../web/multipart';
import { recordReplayViewers, REPLAY_MAX_BYTES } from '../replay.service';
import type { ReplayFormData } from './replay.partial';
import type { Programme } from '../../programme/load-programme';
import { AppError } from '../../shared/errors';
import type { Lang } from '../../shared/text';
import { textFor, fmt } from '../../shared/text';
import { translate } from '../../text';
import { formBody } from '../../web/forms';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { manualRules, previewManual, remindableEvents, sendManual } from '../manual.service';
import { pastReminders, UPCOMING_SHOWN, upcomingReminders } from '../overview.service';
import { previewPage } from './preview.page';
import { remindersPage } from './reminders.page';
import { remindersText } from './reminders.text';

const eventLabel = (programme: Programme, key: string, lang: Lang) => {
  const e = programme.events.find((x) => x.key === key);
  return e ? (e.label ?? e.title)[lang] : key;
};

/** `event:…`, `attended:…`, `answered:…` in words. */
function aboutLabel(programme: Programme, lang: Lang) {
  const t = textFor(remindersText, lang);
  return (subject: string) => {
    const [type, ref = ''] = subject.split(':', 2) as [string, string];
    if (type === 'event') return fmt(t.aboutEvent, { event: eventLabel(programme, ref, lang) });
    if (type === 'attended') return fmt(t.aboutAttended, { event: eventLabel(programme, ref, lang) });
    const quiz = programme.quizzes.find((q) => q.key === ref)?.title[lang] ?? ref;
    return fmt(t.aboutAnswered, { quiz });
  };
}

/** « Relances »: the rules, who will receive what and when, who received what, and a send by hand. */
export const remindersPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { programme } = services;
  const choices = (lang: Lang) => ({
    events: remindableEvents(services).map((e) => ({ key: e.key, label: eventLabel(programme, e.key, lang) })),
    manualRules: manualRules(services).map((r) => ({
      key: r.key,
      label: `${textFor(remindersText, lang).triggerQuiz} (${r.key})`,
    })),
  });

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { sent?: number; replay?: Omit<ReplayFormData, 'events'>; status?: number } = {},
  ) => {
    const ctx = views.context(request, reply);
    const [upcoming, past] = await Promise.all([upcomingReminders(services), pastReminders(services)]);
    const replayEvents = programme.events
      .filter((e) => e.replay)
      .map((e) => ({ key: e.key, label: eventLabel(programme, e.key, ctx.lang) }));
    const page = remindersPage(ctx, {
      rules: services.reminders.rules,
      upcoming,
      past,
      ...choices(ctx.lang),
      about: aboutLabel(programme, ctx.lang),
      sent: extra.sent,
      shown: UPCOMING_SHOWN,
      replay: { events: replayEvents, ...extra.replay },
    });
    return views.send(reply, ctx, { ...page, status: extra.status });
  };

  app.get<{ Querystring: { envoyees?: string } }>(paths.organiser.reminders, async (request, reply) => {
    const sent = Number.parseInt(request.query.envoyees ?? '', 10);
    return show(request, reply, { sent: Number.isFinite(sent) && sent >= 0 ? sent : undefined });
  });

  app.post(paths.organiser.remindersReplay, async (request, reply) => {
    const body = formBody(request.body);
    const file = request.pageFile;
    try {
      if (!file) throw new AppError('REMINDER_REPLAY_NO_EMAIL_COLUMN', 422);
      const text = (await readSmallFile(file, REPLAY_MAX_BYTES)).toString('utf8');
      const result = await recordReplayViewers(services, request.actor!, { event: body.webinaire ?? '', text });
      return show(request, reply, { replay: { result } });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const message = translate(error.code, error.params, request.lang);
      return show(request, reply, { replay: { error: message }, status: error.status });
    }
  });

  app.post(paths.organiser.remindersPreview, async (request, reply) => {
    const body = formBody(request.body);
    const selection = { rule: body.rule ?? '', event: body.event ?? '' };
    const preview = await previewManual(services, selection);
    const ctx = views.context(request, reply);
    const event = { key: selection.event, label: eventLabel(programme, selection.event, ctx.lang) };
    return views.send(reply, ctx, previewPage(ctx, { preview, event }));
  });

  app.post(paths.organiser.remindersSend, async (request, reply) => {
    const body = formBody(request.body);
    const input = { rule: body.rule ?? '', event: body.event ?? '', expected: Number(body.expected) || 0 };
    try {
      const { sent } = await sendManual(services, request.actor!, input);
      return views.redirect(reply, urls.organiser.reminders(sent));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code.startsWith('REMINDER_RULE')) throw error;
      if (error.code === 'REMINDER_EVENT_UNKNOWN') throw error;
      // The selection changed: the new preview, with what changed, to be confirmed again.
      const ctx = views.context(request, reply);
      const preview = await previewManual(services, input);
      const event = { key: input.event, label: eventLabel(programme, input.event, ctx.lang) };
      const message = translate(error.code, error.params, ctx.lang);
      return views.send(reply, ctx, previewPage(ctx, { preview, event, error: message, status: error.status }));
    }
  });
};
