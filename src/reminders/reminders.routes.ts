import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../shared/schemas';
import { sendManual, previewManual } from './manual.service';
import { pastReminders, upcomingReminders } from './overview.service';
import { unsubscribe } from './unsubscribe.service';
import { recordReplayViewers, REPLAY_MAX_BYTES } from './replay.service';

const LinkQuery = Type.Object({
  l: Type.String({ maxLength: 64, description: 'learner id' }),
  k: Type.String({ maxLength: 64, description: 'reminder kind (rule key)' }),
  t: Type.String({ maxLength: 100, description: 'signature' }),
});
const Selection = Type.Object({
  rule: Type.String({ maxLength: 64, example: 'questionnaire-non-rempli' }),
  event: Type.String({ maxLength: 64, example: 'atelier-management' }),
});

/** The reminders' JSON API: the RFC 8058 one-click unsubscribe (public) and the organisers' view and sends. */
export const remindersRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  // Mail clients POST `List-Unsubscribe=One-Click` as a form (RFC 8058 §3.2); the link itself carries everything.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data'])
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));

  app.post('/unsubscribe', {
    schema: {
      tags: ['reminders'],
      summary: 'Désinscription en un clic / one-click unsubscribe (RFC 8058)',
      querystring: LinkQuery,
      response: { 200: Type.Object({ unsubscribed: Type.String() }), ...errorResponses(400) },
    },
    handler: async (request) => {
      const { l, k, t } = request.query;
      const { kind } = await unsubscribe(services, { learnerId: l, kind: k, token: t });
      return { unsubscribed: kind };
    },
  });

  app.get('/upcoming', {
    schema: {
      tags: ['reminders'],
      summary: 'Relances des 14 prochains jours / reminders of the next 14 days',
      security: [{ bearer: [] }],
      response: {
        200: Type.Object({
          total: Type.Integer(),
          reminders: Type.Array(
            Type.Object({ rule: Type.String(), to: Type.String(), subject: Type.String(), at: Type.String() }),
          ),
        }),
        ...errorResponses(401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async () => {
      const { total, rows } = await upcomingReminders(services);
      const reminders = rows.map((r) => ({ rule: r.ruleKey, to: r.email, subject: r.subject, at: r.at.toISOString() }));
      return { total, reminders };
    },
  });

  app.get('/sent', {
    schema: {
      tags: ['reminders'],
      summary: 'Relances écrites, les plus récentes d’abord / reminders written, newest first',
      security: [{ bearer: [] }],
      response: {
        200: Type.Object({
          reminders: Type.Array(
            Type.Object({
              rule: Type.String(),
              to: Type.String(),
              subject: Type.String(),
              manual: Type.Boolean(),
              status: Type.String(),
              at: Type.String(),
            }),
          ),
        }),
        ...errorResponses(401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async () => ({
      reminders: (await pastReminders(services)).map((r) => ({
        rule: r.ruleKey,
        to: r.email,
        subject: r.subject,
        manual: r.manual,
        status: r.status,
        at: r.createdAt.toISOString(),
      })),
    }),
  });

  app.post('/replays/:event', {
    schema: {
      tags: ['reminders'],
      summary: 'Visionnages d’un enregistrement (export CSV) / recording viewers (CSV export), as `replay` attendance',
      security: [{ bearer: [] }],
      params: Type.Object({ event: Type.String({ maxLength: 64 }) }),
      body: Type.Object({ csv: Type.String({ maxLength: REPLAY_MAX_BYTES }) }),
      response: {
        200: Type.Object({ recorded: Type.Integer(), alreadyAttended: Type.Integer(), invalid: Type.Integer() }),
        ...errorResponses(400, 401, 403, 422),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) =>
      recordReplayViewers(services, request.actor!, { event: request.params.event, text: request.body.csv }),
  });

  app.post('/preview', {
    schema: {
      tags: ['reminders'],
      summary: 'Aperçu d’une relance manuelle / preview of a manual reminder',
      security: [{ bearer: [] }],
      body: Selection,
      response: {
        200: Type.Object({
          count: Type.Integer(),
          unsubscribed: Type.Integer(),
          recipients: Type.Array(Type.String()),
          sample: Type.Union([Type.Object({ subject: Type.String(), text: Type.String() }), Type.Null()]),
        }),
        ...errorResponses(400, 401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const p = await previewManual(services, request.body);
      const sample = p.sample ? { subject: p.sample.subject, text: p.sample.text } : null;
      return {
        count: p.recipients.length,
        unsubscribed: p.unsubscribed,
        recipients: p.recipients.map((r) => r.email),
        sample,
      };
    },
  });

  app.post('/send', {
    schema: {
      tags: ['reminders'],
      summary: 'Envoie une relance maintenant / sends a reminder now (audited)',
      security: [{ bearer: [] }],
      body: Type.Intersect([Selection, Type.Object({ expected: Type.Integer({ minimum: 1, maximum: 1_000_000 }) })]),
      response: { 202: Type.Object({ sent: Type.Integer() }), ...errorResponses(400, 401, 403, 409) },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request, reply) => reply.status(202).send(await sendManual(services, request.actor!, request.body)),
  });
};
