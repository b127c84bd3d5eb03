import type { FastifyPluginAsync } from 'fastify';
import { saveEvent } from '../events.service';
import { findEvent } from '../events.store';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import { programmeEvents } from './programme.data';
import { setFlash } from '../../web/flash';
import { formBody } from '../../web/forms';
import type { Views } from '../../web/views';
import { eventFormValues, fieldErrorsFrom, readEventForm, toEventInput } from './event-form';
import { eventEditPage, eventsPage } from './events.page';

const KeyParams = {
  type: 'object',
  properties: { key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' } },
  required: ['key'],
} as const;
type KeyRoute = { Params: { key: string } };

/** List and edit events: the same service as PUT /api/events/:key (audited). */
export const eventsPages: FastifyPluginAsync<{ views: Views }> = async (app, { views }) => {
  app.get('/evenements', async (request, reply) => {
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, eventsPage(ctx, await programmeEvents(app.db, app.programme, ctx.lang)));
  });

  app.get<KeyRoute>('/evenements/:key', { schema: { params: KeyParams } }, async (request, reply) => {
    const row = await findEvent(app.db, request.params.key);
    if (!row) throw new AppError('EVENT_NOT_FOUND', 404, { key: request.params.key });
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, eventEditPage(ctx, { key: row.key, values: eventFormValues(row) }));
  });

  app.post<KeyRoute>('/evenements/:key', { schema: { params: KeyParams } }, async (request, reply) => {
    const { key } = request.params;
    if (!(await findEvent(app.db, key))) throw new AppError('EVENT_NOT_FOUND', 404, { key });
    const values = readEventForm(formBody(request.body));
    const { input, errors } = toEventInput(values, request.lang);
    const refuse = (status: number, fieldErrors = errors, message?: string) => {
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, eventEditPage(ctx, { key, values, errors: fieldErrors, message, status }));
    };
    if (!input) return refuse(400);
    try {
      await saveEvent(app.db, { id: request.viewer!.sub, email: request.viewer!.email }, key, input);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return refuse(
        error.status,
        fieldErrorsFrom(error.code, error.params, error.details, request.lang),
        translate(error.code, error.params, request.lang),
      );
    }
    setFlash(reply, 'eventSaved', { title: request.lang === 'en' ? (input.titleEn ?? input.title) : input.title });
    return views.redirect(reply, `/organisateur/evenements#evenement-${key}`);
  });
};
