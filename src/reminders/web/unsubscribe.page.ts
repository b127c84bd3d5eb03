import { textFor, fmt } from '../../shared/text';
import { html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { urls } from '../../web/urls';
import { unsubscribeText } from './reminders.text';

export interface UnsubscribeView {
  state: 'ask' | 'done' | 'invalid';
  /** The signed link's values, carried by the form. */
  link?: { l: string; k: string; t: string };
  /** The kind's name as the e-mail's subject showed it, or its key. */
  kindLabel?: string;
  all?: boolean;
}

/** Opened from a reminder: a button confirms (a GET changes nothing: link scanners open links too). */
export function unsubscribePage(ctx: PageContext, v: UnsubscribeView): PageView {
  const t = textFor(unsubscribeText, ctx.lang);
  if (v.state === 'invalid')
    return { title: t.invalidTitle, status: 400, main: html`<h1>${t.invalidTitle}</h1><p>${t.invalidBody}</p>` };
  if (v.state === 'done') {
    const body = html`${v.all ? t.doneAll : t.doneKind} ${t.doneAwards}`;
    return { title: t.doneTitle, main: html`<h1>${t.title}</h1>${notice('success', t.doneTitle, body)}` };
  }
  const link = v.link!;
  const fields = html`${csrfField(ctx)}<input type="hidden" name="l" value="${link.l}">
<input type="hidden" name="k" value="${link.k}"><input type="hidden" name="t" value="${link.t}">`;
  const action = urls.unsubscribe();
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<p>${fmt(t.kind, { kind: v.kindLabel ?? link.k })}</p>
<form method="post" action="${action}">${fields}<button type="submit" class="button">${t.stopKind}</button></form>
<form method="post" action="${action}">${fields}<input type="hidden" name="tout" value="1">
<button type="submit" class="button button-secondary">${t.stopAll}</button></form>`,
  };
}
