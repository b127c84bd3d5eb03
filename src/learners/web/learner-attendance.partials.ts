import { formatDateTime, formatNumber } from '../../shared/format';
import { input, select } from '../../web/forms';
import { html, type Html } from '../../web/html';
import { csrfField, type PageContext } from '../../web/layout';
import { learnerText } from './learner-file.text';
import { importText } from '../../attendance/web/import.text';
import { fmt, textFor } from '../../shared/text';
import { formatLabel } from '../../attendance/web/import.partials';
import { urls } from '../../web/urls';
import type { AttendanceLine } from './learner-file.data';
import { columnHeads, formError, scrollRegion, type LearnerPageData, type T } from './learner-form';

type IT = Readonly<Record<keyof typeof importText.fr, string>>;

const minutes = (value: number | null, lang: PageContext['lang']) => (value === null ? '' : formatNumber(value, lang));

function statusLabel(t: T, status: string | undefined) {
  return status === 'present'
    ? t.statusPresent
    : status === 'replay'
      ? t.statusReplay
      : status === 'absent'
        ? t.statusAbsent
        : t.statusUnknown;
}

/** Where an attendance came from: typed by hand or imported, with a link to the file's import. */
function sourceText(t: T, it: IT, { event, row, source }: AttendanceLine): Html | '' {
  if (!row) return '';
  const link = (label: string) =>
    source ? html` · <a href="${urls.organiser.importResult(event.key, source.importId)}">${label}</a>` : '';
  if (row.source === 'manual') {
    return html`${t.sourceManual}${link(source ? (source.fileName ?? formatLabel(it, source.format)) : '')}`;
  }
  const format = formatLabel(it, row.source.replace(/^import:/, ''));
  return html`${fmt(t.sourceImport, { format })}${link(source?.fileName ?? it.noFileName)}`;
}

/** What people typed (notes) and what a file said (reasons) are data, shown as written. */
function detailText(ctx: PageContext, t: T, { row }: AttendanceLine): Html | '' {
  if (!row) return '';
  const reason = row.reason ? html`<span data-user-text>${row.reason}</span><br>` : '';
  const note = row.note ? html`<span data-user-text>${row.note}</span><br>` : '';
  const updated = row.updatedBy
    ? fmt(t.updatedBy, { who: row.updatedBy, date: formatDateTime(row.updatedAt, ctx.lang) })
    : '';
  return html`${reason}${note}${updated}`;
}

export function attendanceSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const it = textFor(importText, ctx.lang);
  const s = data.state?.form === 'presence' ? data.state : undefined;
  const rows = data.attendance.map((line) => {
    const { event, row } = line;
    const pill = html`<span class="pill pill-${row?.status ?? 'unknown'}">${statusLabel(t, row?.status)}</span>`;
    return html`<tr>
  <th scope="row">${event.title}</th>
  <td data-label="${t.colStatus}">${pill}</td>
  <td class="num" data-label="${t.colMinutes}">${minutes(row?.minutes ?? null, ctx.lang)}</td>
  <td data-label="${t.colSource}">${sourceText(t, it, line)}</td>
  <td class="detail" data-label="${t.colDetail}">${detailText(ctx, t, line)}</td>
</tr>`;
  });
  const v = s?.values ?? {};
  const e = s?.errors ?? {};
  const events = [
    { value: '', label: t.select },
    ...data.attendance.map(({ event }) => ({ value: event.key, label: event.title })),
  ];
  const statuses = [
    { value: '', label: t.select },
    { value: 'present', label: t.statusPresent },
    { value: 'replay', label: t.statusReplay },
    { value: 'absent', label: t.statusAbsent },
  ];
  const minutesField = input({
    name: 'minutes',
    type: 'number',
    label: t.fieldMinutes,
    value: v.minutes,
    error: e.minutes,
    attrs: { min: 0, max: 1440, step: 1, inputmode: 'numeric' },
  });
  const noteField = input({
    name: 'note',
    label: t.fieldNote,
    hint: t.noteHint,
    value: v.note,
    error: e.note,
    attrs: { maxlength: 1000 },
  });
  const heads = html`${columnHeads([t.colEvent, t.colStatus])}<th scope="col" class="num">${t.colMinutes}</th>`;
  const action = `${urls.organiser.learner(data.learner.id)}/presence`;
  return html`<section aria-labelledby="titre-presences" id="presences">
  <h2 id="titre-presences">${t.attendanceTitle}</h2>
  ${scrollRegion('legende-presences')}<table class="table table-stack">
    <caption id="legende-presences">${t.attendanceCaption}</caption>
    <thead><tr>${heads}${columnHeads([t.colSource, t.colDetail])}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <form method="post" action="${action}" class="card form form-wide section-gap" novalidate id="form-presence">
    <h3>${t.manualTitle}</h3>
    <p class="muted">${t.manualLead}</p>
    ${formError(ctx, t, data.state, 'presence')}
    ${csrfField(ctx)}
    <div class="field-row">
      ${select({ name: 'evenement', label: t.fieldEvent, value: v.evenement, error: e.evenement, options: events })}
      ${select({ name: 'statut', label: t.fieldStatus, value: v.statut, error: e.statut, options: statuses })}
    </div>
    <div class="field-row">
      ${minutesField}
      ${noteField}
    </div>
    <p><button type="submit" class="button">${t.saveAttendance}</button></p>
  </form>
</section>`;
}
