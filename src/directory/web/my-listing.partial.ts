import { attr, html, type Html } from '../../web/html';
import { input } from '../../web/forms';
import { csrfField, type PageContext } from '../../web/layout';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import type { myDirectory } from '../directory.service';
import { directoryPageText } from './directory.text';

export type MyListing = Awaited<ReturnType<typeof myDirectory>>;

export const directoryPaths = { join: '/relais/inscription', withdraw: '/relais/retrait' } as const;

/** The directory section of « Mes données »: off by default, consent box, one-click withdrawal. */
export function myListingSection(ctx: PageContext, mine: MyListing): Html {
  const t = textFor(directoryPageText, ctx.lang);
  const listed = Boolean(mine.entry?.listed);
  const head = html`<h2 id="titre-annuaire">${t.sectionTitle}</h2>
  <p>${listed ? t.listedNow : t.notListed} <a href="${urls.directory()}">${t.seeDirectory}</a></p>`;
  if (!mine.eligible)
    return html`<section class="card" aria-labelledby="titre-annuaire">${head}<p>${t.notEligible}</p></section>`;
  const checked = mine.entry?.showSignInEmail ? attr` checked` : '';
  const withdraw = listed
    ? html`<form method="post" action="${directoryPaths.withdraw}">${csrfField(ctx)}
  <button type="submit" class="button button-secondary" id="retrait-annuaire">${t.withdrawButton}</button></form>`
    : '';
  return html`<section class="card" aria-labelledby="titre-annuaire">${head}
<form method="post" action="${directoryPaths.join}" class="form">
  ${csrfField(ctx)}
  ${input({ name: 'collectivite', label: t.collectivite, value: mine.collectivite })}
  ${input({ name: 'departement', label: t.department, value: mine.department, hint: t.departmentHint, required: true })}
  ${input({
    name: 'contact',
    label: t.contactEmail,
    type: 'email',
    value: mine.entry?.contactEmail ?? '',
    hint: t.contactHint,
  })}
  <div class="checkbox"><input type="checkbox" id="champ-afficher" name="afficher" value="oui"${checked}>
    <label for="champ-afficher">${fmt(t.showSignInEmail, { email: mine.signInEmail })}</label></div>
  ${
    listed
      ? ''
      : html`<div class="checkbox">
    <input type="checkbox" id="champ-consentement" name="consentement" value="oui" required>
    <label for="champ-consentement">${t.consent}</label></div>`
  }
  <p class="actions"><button type="submit" class="button">${listed ? t.updateButton : t.joinButton}</button></p>
</form>
${withdraw}
</section>`;
}
