import { html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { fmt, textFor } from '../../shared/text';
import type { AuthorizeRequest } from '../authorize.service';
import { OB3_PATHS, SCOPES } from '../scopes';
import { consentText } from './consent.text';

/** The consent: who asks (name, logo, site), what they will read, in plain words; allow or deny. */
export function consentPage(ctx: PageContext, request: AuthorizeRequest): PageView {
  const t = textFor(consentText, ctx.lang);
  const { client } = request;
  const name = client.name;
  const hidden = {
    client_id: client.id,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scope.join(' '),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  };
  const links = [
    client.tosUri ? html`<li><a href="${client.tosUri}" rel="noopener">${t.terms}</a></li>` : '',
    client.policyUri ? html`<li><a href="${client.policyUri}" rel="noopener">${t.policy}</a></li>` : '',
  ];
  const alt = fmt(t.logoAlt, { client: name });
  // The logo is the platform's own https image (the pages' CSP allows https images).
  const logo = client.logoUri
    ? html`<img class="consent-logo" src="${client.logoUri}" alt="${alt}" width="64" height="64">`
    : '';
  const fields = Object.entries(hidden).map(([key, value]) =>
    value === undefined ? '' : html`<input type="hidden" name="${key}" value="${value}">`,
  );
  return {
    title: t.title,
    main: html`<section class="narrow consent">
  ${logo}
  <h1><span data-user-text>${fmt(t.heading, { client: name })}</span></h1>
  <p>${t.site} <a href="${client.clientUri}" rel="noopener"><code>${client.clientUri}</code></a></p>
  <p>${fmt(t.wants, { client: name })}</p>
  <ul>
    ${request.scope.includes(SCOPES.credentialRead) ? html`<li>${t.scopeCredentials}</li>` : ''}
    ${request.scope.includes(SCOPES.profileRead) ? html`<li>${t.scopeProfile}</li>` : ''}
  </ul>
  <p>${t.shared}</p>
  ${links.some(Boolean) ? html`<ul class="small">${links}</ul>` : ''}
  <p class="muted small">${fmt(t.signedInAs, { email: ctx.viewer?.email ?? '' })}</p>
  <form method="post" action="${OB3_PATHS.authorize}" class="card form">
    ${csrfField(ctx)}
    ${fields}
    <button type="submit" class="button" name="decision" value="allow">${t.allow}</button>
    <button type="submit" class="button button-secondary" name="decision" value="deny">${t.deny}</button>
  </form>
</section>`,
  };
}

/** A request that cannot be answered by redirecting (unknown platform, unregistered redirect_uri). */
export function consentErrorPage(ctx: PageContext, message: string): PageView {
  const t = textFor(consentText, ctx.lang);
  return {
    title: t.errorTitle,
    status: 400,
    main: html`<section class="narrow message-page">
  <h1>${t.errorTitle}</h1>
  <p class="lead" role="alert">${message}</p>
  <p>${t.errorHint}</p>
</section>`,
  };
}
