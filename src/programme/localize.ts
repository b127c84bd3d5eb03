import type { Lang } from '../shared/errors';

export const LANGS: readonly Lang[] = ['fr', 'en'];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "12/03/2026" (fr) or "12 Mar 2026" (en). A bare `YYYY-MM-DD` is a calendar date and is not
 * shifted; a full timestamp is shown as the date it was in `timeZone` (a late-evening UTC replay
 * is already the next day in Paris).
 */
export function formatDate(date: string, lang: Lang, timeZone: string): string {
  const plain = DATE_ONLY.exec(date);
  const instant = plain ? new Date(Date.UTC(+plain[1]!, +plain[2]! - 1, +plain[3]!)) : new Date(date);
  if (Number.isNaN(instant.getTime())) return date;
  return dateFormat(lang, plain ? 'UTC' : timeZone).format(instant);
}

/** "66,7" (fr) or "66.7" (en): at most one decimal, as scores are stored. */
export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}

// Building an Intl formatter costs about a millisecond; rules explain thousands of conditions.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      lang === 'fr'
        ? { day: '2-digit', month: '2-digit', year: 'numeric' }
        : { day: 'numeric', month: 'short', year: 'numeric' };
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { ...options, timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};
