import type { ManualPreview } from '../manual.service';
import { fmt, textFor } from '../../shared/text';
import { html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { urls } from '../../web/urls';
import { remindersText } from './reminders.text';

const RECIPIENTS_SHOWN = 100;

/**
 * The exact e-mail (subject and text, as the first recipient receives it), the count, and the
 * confirmation: the send is refused if the selection's size changed meanwhile.
 */
export function previewPage(
  ctx: PageContext,
  data: { preview: ManualPreview; event: { key: string; label: string }; error?: string; status?: number },
): PageView {
  const t = textFor(remindersText, ctx.lang);
  const { preview } = data;
  const count = preview.recipients.length;
  const error = data.error ? notice('error', t.errorTitle, data.error) : '';
  const unsubscribed = preview.unsubscribed
    ? html`<p>${fmt(t.previewUnsubscribed, { count: preview.unsubscribed })}</p>`
    : '';
  const list = preview.recipients.slice(0, RECIPIENTS_SHOWN).map((r) => html`<li>${r.email}</li>`);
  const more = count > RECIPIENTS_SHOWN ? html`<li>…</li>` : '';
  const sample = preview.sample;
  const mail = sample
    ? html`<h2>${fmt(t.previewMail, { email: preview.recipients[0]!.email })}</h2>
<div class="mail-preview" data-user-text><p><strong>${fmt(t.previewSubject, { subject: sample.subject })}</strong></p>
<pre class="mail-text">${sample.text}</pre></div>`
    : '';
  const confirm = count
    ? html`<form method="post" action="${urls.organiser.remindersSend()}">${csrfField(ctx)}
<input type="hidden" name="event" value="${data.event.key}">
<input type="hidden" name="rule" value="${preview.rule.key}">
<input type="hidden" name="expected" value="${String(count)}">
<button type="submit" class="button">${fmt(t.sendButton, { count })}</button></form>`
    : html`<p class="empty">${t.previewNobody}</p>`;
  return {
    title: t.previewTitle,
    status: data.status,
    main: html`<h1>${t.previewTitle}</h1>${error}
<p class="lead">${fmt(t.previewCount, { count, event: data.event.label })}</p>${unsubscribed}
${count ? html`<h2>${t.previewRecipients}</h2><ul class="recipients">${list}${more}</ul>` : ''}
${mail}
${confirm}
<p><a href="${urls.organiser.reminders()}">${t.back}</a></p>`,
  };
}
