import { formatDay } from '../../shared/format';
import { fmt, textFor } from '../../shared/text';
import { html, type Html } from '../../web/html';
import { csrfField, type PageContext } from '../../web/layout';
import type { Db } from '../../db/client';
import { liveGrantsOf, type LiveGrant } from '../grants.service';
import { SCOPES } from '../scopes';
import { platformsText } from './platforms.text';

export const withdrawPath = (grantId: string) => `/mes-badges/acces/${encodeURIComponent(grantId)}/retirer`;

function grantItem(ctx: PageContext, g: LiveGrant): Html {
  const t = textFor(platformsText, ctx.lang);
  const scopes = [
    g.scope.includes(SCOPES.credentialRead) ? t.scopeCredentials : '',
    g.scope.includes(SCOPES.profileRead) ? t.scopeProfile : '',
  ].filter(Boolean);
  return html`<li class="card" data-grant="${g.id}">
  <h3><span data-user-text>${g.clientName}</span></h3>
  <p class="muted small"><code>${g.clientUri}</code></p>
  <p>${fmt(t.grantedOn, { date: formatDay(g.createdAt, ctx.lang) })} — ${t.scopesLabel} ${scopes.join(', ')}</p>
  <form method="post" action="${withdrawPath(g.id)}">
    ${csrfField(ctx)}
    <button type="submit" class="button button-secondary"
      aria-label="${fmt(t.withdrawLabel, { client: g.clientName })}">${t.withdraw}</button>
  </form>
</li>`;
}

/** « Mes badges »: the platforms the learner authorised (nothing when there are none). */
export async function authorisedPlatforms(services: { db: Db }, ctx: PageContext): Promise<Html> {
  if (ctx.viewer?.role !== 'learner') return html``;
  const grants = await liveGrantsOf(services.db, ctx.viewer.sub);
  if (grants.length === 0) return html``;
  const t = textFor(platformsText, ctx.lang);
  return html`<section class="platforms" aria-labelledby="plateformes">
  <h2 id="plateformes">${t.grantsTitle}</h2>
  <p>${t.grantsLead}</p>
  <ul class="credential-list">${grants.map((g) => grantItem(ctx, g))}</ul>
</section>`;
}
