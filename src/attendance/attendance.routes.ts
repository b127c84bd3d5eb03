import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Email, errorResponses, Uuid } from '../shared/schemas';
import { EventKey } from '../events/events.schemas';
import { AttendanceSchema, AttendanceStatusSchema } from './attendance.schemas';
import {
  type AttendanceRow,
  listImports,
  listUnmatched,
  matchUnmatchedRow,
  setManualAttendance,
} from './attendance.service';
import { importPeopleRoutes } from './import-people.routes';

export const toAttendanceDto = (a: AttendanceRow) => ({
  eventKey: a.eventKey,
  status: a.status,
  minutes: a.minutes,
  source: a.source,
  importId: a.importId,
  reason: a.reason,
  note: a.note,
  updatedBy: a.updatedBy,
  updatedAt: a.updatedAt.toISOString(),
});

/** Corrections by hand and the follow-up of imports. Mounted under /api. */
export const attendanceRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  await app.register(importPeopleRoutes, { services });
  app.put('/events/:key/attendance/:email', {
    schema: {
      tags: ['attendance'],
      summary: 'Présence saisie à la main / attendance set by hand (replay, late sign-in, correction)',
      security: [{ bearer: [] }],
      params: Type.Object({ key: EventKey, email: Email }),
      body: Type.Object({
        status: AttendanceStatusSchema,
        note: Type.Optional(Type.String({ maxLength: 1000 })),
        minutes: Type.Optional(Type.Number({ minimum: 0, maximum: 1440 })),
      }),
      response: {
        200: Type.Object({ learnerId: Uuid, learnerCreated: Type.Boolean(), attendance: AttendanceSchema }),
        ...errorResponses(400, 401, 403, 404),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const result = await setManualAttendance(services, request.actor!, {
        eventKey: request.params.key,
        email: request.params.email,
        ...request.body,
      });
      return { ...result, attendance: toAttendanceDto(result.attendance) };
    },
  });

  app.get('/events/:key/imports', {
    schema: {
      tags: ['attendance'],
      summary: 'Imports d’un événement / imports of an event',
      security: [{ bearer: [] }],
      params: Type.Object({ key: EventKey }),
      response: {
        200: Type.Object({
          imports: Type.Array(
            Type.Object({
              id: Uuid,
              fileName: Type.Union([Type.String(), Type.Null()]),
              format: Type.String(),
              encoding: Type.String(),
              counts: Type.Record(Type.String(), Type.Number()),
              importedBy: Type.String(),
              importedAt: Type.String(),
            }),
          ),
        }),
        ...errorResponses(401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => ({
      imports: (await listImports(services.db, request.params.key)).map((i) => ({
        id: i.id,
        fileName: i.fileName,
        format: i.format,
        encoding: i.encoding,
        counts: i.counts,
        importedBy: i.importedBy,
        importedAt: i.importedAt.toISOString(),
      })),
    }),
  });

  app.get('/imports/:id/unmatched', {
    schema: {
      tags: ['attendance'],
      summary: 'Lignes sans e-mail à rapprocher / rows without an e-mail, to match',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      response: {
        200: Type.Object({
          rows: Type.Array(
            Type.Object({
              id: Uuid,
              line: Type.Integer(),
              name: Type.String(),
              minutes: Type.Number(),
              matchedLearnerId: Type.Union([Uuid, Type.Null()]),
            }),
          ),
        }),
        ...errorResponses(401, 403),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => ({
      rows: (await listUnmatched(services.db, request.params.id)).map((r) => ({
        id: r.id,
        line: r.line,
        name: r.name,
        minutes: r.minutes,
        matchedLearnerId: r.matchedLearnerId,
      })),
    }),
  });

  app.post('/unmatched/:id/match', {
    schema: {
      tags: ['attendance'],
      summary: 'Rapproche une ligne d’un apprenant / matches a row to a learner',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Uuid }),
      body: Type.Union([Type.Object({ learnerId: Uuid }), Type.Object({ email: Email })]),
      response: {
        200: Type.Object({ learnerId: Uuid, attendance: AttendanceSchema }),
        ...errorResponses(400, 401, 403, 404),
      },
    },
    preHandler: app.requireRole('organiser'),
    handler: async (request) => {
      const result = await matchUnmatchedRow(services, request.actor!, {
        rowId: request.params.id,
        ...request.body,
      });
      return { learnerId: result.learnerId, attendance: toAttendanceDto(result.attendance) };
    },
  });
};
