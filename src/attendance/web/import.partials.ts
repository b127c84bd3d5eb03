import type { EventView } from '../../events/web/programme.data';
import { formatPercent } from '../../shared/format';
import { fileField } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { notice, type PageContext } from '../../web/layout';
import type { importText } from './import.text';
import { fmt } from '../../shared/text';
import { eventWhen } from '../../events/web/programme.partials';
import { formatNumber } from '../../shared/format';
import { urls } from '../../web/urls';

/** The files the import takes (the picker's filter; any file is still read for what it is). */
export const ACCEPT =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.ms-excel,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type T = Readonly<Record<keyof typeof importText.fr, string>>;

export function formatLabel(t: T, format: string): string {
  const key = `format.${format}` as keyof T;
  return key in t ? t[key] : format;
}

export function delimiterLabel(t: T, delimiter: string): string {
  const names: Record<string, keyof T> = { ',': 'delimiter.comma', ';': 'delimiter.semicolon', '\t': 'delimiter.tab' };
  return names[delimiter] ? t[names[delimiter]!] : delimiter;
}

export function eventIntro(_ctx: PageContext, t: T, event: EventView): Html {
  return html`<p class="breadcrumb"><a href="${urls.organiser.events()}">${t.breadcrumb}</a></p>
<p class="eyebrow">${event.title}</p>`;
}

export function eventFacts(ctx: PageContext, t: T, event: EventView): Html {
  return event.startsAt
    ? html`<p class="lead">${fmt(t.eventLine, {
        when: eventWhen(event, ctx.lang),
        percent: formatPercent(event.minPresenceRatio, ctx.lang),
      })}</p>`
    : notice('info', t.eventUndated, '');
}

export function steps(t: T, current: 1 | 2 | 3): Html {
  const items = [t.step1, t.step2, t.step3].map((label, i) => {
    const here = i + 1 === current;
    const number = html`<span class="steps-number" aria-hidden="true">${i + 1}</span>`;
    const said = here ? html` <span class="visually-hidden">${t.currentStep}</span>` : '';
    return html`<li${here ? attr` aria-current="step" class="step-current"` : ''}>${number} ${label}${said}</li>`;
  });
  return html`<ol class="progress-steps" aria-label="${t.stepsLabel}">${items}</ol>`;
}

export function stat(value: number, label: string, tone = ''): Html {
  return html`<li class="stat${tone}"><p class="stat-value">${value}</p><p class="stat-label">${label}</p></li>`;
}

/** The opening of a table's scrolling region, labelled by the table's caption. */
export const scrollRegion = (captionId: string): Html =>
  html`<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">`;

/** Column headings: a label, or `{ num: label }` for a column of numbers. */
export const columnHeads = (columns: ReadonlyArray<string | { num: string }>): Html[] =>
  columns.map((c) =>
    typeof c === 'string' ? html`<th scope="col">${c}</th>` : html`<th scope="col" class="num">${c.num}</th>`,
  );

export const minutes = (value: number, lang: PageContext['lang']) => formatNumber(value, lang);

/** The confirmation and mapping forms ask for the same file again (what is saved is what was previewed). */
export const sameFileField = (t: T, fileName: string, accept: string): Html =>
  fileField({
    name: 'fichier',
    label: t.sameFileLabel,
    hint: fmt(t.sameFileHint, { name: fileName }),
    dropText: t.dropHere,
    chooseText: t.chooseFile,
    chosenText: t.chosenFile,
    accept,
    required: true,
  });
