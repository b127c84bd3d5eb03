/**
 * The one way to write what a person reads: errors, pages, e-mails, CSV headers. Each area declares
 * its words once, in `<area>.text.ts` (or `web/<page>.text.ts`), French first and English with the
 * same keys, checked by the type system and by tests/shared/text.test.ts.
 */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export type Params = Record<string, string | number | undefined>;
/** A text with `{param}` slots, or a function where wording depends on values (plurals, numbers). */
export type Entry = string | ((p: Params) => string);

export interface Text<K extends string = string, E extends Entry = Entry> {
  readonly name: string;
  readonly fr: Readonly<Record<K, E>>;
  readonly en: Readonly<Record<K, E>>;
  /** Keys meant to read the same in both languages (a brand name); the test allows only these. */
  readonly same: readonly K[];
}
/** Kept for the pages' signatures: a text whose entries are all plain strings. */
export type PageText<K extends string = string> = Text<K, string>;

/** Page style: one block of plain texts per language; `en` must have exactly the keys of `fr`. */
export function defineText<K extends string>(
  name: string,
  fr: Record<K, string>,
  en: NoInfer<Record<K, string>>,
  same: NoInfer<K>[] = [],
): PageText<K> {
  return { name, fr, en, same };
}

/** Catalogue style: one `{ fr, en }` pair per key (error codes, e-mails), so a key cannot miss a language. */
export function definePairs<K extends string>(name: string, pairs: Record<K, { fr: Entry; en: Entry }>): Text<K> {
  const pick = (lang: Lang) =>
    Object.fromEntries(Object.entries<{ fr: Entry; en: Entry }>(pairs).map(([k, v]) => [k, v[lang]])) as Record<
      K,
      Entry
    >;
  return { name, fr: pick('fr'), en: pick('en'), same: [] };
}

/** One entry in one language, its slots filled. */
export function say<K extends string>(text: Text<K>, lang: Lang, key: K, params: Params = {}): string {
  const entry = text[lang][key];
  return typeof entry === 'function' ? entry(params) : fmt(entry, params);
}

/** The words of one page in one language (templates read `t.key` and `fmt(t.key, …)`). */
export function textFor<K extends string, E extends Entry>(text: Text<K, E>, lang: Lang): Readonly<Record<K, E>> {
  return text[lang];
}

/** "{count} courriels" + {count: 3}; values are plain text, escaped later by `html`. */
export function fmt(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}
