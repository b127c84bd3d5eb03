import { urls } from '../../web/urls';
import type { EventView } from './programme.data';
import { formatPercent } from '../../shared/format';
import { errorSummary, input, select, type FieldErrors } from '../../web/forms';
import { html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { eventsText } from '../../web/organiser.text';
import { programmeText } from './public.text';
import { fmt, textFor } from '../../shared/text';
import { eventWhenLines, kindLabel } from './programme.partials';
import type { EventFormValues } from './event-form';

export function eventsPage(ctx: PageContext, events: EventView[]): PageView {
  const t = textFor(eventsText, ctx.lang);
  const rows = events.map(
    (e) => html`<tr id="evenement-${e.key}">
  <th scope="row">${e.title}</th>
  <td data-label="${t.colKind}"><span class="pill pill-${e.kind}">${kindLabel(e.kind, ctx.lang)}</span></td>
  <td data-label="${t.colDate}">${eventWhenLines(e, ctx.lang)}</td>
  <td class="num" data-label="${t.colPresence}" data-presence>${formatPercent(e.minPresenceRatio, ctx.lang)}</td>
  <td data-label="${t.colActions}"><span class="actions actions-tight"><a class="button button-small button-secondary" href="${urls.organiser.event(e.key)}" aria-label="${fmt(t.editLabel, { title: e.title })}">${t.edit}</a><a class="button button-small" href="${urls.organiser.import(e.key)}" aria-label="${fmt(t.importLabel, { title: e.title })}">${t.import}</a></span></td>
</tr>`,
  );
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<div class="table-scroll" role="region" aria-labelledby="legende-evenements" tabindex="0">
<table class="table table-stack">
  <caption id="legende-evenements">${t.caption}</caption>
  <thead><tr><th scope="col">${t.colEvent}</th><th scope="col">${t.colKind}</th><th scope="col">${t.colDate}</th><th scope="col" class="num">${t.colPresence}</th><th scope="col">${t.colActions}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
</div>`,
  };
}

export interface EventEditForm {
  key: string;
  values: EventFormValues;
  errors?: FieldErrors;
  message?: string;
  status?: number;
}

export function eventEditPage(ctx: PageContext, form: EventEditForm): PageView {
  const t = textFor(eventsText, ctx.lang);
  const p = textFor(programmeText, ctx.lang);
  const v = form.values;
  const e = form.errors ?? {};
  const failed = form.message || Object.keys(e).length > 0;
  return {
    title: `${t.editTitle} · ${v.title || form.key}`,
    status: form.status,
    main: html`<p class="breadcrumb"><a href="${urls.organiser.events()}">${t.title}</a></p>
<h1>${t.editTitle}</h1>
<p class="muted">${t.keyLabel} <code>${form.key}</code></p>
${failed ? errorSummary(t.formErrorTitle, form.message ?? t.formErrorBody, e) : ''}
<form method="post" action="${urls.organiser.event(form.key)}" class="card form form-wide" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'title', label: t.fieldTitle, value: v.title, error: e.title, required: true, attrs: { maxlength: 300 } })}
  ${input({ name: 'titleEn', label: t.fieldTitleEn, value: v.titleEn, error: e.titleEn, attrs: { maxlength: 300, lang: 'en' } })}
  ${select({
    name: 'kind',
    label: t.fieldKind,
    value: v.kind,
    error: e.kind,
    options: [
      { value: 'webinar', label: p.kindWebinar },
      { value: 'workshop', label: p.kindWorkshop },
    ],
  })}
  <div class="field-row">
    ${input({ name: 'startsAt', type: 'datetime-local', label: t.fieldStartsAt, hint: t.datesHint, value: v.startsAt, error: e.startsAt })}
    ${input({ name: 'endsAt', type: 'datetime-local', label: t.fieldEndsAt, hint: t.datesHint, value: v.endsAt, error: e.endsAt })}
  </div>
  <div class="field-row">
    ${input({ name: 'timezone', label: t.fieldTimezone, hint: t.timezoneHint, value: v.timezone, error: e.timezone, required: true, attrs: { spellcheck: 'false' } })}
    ${input({ name: 'presencePercent', type: 'number', label: t.fieldPresence, hint: t.presenceHint, value: v.presencePercent, error: e.presencePercent, required: true, attrs: { min: 0, max: 100, step: '0.1', inputmode: 'decimal' } })}
  </div>
  <p class="actions"><button type="submit" class="button">${t.save}</button> <a class="button button-secondary" href="${urls.organiser.events()}">${t.cancel}</a></p>
</form>`,
  };
}
