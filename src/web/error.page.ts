import { html } from './html';
import { urls } from './urls';
import type { PageContext, PageView } from './layout';
import { errorPageText } from './layout.text';
import { fmt, textFor } from '../shared/text';

export function notFoundPage(ctx: PageContext, path: string): PageView {
  const t = textFor(errorPageText, ctx.lang);
  return {
    title: t.notFoundTitle,
    status: 404,
    main: html`<section class="narrow message-page">
  <p class="eyebrow">404</p>
  <h1>${t.notFoundTitle}</h1>
  <p class="lead">${fmt(t.notFoundBody, { path })}</p>
  <p><a class="button" href="${urls.home()}">${t.backHome}</a></p>
</section>`,
  };
}

export function forbiddenPage(ctx: PageContext, reason: 'organiser' | 'admin'): PageView {
  const t = textFor(errorPageText, ctx.lang);
  return {
    title: t.forbiddenTitle,
    status: 403,
    main: html`<section class="narrow message-page">
  <h1>${t.forbiddenTitle}</h1>
  <p class="lead">${reason === 'admin' ? t.forbiddenAdmin : t.forbiddenOrganiser}</p>
  <p class="actions">${
    reason === 'organiser' ? html`<a class="button" href="${urls.organiser.signIn()}">${t.organiserSignIn}</a>` : ''
  }<a class="button button-secondary" href="${urls.home()}">${t.backHome}</a></p>
</section>`,
  };
}

/** Any other refusal or failure: the API's message (same catalogue) and the request id for support. */
export function errorPage(
  ctx: PageContext,
  status: number,
  message: string,
  requestId: string,
  csrf = false,
): PageView {
  const t = textFor(errorPageText, ctx.lang);
  const title = csrf ? t.csrfTitle : t.errorTitle;
  return {
    title,
    status,
    main: html`<section class="narrow message-page">
  <h1>${title}</h1>
  <p class="lead">${csrf ? t.csrfBody : message}</p>
  <p class="muted small">${fmt(t.requestRef, { id: requestId })}</p>
  <p><a class="button" href="${urls.home()}">${t.backHome}</a></p>
</section>`,
  };
}
