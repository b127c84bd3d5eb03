import { errorSummary, input, type FieldErrors } from '../../web/forms';
import { html } from '../../web/html';
import { urls } from '../../web/urls';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { organiserSignInText } from './organiser-sign-in.text';
import { textFor } from '../../shared/text';

export interface OrganiserSignInForm {
  email?: string;
  next: string;
  message?: string;
  errors?: FieldErrors;
  status?: number;
}

export function organiserSignInPage(ctx: PageContext, form: OrganiserSignInForm): PageView {
  const t = textFor(organiserSignInText, ctx.lang);
  const failed = form.message || (form.errors && Object.keys(form.errors).length > 0);
  return {
    title: t.title,
    status: form.status,
    main: html`<section class="narrow">
  <h1>${t.title}</h1>
  <p class="lead">${t.lead}</p>
  ${failed ? errorSummary(t.formErrorTitle, form.message ?? '', form.errors) : ''}
  <form method="post" action="${urls.organiser.signIn()}" class="card form" novalidate>
    ${csrfField(ctx)}
    <input type="hidden" name="suite" value="${form.next}">
    ${input({
      name: 'email',
      type: 'email',
      label: t.emailLabel,
      value: form.email,
      error: form.errors?.email,
      autocomplete: 'username',
      required: true,
      attrs: { spellcheck: 'false' },
    })}
    ${input({
      name: 'password',
      type: 'password',
      label: t.passwordLabel,
      error: form.errors?.password,
      autocomplete: 'current-password',
      required: true,
    })}
    <button type="submit" class="button">${t.submit}</button>
  </form>
  <p class="aside-link">${t.learnerHint} <a href="${urls.signIn()}">${t.learnerLink}</a></p>
</section>`,
  };
}
