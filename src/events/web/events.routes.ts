import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WithServices } from '../../services';
import { EventKey } from '../events.schemas';
import { findEvent, saveEvent } from '../events.service';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import { programmeEvents } from './programme.data';
import { setFlash } from '../../web/flash';
import { formBody } from '../../web/forms';
import { paths, urls } from '../../web/urls';
import type { Views } from '../../web/views';
import { eventFormValues, fieldErrorsFrom, readEventForm, toEventInput } from './event-form';
import { eventEditPage, eventsPage } from './events.page';

const KeyParams = { params: Type.Object({ key: EventKey }) };

/** List and edit events: the same service as PUT /api/events/:key (audited). */
export const eventsPages: FastifyPluginAsyncTypebox<WithServices & { views: Views }> = async (
  app,
  { services, views },
) => {
  const { db, programme } = services;
  app.get(paths.organiser.events, async (request, reply) => {
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, eventsPage(ctx, await programmeEvents(db, programme, ctx.lang)));
  });

  app.get(paths.organiser.event, { schema: KeyParams }, async (request, reply) => {
    const row = await findEvent(db, request.params.key);
    if (!row) throw new AppError('EVENT_NOT_FOUND', 404, { key: request.params.key });
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, eventEditPage(ctx, { key: row.key, values: eventFormValues(row) }));
  });

  app.post(paths.organiser.event, { schema: KeyParams }, async (request, reply) => {
    const { key } = request.params;
    if (!(await findEvent(db, key))) throw new AppError('EVENT_NOT_FOUND', 404, { key });
    const values = readEventForm(formBody(request.body));
    const { input, errors } = toEventInput(values, request.lang);
    const refuse = (status: number, fieldErrors = errors, message?: string) => {
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, eventEditPage(ctx, { key, values, errors: fieldErrors, message, status }));
    };
    if (!input) return refuse(400);
    try {
      await saveEvent(services, request.actor!, { key, event: input });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return refuse(
        error.status,
        fieldErrorsFrom(error.code, error.params, error.details, request.lang),
        translate(error.code, error.params, request.lang),
      );
    }
    setFlash(reply, 'eventSaved', { title: request.lang === 'en' ? (input.titleEn ?? input.title) : input.title });
    return views.redirect(reply, urls.organiser.events(key));
  });
};
