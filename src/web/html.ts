import { escapeHtml } from '../shared/html';

/** Markup that is already safe: produced by `html` or deliberately trusted with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export type Html = SafeHtml;
type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

// Every template's static parts, so a test can check that none carries words of its own:
// all text must come from the fr/en dictionaries (bounded: one entry per call site).
const staticParts = new Set<readonly string[]>();
export const templateStaticParts = (): ReadonlySet<readonly string[]> => staticParts;

function render(value: Part): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(value);
}

function build(strings: TemplateStringsArray, values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Tagged template that escapes every interpolated value unless it is SafeHtml: XSS-safe by construction. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  staticParts.add(strings);
  return build(strings, values);
}

/** Same escaping, for attribute fragments (` aria-current="page"`): markup only, never words. */
export function attr(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  return build(strings, values);
}

export const raw = (markup: string) => new SafeHtml(markup);
