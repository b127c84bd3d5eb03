import { select, type FieldErrors } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { csrfField, type PageContext } from '../../web/layout';
import { importMappingText } from './import-mapping.text';
import { importText } from './import.text';
import { fmt, textFor } from '../../shared/text';
import {
  fieldLabel,
  MAPPING_FORM_FIELDS,
  MAPPING_DIGEST_FIELD,
  mappingDigest,
  type MappedFieldForm,
  type Mapping,
} from './import-mapping.form';
import { sameFileField } from './import.partials';

export interface MappingFormData {
  fileName: string;
  /** Column names read from the file itself. */
  headers: string[];
  /** What each select shows: the organiser's last choice, or a guess on first showing. */
  choices: Mapping;
}

/**
 * One select per field, grouped by what they say about a row. The file goes last, as in the
 * other import forms: app.js fills it with the file already chosen (`data-same-file`); without
 * script the organiser chooses it again. The form has `data-import-preview`, so its preview is
 * fetched in place and the file carries on into the confirmation.
 */
export function mappingForm(
  ctx: PageContext,
  action: string,
  accept: string,
  data: MappingFormData,
  errors: FieldErrors = {},
): Html {
  const t = textFor(importText, ctx.lang);
  const m = textFor(importMappingText, ctx.lang);
  const options = [{ value: '', label: m.none }, ...data.headers.map((h) => ({ value: h, label: h }))];
  const field = (f: MappedFieldForm) =>
    select({
      name: f.name,
      label: f.field === 'email' ? `${fieldLabel(ctx.lang, f.field)} ${m.required}` : fieldLabel(ctx.lang, f.field),
      hint: m[`hint.${f.field}`],
      value: data.choices[f.field] ?? '',
      options,
      error: errors[f.name],
      required: f.field === 'email',
    });
  const group = (g: MappedFieldForm['group']) => MAPPING_FORM_FIELDS.filter((f) => f.group === g).map(field);
  const sameFile = sameFileField(t, data.fileName, accept);
  const other = html`<a class="button button-secondary" href="${action}">${m.otherFile}</a>`;
  const multipart = attr`enctype="multipart/form-data"`;
  return html`<section aria-labelledby="titre-colonnes" class="card">
  <h2 id="titre-colonnes">${m.title}</h2>
  <p>${m.lead}</p>
  <form method="post" action="${action}" ${multipart} class="form form-wide" novalidate data-import-preview>
    ${csrfField(ctx)}
    <input type="hidden" name="etape" value="correspondance">
    <fieldset class="mapping-group">
      <legend>${m.personLegend}</legend>
      ${group('person')}
    </fieldset>
    <fieldset class="mapping-group" aria-describedby="colonnes-presence-aide">
      <legend>${m.presenceLegend}</legend>
      <p class="hint" id="colonnes-presence-aide">${m.presenceHint}</p>
      ${group('presence')}
    </fieldset>
    <p class="notice notice-success carried" data-carried hidden>${t.fileCarried}</p>
    <div data-same-file>${sameFile}</div>
    <p class="actions"><button type="submit" class="button">${m.submit}</button> ${other}</p>
  </form>
</section>`;
}

/** The previewed mapping, carried into the confirmation with its digest (checked before the commit). */
export function mappingHiddenFields(mapping: Mapping | undefined): Html | '' {
  if (!mapping) return '';
  const fields = MAPPING_FORM_FIELDS.map(
    (f) => html`<input type="hidden" name="${f.name}" value="${mapping[f.field] ?? ''}">`,
  );
  return html`${fields}
  <input type="hidden" name="${MAPPING_DIGEST_FIELD}" value="${mappingDigest(mapping)}">`;
}

/** The "what we read" line listing the chosen columns, so the preview says how the file was read. */
export function mappingFact(ctx: PageContext, mapping: Mapping | undefined): Html | '' {
  if (!mapping) return '';
  const m = textFor(importMappingText, ctx.lang);
  const lines = MAPPING_FORM_FIELDS.filter((f) => mapping[f.field]).map(
    (f) => html`<li>${fmt(m.usedLine, { field: fieldLabel(ctx.lang, f.field), column: mapping[f.field]! })}</li>`,
  );
  return html`<div><dt>${m.used}</dt><dd><ul class="mapping-used">${lines}</ul></dd></div>`;
}
