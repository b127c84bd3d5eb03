import { urls } from '../../web/urls';
import type { EventView } from './programme.data';
import { formatPercent } from '../../shared/format';
import { errorSummary, input, select, type FieldErrors } from '../../web/forms';
import { html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { eventsText } from './events.text';
import { programmeText } from './public.text';
import { fmt, textFor } from '../../shared/text';
import { eventWhenLines, kindLabel } from './programme.partials';
import type { EventFormValues } from './event-form';

export function eventsPage(ctx: PageContext, events: EventView[]): PageView {
  const t = textFor(eventsText, ctx.lang);
  const rows = events.map((e) => {
    const button = (tone: string, href: string, label: string, text: string) =>
      html`<a class="button button-small${tone}" href="${href}" aria-label="${label}">${text}</a>`;
    const edit = button(' button-secondary', urls.organiser.event(e.key), fmt(t.editLabel, { title: e.title }), t.edit);
    const load = button('', urls.organiser.import(e.key), fmt(t.importLabel, { title: e.title }), t.import);
    return html`<tr id="evenement-${e.key}">
  <th scope="row">${e.title}</th>
  <td data-label="${t.colKind}"><span class="pill pill-${e.kind}">${kindLabel(e.kind, ctx.lang)}</span></td>
  <td data-label="${t.colDate}">${eventWhenLines(e, ctx.lang)}</td>
  <td class="num" data-label="${t.colPresence}" data-presence>${formatPercent(e.minPresenceRatio, ctx.lang)}</td>
  <td data-label="${t.colActions}"><span class="actions actions-tight">${edit}${load}</span></td>
</tr>`;
  });
  const head = (label: string) => html`<th scope="col">${label}</th>`;
  const heads = [head(t.colEvent), head(t.colKind), head(t.colDate)];
  const moreHeads = html`<th scope="col" class="num">${t.colPresence}</th>${head(t.colActions)}`;
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<div class="table-scroll" role="region" aria-labelledby="legende-evenements" tabindex="0">
<table class="table table-stack">
  <caption id="legende-evenements">${t.caption}</caption>
  <thead><tr>${heads}${moreHeads}</tr></thead>
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
  const title = input({
    name: 'title',
    label: t.fieldTitle,
    value: v.title,
    error: e.title,
    required: true,
    attrs: { maxlength: 300 },
  });
  const titleEn = input({
    name: 'titleEn',
    label: t.fieldTitleEn,
    value: v.titleEn,
    error: e.titleEn,
    attrs: { maxlength: 300, lang: 'en' },
  });
  const date = (name: 'startsAt' | 'endsAt', label: string) =>
    input({ name, type: 'datetime-local', label, hint: t.datesHint, value: v[name], error: e[name] });
  const timezone = input({
    name: 'timezone',
    label: t.fieldTimezone,
    hint: t.timezoneHint,
    value: v.timezone,
    error: e.timezone,
    required: true,
    attrs: { spellcheck: 'false' },
  });
  const presence = input({
    name: 'presencePercent',
    type: 'number',
    label: t.fieldPresence,
    hint: t.presenceHint,
    value: v.presencePercent,
    error: e.presencePercent,
    required: true,
    attrs: { min: 0, max: 100, step: '0.1', inputmode: 'decimal' },
  });
  const cancel = html`<a class="button button-secondary" href="${urls.organiser.events()}">${t.cancel}</a>`;
  return {
    title: `${t.editTitle} · ${v.title || form.key}`,
    status: form.status,
    main: html`<p class="breadcrumb"><a href="${urls.organiser.events()}">${t.title}</a></p>
<h1>${t.editTitle}</h1>
<p class="muted">${t.keyLabel} <code>${form.key}</code></p>
${failed ? errorSummary(t.formErrorTitle, form.message ?? t.formErrorBody, e) : ''}
<form method="post" action="${urls.organiser.event(form.key)}" class="card form form-wide" novalidate>
  ${csrfField(ctx)}
  ${title}
  ${titleEn}
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
    ${date('startsAt', t.fieldStartsAt)}
    ${date('endsAt', t.fieldEndsAt)}
  </div>
  <div class="field-row">
    ${timezone}
    ${presence}
  </div>
  <p class="actions"><button type="submit" class="button">${t.save}</button> ${cancel}</p>
</form>`,
  };
}
