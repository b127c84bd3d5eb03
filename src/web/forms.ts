import { attr, html, type Html } from './html';

/** Field name → message, shown beside the field and in the summary at the top of the form. */
export type FieldErrors = Record<string, string>;

interface FieldBase {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

export interface InputField extends FieldBase {
  type?: 'text' | 'email' | 'password' | 'number' | 'datetime-local' | 'hidden';
  value?: string;
  autocomplete?: string;
  attrs?: Record<string, string | number>;
}

const fieldId = (name: string) => `champ-${name}`;

function described(f: FieldBase): Html | '' {
  const ids = [f.hint ? `${fieldId(f.name)}-aide` : '', f.error ? `${fieldId(f.name)}-erreur` : '']
    .filter(Boolean)
    .join(' ');
  return ids ? attr` aria-describedby="${ids}"` : '';
}

function aside(f: FieldBase): Html {
  const hint = f.hint ? html`<p class="hint" id="${fieldId(f.name)}-aide">${f.hint}</p>` : '';
  const error = f.error ? html`<p class="field-error" id="${fieldId(f.name)}-erreur">${f.error}</p>` : '';
  return html`${hint}${error}`;
}

/** ` required` and ` aria-invalid="true"`, as the field asks. */
function flags(f: FieldBase): Html {
  return attr`${f.required ? attr` required` : ''}${f.error ? attr` aria-invalid="true"` : ''}`;
}

export function input(f: InputField): Html {
  const id = fieldId(f.name);
  const attrs = Object.entries(f.attrs ?? {}).map(([k, v]) => attr` ${k}="${v}"`);
  return html`<div class="field${f.error ? ' field-invalid' : ''}">
  <label for="${id}">${f.label}</label>${aside(f)}
  <input id="${id}" name="${f.name}" type="${f.type ?? 'text'}" value="${f.value ?? ''}"${
    f.autocomplete ? attr` autocomplete="${f.autocomplete}"` : ''
  }${flags(f)}${described(f)}${attrs}>
</div>`;
}

export interface SelectField extends FieldBase {
  value?: string;
  options: Array<{ value: string; label: string }>;
}

export function select(f: SelectField): Html {
  const id = fieldId(f.name);
  const options = f.options.map(
    (o) => html`<option value="${o.value}"${o.value === f.value ? attr` selected` : ''}>${o.label}</option>`,
  );
  return html`<div class="field${f.error ? ' field-invalid' : ''}">
  <label for="${id}">${f.label}</label>${aside(f)}
  <select id="${id}" name="${f.name}"${flags(f)}${described(f)}>${options}</select>
</div>`;
}

/** GOV.UK-style summary: the API's message, then one link per field in error. Focused by app.js. */
export function errorSummary(title: string, message: string, errors: FieldErrors = {}): Html {
  const links = Object.entries(errors).map(([name, text]) => html`<li><a href="#${fieldId(name)}">${text}</a></li>`);
  return html`<div class="notice notice-error error-summary" role="alert" tabindex="-1" id="erreurs">
  <p class="notice-title">${title}</p>${message ? html`<p>${message}</p>` : ''}${
    links.length ? html`<ul>${links}</ul>` : ''
  }
</div>`;
}

/** A form body as plain strings (urlencoded forms only ever send strings). */
export function formBody(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export interface FileField extends FieldBase {
  accept?: string;
  /** Words of the drop zone, shown once app.js makes the zone accept dropped files. */
  dropText: string;
  /** The button that opens the file picker once app.js hides the browser's own control. */
  chooseText: string;
  chosenText: string;
  attrs?: Record<string, string | number>;
}

/**
 * A file input that works everywhere; app.js turns its box into a drop zone and names the
 * chosen file. Keep it last in its form: multipart fields before it are read first (multipart.ts).
 */
export function fileField(f: FileField): Html {
  const id = fieldId(f.name);
  const attrs = Object.entries(f.attrs ?? {}).map(([k, v]) => attr` ${k}="${v}"`);
  return html`<div class="field field-file${f.error ? ' field-invalid' : ''}">
  <label for="${id}">${f.label}</label>${aside(f)}
  <div class="dropzone" data-dropzone>
    <p class="dropzone-text" data-drop-text hidden>${f.dropText}</p>
    <input id="${id}" name="${f.name}" type="file"${
      f.accept ? attr` accept="${f.accept}"` : ''
    }${flags(f)}${described(f)}${attrs}>
    <label for="${id}" class="button button-secondary dropzone-button" data-choose hidden>${f.chooseText}</label>
    <p class="dropzone-chosen" data-chosen hidden>${f.chosenText} <strong></strong></p>
  </div>
</div>`;
}
