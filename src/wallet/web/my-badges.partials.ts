import { formatDateTime } from '../../shared/format';
import { fmt, textFor } from '../../shared/text';
import { html, type Html } from '../../web/html';
import { csrfField, type PageContext } from '../../web/layout';
import type { WalletPanel } from './wallet-panel.data';
import { walletText } from './wallet.text';

export const walletPaths = { exchange: '/mes-badges/portefeuille', name: '/mes-badges/nom' } as const;

/** « Mes badges », top: add every badge to a wallet, and the holder's name shown or not. */
export function walletPanel(ctx: PageContext, panel: WalletPanel): Html {
  const t = textFor(walletText, ctx.lang);
  const { name } = panel;
  const state = name.shown
    ? fmt(t.nameOn, { date: formatDateTime(new Date(name.decidedAt!), ctx.lang) })
    : name.name
      ? fmt(t.nameOff, { name: name.name })
      : t.nameMissing;
  const toggle =
    name.name || name.shown
      ? html`<form method="post" action="${walletPaths.name}">${csrfField(ctx)}
      <input type="hidden" name="shown" value="${name.shown ? 'off' : 'on'}">
      <button type="submit" class="button button-secondary">${name.shown ? t.hideName : t.showName}</button>
      <p class="small muted">${t.nameNote}</p></form>`
      : '';
  return html`<section class="card wallet-panel" id="portefeuille" aria-labelledby="titre-portefeuille">
  <h2 id="titre-portefeuille">${t.panelTitle}</h2>
  <p>${t.walletLead}</p>
  <form method="post" action="${walletPaths.exchange}">${csrfField(ctx)}
    <button type="submit" class="button">${t.addAll}</button></form>
  <h3 id="nom">${t.nameTitle}</h3>
  <p>${state}</p>
  ${toggle}
</section>`;
}

interface CardLike {
  id: string;
  name: string;
  status: 'active' | 'revoked';
  linkedInUrl: string;
}

/** The LinkedIn fields, as the « Ajouter au profil » link carries them, to copy by hand. */
function linkedInFields(ctx: PageContext, c: CardLike): Html {
  const t = textFor(walletText, ctx.lang);
  const q = new URL(c.linkedInUrl).searchParams;
  const month = (q.get('issueMonth') ?? '').padStart(2, '0');
  const rows: Array<[string, string]> = [
    [t.fieldName, q.get('name') ?? ''],
    [t.fieldOrganization, q.get('organizationName') ?? ''],
    [t.fieldIssued, `${month}/${q.get('issueYear') ?? ''}`],
    [t.fieldUrl, q.get('certUrl') ?? ''],
    [t.fieldId, q.get('certId') ?? ''],
  ];
  return html`<details class="linkedin-fields"><summary>${t.linkedInFields}</summary>
  <dl>${rows.map(
    ([label, value]) => html`<dt>${label}</dt><dd><input type="text" value="${value}" readonly
    aria-label="${label}" spellcheck="false"></dd>`,
  )}</dl></details>`;
}

/** Each badge on « Mes badges »: its wallet button, how many wallet copies exist, LinkedIn's fields. */
export function cardWallet(ctx: PageContext, c: CardLike, panel: WalletPanel): Html {
  if (c.status === 'revoked') return html``;
  const t = textFor(walletText, ctx.lang);
  const copies = panel.copies.get(c.id) ?? 0;
  return html`<div class="card-wallet">
  <form method="post" action="${walletPaths.exchange}">${csrfField(ctx)}
    <input type="hidden" name="credentialId" value="${c.id}">
    <button type="submit" class="button button-secondary"
      aria-label="${fmt(t.addOneLabel, { name: c.name })}">${t.addOne}</button></form>
  ${copies > 0 ? html`<p class="small muted">${fmt(t.copies, { count: copies })}</p>` : ''}
  ${linkedInFields(ctx, c)}
</div>`;
}

/** The public page: « Décerné à Prénom Nom » when the holder chose to show it, else the usual note. */
export function awardedTo(ctx: PageContext, holderName: string | null | undefined, fallback: string): Html {
  if (!holderName) return html`<p class="muted small">${fallback}</p>`;
  return html`<p class="holder-name">${fmt(textFor(walletText, ctx.lang).awardedTo, { name: holderName })}</p>`;
}
