import { errorSummary, fileField } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { verifierText } from './credentials.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { checksList, signerNotice, verdictBanner, type VerificationView } from './credential.partials';

export interface VerifierData {
  pasted?: string;
  /**
   * The checks of the credential just sent, with what was read from it. `issuerName` is kept for
   * callers that still pass it: the page shows who signed (`signer`), never a name alone.
   */
  result?: VerificationView & { format: string; badgeName?: string; issuerName?: string };
  errors?: Record<string, string>;
  message?: string;
  status?: number;
}

function form(ctx: PageContext, data: VerifierData): Html {
  const t = textFor(verifierText, ctx.lang);
  const error = data.errors?.credential;
  const errorLine = error ? html`<p class="field-error" id="champ-credential-erreur">${error}</p>` : '';
  const describedBy = `champ-credential-aide${error ? ' champ-credential-erreur' : ''}`;
  const file = fileField({
    name: 'fichier',
    label: t.fileLabel,
    hint: t.fileHint,
    dropText: t.dropHere,
    chooseText: t.chooseFile,
    chosenText: t.chosenFile,
    accept: '.png,.svg,image/png,image/svg+xml',
    attrs: { 'data-submit-on-drop': 'true' },
  });
  return html`<form method="post" action="${urls.verifier()}" enctype="multipart/form-data"
  class="card form form-wide" novalidate data-verify-form>
  ${csrfField(ctx)}
  <div class="field${error ? ' field-invalid' : ''}">
    <label for="champ-credential">${t.pasteLabel}</label>
    <p class="hint" id="champ-credential-aide">${t.pasteHint}</p>${errorLine}
    <textarea id="champ-credential" name="credential" rows="5" spellcheck="false"
      aria-describedby="${describedBy}"${error ? attr` aria-invalid="true"` : ''}>${data.pasted ?? ''}</textarea>
  </div>
  ${file}
  <p><button type="submit" class="button">${t.submit}</button></p>
  <p class="muted small">${t.privacy}</p>
</form>`;
}

export function verifierPage(ctx: PageContext, data: VerifierData = {}): PageView {
  const t = textFor(verifierText, ctx.lang);
  const r = data.result;
  const failed = data.message || (data.errors && Object.keys(data.errors).length > 0);
  return {
    title: t.title,
    status: data.status,
    // With a result, the result comes first: the explanation is for the empty form.
    main: html`<h1>${t.title}</h1>
${r ? '' : html`<p class="lead">${t.lead}</p>`}
${failed ? errorSummary(t.errorTitle, data.message ?? '', data.errors) : ''}
${
  r
    ? html`<section aria-labelledby="titre-resultat" class="verification-result" id="resultat" tabindex="-1">
  <h2 id="titre-resultat">${t.resultTitle}</h2>
  ${verdictBanner(ctx, r)}
  ${signerNotice(ctx, r)}
  <ul class="plain-list facts-list">
    <li>${fmt(t.format, { format: r.format.toUpperCase() })}</li>
    ${r.badgeName ? html`<li>${fmt(t.badge, { name: r.badgeName })}</li>` : ''}
  </ul>
  ${checksList(ctx, r)}
</section>
<h2>${t.another}</h2>`
    : ''
}
${form(ctx, data)}`,
  };
}
