import type { Lang } from '../shared/errors';

/** One page's words in both languages; `en` must have exactly the keys of `fr` (checked by tsc). */
export interface PageText<K extends string = string> {
  readonly name: string;
  readonly fr: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
  /** Keys meant to read the same in both languages (a brand name); a test allows only these. */
  readonly same: readonly K[];
}

export function defineText<K extends string>(
  name: string,
  fr: Record<K, string>,
  en: NoInfer<Record<K, string>>,
  same: NoInfer<K>[] = [],
): PageText<K> {
  return { name, fr, en, same };
}

export function textFor<K extends string>(text: PageText<K>, lang: Lang): Readonly<Record<K, string>> {
  return text[lang];
}

/** "{count} courriels" + {count: 3}; values are plain text, escaped later by `html`. */
export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
