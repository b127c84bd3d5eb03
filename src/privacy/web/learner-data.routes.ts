import type { FastifyPluginAsync } from 'fastify';
import { html } from '../../web/html';
import { csrfField } from '../../web/layout';
import { formBody } from '../../web/forms';
import { AppError } from '../../shared/errors';
import { fmt, textFor } from '../../shared/text';
import { paths, urls } from '../../web/urls';
import type { PageOptions } from '../../web/web.plugin';
import { findLearnerById } from '../../learners/learners.service';
import { eraseLearner } from '../erasure.service';
import { exportFileName, exportForLearner } from '../export.service';
import { myDataText, learnerDataText } from './my-data.text';
import { messagePage } from './my-data.page';

/** An organiser exercises a learner's rights for them (a request received by post): export, erasure. */
export const learnerDataPages: FastifyPluginAsync<PageOptions> = async (app, { services, views }) => {
  // An id that is no UUID is no learner: 404 before any query.
  app.addHook('preValidation', async (request) => {
    const { id } = request.params as { id?: string };
    if (id !== undefined && !UUID.test(id)) throw new AppError('LEARNER_NOT_FOUND', 404, { id });
  });
  app.get<{ Params: { id: string } }>(paths.organiser.learnerData, async (request, reply) => {
    const learner = await findLearnerById(services.db, request.params.id);
    const ctx = views.context(request, reply);
    const t = textFor(learnerDataText, ctx.lang);
    const m = textFor(myDataText, ctx.lang);
    if (!learner || learner.erasedAt) return views.send(reply, ctx, messagePage(ctx, m.errorTitle, '404', 404));
    const base = urls.organiser.learnerData(learner.id);
    const title = fmt(t.title, { name: learner.name ?? learner.email });
    return views.send(reply, ctx, {
      title,
      main: html`<h1>${title}</h1><p class="lead">${t.lead}</p>
<section class="card"><p><a class="button" href="${base}/export.zip" download>${t.exportButton}</a></p></section>
<section class="card" aria-labelledby="titre-effacer"><h2 id="titre-effacer">${t.eraseTitle}</h2>
<form method="post" action="${base}/effacer" class="form">${csrfField(ctx)}
  <fieldset><legend>${m.credentialsChoice}</legend>
  <div class="checkbox"><input type="radio" id="garder" name="badges" value="garder" checked>
    <label for="garder">${m.keepCredentials}</label></div>
  <div class="checkbox"><input type="radio" id="revoquer" name="badges" value="revoquer">
    <label for="revoquer">${m.revokeCredentials}</label></div></fieldset>
  <p class="actions"><button type="submit" class="button button-danger">${t.eraseButton}</button></p>
</form></section>
<p><a href="${urls.organiser.learner(learner.id)}">${t.back}</a></p>`,
    });
  });

  app.get<{ Params: { id: string } }>(`${paths.organiser.learnerData}/export.zip`, async (request, reply) => {
    const zip = await exportForLearner(services, request.actor ?? viewerActor(request.viewer!), request.params.id);
    return reply
      .header('content-type', 'application/zip')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${exportFileName(request.params.id)}"`)
      .send(Buffer.from(zip));
  });

  app.post<{ Params: { id: string } }>(`${paths.organiser.learnerData}/effacer`, async (request, reply) => {
    const revokeCredentials = formBody(request.body).badges === 'revoquer';
    const erased = await eraseLearner(services, request.actor ?? viewerActor(request.viewer!), {
      learnerId: request.params.id,
      revokeCredentials,
    });
    const ctx = views.context(request, reply);
    const t = textFor(learnerDataText, ctx.lang);
    return views.send(reply, ctx, messagePage(ctx, t.erasedTitle, fmt(t.erasedLead, { reference: erased.reference })));
  });
};

const viewerActor = (v: { sub: string; email: string; role: 'admin' | 'organiser' | 'learner' }) => ({
  id: v.sub,
  email: v.email,
  role: v.role,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
