import type { Lang } from '../../src/shared/errors';
import { allTexts } from '../../src/web-areas';
import { templateStaticParts } from '../../src/web/html';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only: "Progress" is not in "Progression". */
const containsWords = (visible: string, fragment: string) =>
  new RegExp(`(?<!\\p{L})${escapeRegExp(fragment)}(?!\\p{L})`, 'u').test(visible);

/**
 * Dictionary text of the *other* language found in a page's visible text (a page in English
 * that shows "Se déconnecter" forgot to translate), plus any `{placeholder}` left unfilled.
 */
export function foreignText(visible: string, lang: Lang): string[] {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const found = new Set<string>();
  for (const text of allTexts) {
    for (const key of Object.keys(text.fr)) {
      if (text.same.includes(key) || text.fr[key] === text.en[key]) continue;
      // The language switch is written in the other language on purpose ("English" on a French page).
      if (text.name === 'layout' && key === 'langSwitch') continue;
      const fragments = text[other][key]!.split(/\{\w+\}/).map((f) => f.trim());
      // A whole short text ("Accueil") counts; a short piece between placeholders ("minutes.") may be shared.
      for (const f of fragments) {
        const long = fragments.length === 1 ? f.length >= 4 : f.length >= 10;
        if (long && containsWords(visible, f)) found.add(`${text.name}.${key}: ${f}`);
      }
    }
  }
  for (const m of visible.match(/\{\w+\}/g) ?? []) found.add(`placeholder ${m}`);
  return [...found];
}

/**
 * Words written straight into a template instead of coming from a dictionary: the static parts
 * of every `html` template rendered so far, tags and entities removed, must hold no letter;
 * nor may a user-facing attribute (alt, title, aria-label, placeholder).
 */
export function rawTemplateText(): string[] {
  const problems: string[] = [];
  for (const parts of templateStaticParts()) {
    const source = parts.join('\u0000');
    for (const m of source.matchAll(/\b(?:alt|title|aria-label|placeholder)="([^"]*)"/g)) {
      if (/\p{L}/u.test(m[1]!)) problems.push(`attribute: ${m[0]}`);
    }
    const text = source.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');
    // The NUL marks where an interpolation stood: a word stops there.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the placeholder this test inserts
    for (const word of text.match(/[^\s\u0000]*\p{L}[^\s\u0000]*/gu) ?? [])
      problems.push(`text: ${word} in ${JSON.stringify(parts[0]!.slice(0, 60))}`);
  }
  return problems;
}
