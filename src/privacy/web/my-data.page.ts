import { attr, html, type Html } from '../../web/html';
import { input } from '../../web/forms';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import type { Learner } from '../../learners/learners.service';
import { type MyListing, myListingSection } from '../../directory/web/my-listing.partial';
import { myDataText } from './my-data.text';

export const myDataPaths = {
  exportZip: '/mes-donnees/export.zip',
  identity: '/mes-donnees/identite',
  email: '/mes-donnees/courriel',
  erasure: '/mes-donnees/suppression',
} as const;

export type DoneKey = 'identity' | 'email' | 'erasure' | 'emailChanged' | 'listed' | 'withdrawn';

export interface MyDataView {
  learner: Learner;
  listing: MyListing;
  done?: DoneKey;
  error?: string;
}

const form = (ctx: PageContext, action: string, body: Html) =>
  html`<form method="post" action="${action}" class="form">${csrfField(ctx)}${body}</form>`;

/** « Mes données »: export, rectification, e-mail change, the directory, erasure. */
export function myDataPage(ctx: PageContext, v: MyDataView): PageView {
  const t = textFor(myDataText, ctx.lang);
  const { learner } = v;
  const done = v.done ? notice('success', t.doneTitle, t[`done.${v.done}`]) : '';
  const error = v.error ? notice('error', t.errorTitle, v.error) : '';
  const identity = form(
    ctx,
    myDataPaths.identity,
    html`${input({ name: 'nom', label: t.name, value: learner.name ?? '', autocomplete: 'name' })}
    ${input({ name: 'organisation', label: t.organisation, value: learner.organisation ?? '' })}
    <p class="actions"><button type="submit" class="button">${t.save}</button></p>`,
  );
  const email = form(
    ctx,
    myDataPaths.email,
    html`<p>${fmt(t.currentEmail, { email: learner.email })}</p>
    ${input({ name: 'email', label: t.newEmail, type: 'email', autocomplete: 'email', required: true })}
    <p class="actions"><button type="submit" class="button">${t.sendLink}</button></p>`,
  );
  const radio = (value: string, label: string, checked: boolean) =>
    html`<div class="checkbox"><input type="radio" id="choix-${value}" name="badges" value="${value}"${
      checked ? attr` checked` : ''
    }><label for="choix-${value}">${label}</label></div>`;
  const erase = form(
    ctx,
    myDataPaths.erasure,
    html`<fieldset><legend>${t.credentialsChoice}</legend>
    ${radio('garder', t.keepCredentials, true)}${radio('revoquer', t.revokeCredentials, false)}</fieldset>
    <p class="actions"><button type="submit" class="button button-danger">${t.eraseButton}</button></p>`,
  );
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
${done}${error}
<section class="card" aria-labelledby="titre-export"><h2 id="titre-export">${t.exportTitle}</h2>
  <p>${t.exportLead}</p>
  <p><a class="button" href="${myDataPaths.exportZip}" download>${t.exportButton}</a></p></section>
<section class="card" aria-labelledby="titre-identite">
  <h2 id="titre-identite">${t.identityTitle}</h2>${identity}</section>
<section class="card" aria-labelledby="titre-courriel"><h2 id="titre-courriel">${t.emailTitle}</h2>
  <p>${t.emailLead}</p>${email}</section>
${myListingSection(ctx, v.listing)}
<section class="card" aria-labelledby="titre-suppression"><h2 id="titre-suppression">${t.eraseTitle}</h2>
  <p>${t.eraseLead}</p>${erase}</section>
<p><a href="${urls.privacy()}">${t.noticeLink}</a></p>`,
  };
}

/** The page a confirmation link opens: one button (a link alone must not act: mail scanners follow links). */
export function confirmPage(
  ctx: PageContext,
  kind: 'email' | 'erasure',
  token: string,
  params: { email?: string } = {},
): PageView {
  const t = textFor(myDataText, ctx.lang);
  const title = kind === 'email' ? t.confirmEmailTitle : t.confirmEraseTitle;
  const lead = kind === 'email' ? fmt(t.confirmEmailLead, { email: params.email ?? '' }) : t.confirmEraseLead;
  const button = kind === 'email' ? t.confirmEmailButton : t.confirmEraseButton;
  const action = kind === 'email' ? myDataPaths.email : myDataPaths.erasure;
  return {
    title,
    main: html`<h1>${title}</h1><p>${lead}</p>
<form method="post" action="${action}/confirmer" class="card form">${csrfField(ctx)}
  <input type="hidden" name="token" value="${token}">
  <p class="actions"><button type="submit" class="${kind === 'erasure' ? 'button button-danger' : 'button'}">
    ${button}</button></p>
</form>`,
  };
}

export function messagePage(_ctx: PageContext, title: string, message: string, status = 200): PageView {
  return {
    title,
    status,
    main: html`<h1>${title}</h1><p>${message}</p><p><a href="${urls.home()}">${urls.home()}</a></p>`,
  };
}
