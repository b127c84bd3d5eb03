import { MAGIC_LINK_MINUTES } from '../auth.service';
import { errorSummary, input, type FieldErrors } from '../../web/forms';
import { html } from '../../web/html';
import { urls } from '../../web/urls';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { signInText } from './learner-sign-in.text';
import { fmt, textFor } from '../../shared/text';

export interface SignInForm {
  email?: string;
  /** The API's message when the request was refused (same catalogue as the JSON envelope). */
  message?: string;
  messageTitle?: string;
  errors?: FieldErrors;
  status?: number;
  /** The learner page to come back to after signing in. */
  next?: string;
}

export function signInPage(ctx: PageContext, form: SignInForm = {}): PageView {
  const t = textFor(signInText, ctx.lang);
  const failed = form.message || (form.errors && Object.keys(form.errors).length > 0);
  return {
    title: t.title,
    status: form.status,
    main: html`<section class="narrow">
  <h1>${t.heading}</h1>
  <p class="lead">${fmt(t.lead, { minutes: MAGIC_LINK_MINUTES })}</p>
  ${failed ? errorSummary(form.messageTitle ?? t.formErrorTitle, form.message ?? '', form.errors) : ''}
  <form method="post" action="${urls.signIn()}" class="card form" novalidate>
    ${csrfField(ctx)}
    ${form.next ? html`<input type="hidden" name="suite" value="${form.next}">` : ''}
    ${input({
      name: 'email',
      type: 'email',
      label: t.emailLabel,
      hint: t.emailHint,
      value: form.email,
      error: form.errors?.email,
      autocomplete: 'email',
      required: true,
      attrs: { inputmode: 'email', spellcheck: 'false' },
    })}
    <button type="submit" class="button">${t.submit}</button>
  </form>
  <p class="aside-link">${t.organiserHint} <a href="${urls.organiser.signIn()}">${t.organiserLink}</a></p>
</section>`,
  };
}

export function linkSentPage(ctx: PageContext, email: string): PageView {
  const t = textFor(signInText, ctx.lang);
  return {
    title: t.sentTitle,
    main: html`<section class="narrow message-page">
  <img class="message-icon" src="${ctx.assets.url('inbox.svg')}" alt="" width="72" height="72">
  <h1>${t.sentTitle}</h1>
  <p class="lead" role="status">${fmt(t.sentBody, { email, minutes: MAGIC_LINK_MINUTES })}</p>
  <p>${t.sentHint}</p>
  <p><a class="button button-secondary" href="${urls.signIn()}">${t.sendAgain}</a></p>
</section>`,
  };
}

/** GET of the e-mailed link: only a button. Mail scanners prefetch links; a POST is a person. */
export function confirmLinkPage(ctx: PageContext, token: string, next?: string): PageView {
  const t = textFor(signInText, ctx.lang);
  return {
    title: t.confirmTitle,
    main: html`<section class="narrow message-page">
  <h1>${t.confirmHeading}</h1>
  <p class="lead">${t.confirmBody}</p>
  <form method="post" action="${urls.signInLink()}">
    ${csrfField(ctx)}
    <input type="hidden" name="token" value="${token}">
    ${next ? html`<input type="hidden" name="suite" value="${next}">` : ''}
    <button type="submit" class="button button-large">${t.confirmSubmit}</button>
  </form>
  <p class="muted small">${t.confirmWhy}</p>
</section>`,
  };
}

export function signOutPage(ctx: PageContext): PageView {
  const t = textFor(signInText, ctx.lang);
  const submit = html`<button type="submit" class="button">${t.signOutSubmit}</button>`;
  return {
    title: t.signOutTitle,
    main: html`<section class="narrow message-page">
  <h1>${t.signOutTitle}</h1>
  <p class="lead">${t.signOutBody}</p>
  <form method="post" action="${urls.signOut()}">${csrfField(ctx)}${submit}</form>
</section>`,
  };
}
