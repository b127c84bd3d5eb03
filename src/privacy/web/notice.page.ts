import { html } from '../../web/html';
import type { PageContext, PageView } from '../../web/layout';
import { textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import type { PrivacyConfig } from '../privacy.config';
import { PROCESSINGS } from '../register';
import { noticeText } from './notice.text';

/** The privacy notice (art. 13 RGPD), from the same description as the register of processing. */
export function noticePage(ctx: PageContext, privacy: PrivacyConfig): PageView {
  const t = textFor(noticeText, ctx.lang);
  const d = privacy.retentionDays;
  const { controller, dpo } = privacy;
  const sections = PROCESSINGS.map(
    (p, i) => html`<section class="card" aria-labelledby="traitement-${i}">
  <h3 id="traitement-${i}">${p.name}</h3>
  <dl class="facts">
    <div><dt>${t.purpose}</dt><dd>${p.purpose}</dd></div>
    <div><dt>${t.legalBasis}</dt><dd>${p.legalBasis}</dd></div>
    <div><dt>${t.people}</dt><dd>${p.people}</dd></div>
    <div><dt>${t.recipients}</dt><dd>${p.recipients}</dd></div>
  </dl>
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">${t.colTable}</th><th scope="col">${t.colDuration}</th></tr></thead>
    <tbody>${p.tables.map((tb) => html`<tr><td>${tb.data}</td><td>${tb.duration(d)}</td></tr>`)}</tbody>
  </table></div>
</section>`,
  );
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<section class="card" aria-labelledby="titre-responsable">
  <h2 id="titre-responsable">${t.controller}</h2>
  <p>${controller.name}<br>${controller.address}<br><a href="mailto:${controller.email}">${controller.email}</a></p>
  <h2>${t.dpo}</h2>
  <p>${dpo.name} — <a href="mailto:${dpo.email}">${dpo.email}</a></p>
</section>
<section class="card" aria-labelledby="titre-droits">
  <h2 id="titre-droits">${t.rights}</h2>
  <p>${t.rightsBody}</p>
  <p><a href="${urls.myData()}">${t.myData}</a></p>
</section>
<h2>${t.processings}</h2>
<p>${t.frenchOnly}</p>
<div lang="fr">${sections}</div>`,
  };
}
