import { fmt, textFor } from '../../shared/text';
import { html, type Html } from '../../web/html';
import { csrfField, notice, type PageContext } from '../../web/layout';
import { fileField, select } from '../../web/forms';
import { urls } from '../../web/urls';
import { remindersText } from './reminders.text';

export interface ReplayFormData {
  /** Webinars that declare a recording. */
  events: Array<{ key: string; label: string }>;
  result?: { recorded: number; alreadyAttended: number; invalid: number };
  error?: string;
}

/** Recording viewings as the `replay` attendance status, from a viewers export (multipart: the file last). */
export function replaySection(ctx: PageContext, data: ReplayFormData): Html | '' {
  if (data.events.length === 0) return '';
  const t = textFor(remindersText, ctx.lang);
  const r = data.result;
  const done = r
    ? notice(
        'success',
        t.replayDone,
        fmt(t.replayDoneBody, { recorded: r.recorded, already: r.alreadyAttended, invalid: r.invalid }),
      )
    : '';
  const error = data.error ? notice('error', t.replayError, data.error) : '';
  const options = data.events.map((e) => ({ value: e.key, label: e.label }));
  const file = fileField({
    name: 'fichier',
    label: t.fieldViewers,
    dropText: t.dropHere,
    chooseText: t.chooseFile,
    chosenText: t.chosenFile,
    accept: '.csv,text/csv',
    required: true,
  });
  return html`<h2 id="differe">${t.replayTitle}</h2>${done}${error}<p>${t.replayLead}</p>
<form method="post" action="${urls.organiser.remindersReplay()}" enctype="multipart/form-data" class="form">
${csrfField(ctx)}${select({ name: 'webinaire', label: t.fieldWebinar, options })}${file}
<button type="submit" class="button">${t.replayButton}</button></form>`;
}
