import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../shared/errors';
import { Uuid } from '../../shared/schemas';
import { errorMessage } from '../../plugins/errors';
import { badgeName } from '../../badges/programme-context';
import { formBody } from '../../web/forms';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { endorserWords } from '../endorsers';
import { endorsementsPage, type EndorsementsData } from './endorsements.page';

/** /organisateur/labelisations: the same use-cases as POST /api/endorsements and …/revoke. */
export const endorsementsPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  const { db, endorsements, programme } = services;
  const show = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<EndorsementsData> = {}) => {
    const ctx = views.context(request, reply);
    const data: EndorsementsData = {
      endorsements: await endorsements.list(db, ctx.lang),
      endorsers: endorsements.endorsers
        .filter((e) => e.mode === 'hosted')
        .map((e) => ({ value: e.key, label: endorserWords(e, ctx.lang).name })),
      badges: programme.badges.map((b) => ({ value: b.key, label: badgeName(b, ctx.lang) })),
      ...extra,
    };
    return views.send(reply, ctx, endorsementsPage(ctx, data));
  };
  const failed = (request: FastifyRequest, reply: FastifyReply) => (error: unknown) => {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return show(request, reply, { message: errorMessage(error, request.lang), status: error.status });
  };

  app.get<{ Querystring: { fait?: string } }>(paths.organiser.endorsements, async (request, reply) => {
    const done = request.query.fait === 'signee' || request.query.fait === 'retiree' ? request.query.fait : undefined;
    return show(request, reply, { done });
  });

  app.post(paths.organiser.endorsements, async (request, reply) => {
    const form = formBody(request.body);
    return endorsements
      .endorse(db, request.actor!, { endorser: form.organisme ?? '', achievement: form.badge ?? '' })
      .then(() => views.redirect(reply, urls.organiser.endorsements('signee')), failed(request, reply));
  });

  app.post<{ Params: { id: string } }>(
    paths.organiser.endorsementWithdraw,
    { schema: { params: Type.Object({ id: Uuid }) } },
    async (request, reply) => {
      const reason = (formBody(request.body).motif ?? '').trim();
      if (reason.length < 3 || reason.length > 1000)
        return failed(request, reply)(new AppError('VALIDATION_FAILED', 400, { field: 'motif' }));
      return endorsements
        .withdraw(db, request.actor!, { id: request.params.id.toLowerCase(), reason })
        .then(() => views.redirect(reply, urls.organiser.endorsements('retiree')), failed(request, reply));
    },
  );
};
