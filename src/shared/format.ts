import type { Lang } from './errors';

/** The one place a language becomes a locale for Intl. */
export const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** Organiser tables show times where the programme happens. */
export const DISPLAY_TIME_ZONE = 'Europe/Paris';

/** "jeudi 12 mars 2026" / "Thursday 12 March 2026". */
export function formatDay(date: Date, lang: Lang, timeZone = DISPLAY_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeZone }).format(date);
}

/** "10:00 – 12:00" in the event's own zone. */
export function formatTimeRange(start: Date, end: Date | null, lang: Lang, timeZone = DISPLAY_TIME_ZONE): string {
  const f = new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short', timeZone });
  return end ? `${f.format(start)} – ${f.format(end)}` : f.format(start);
}

/** "12 mars 2026, 10:00" / "12 Mar 2026, 10:00". */
export function formatDateTime(date: Date, lang: Lang, timeZone = DISPLAY_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Building an Intl formatter costs about a millisecond; rules explain thousands of conditions.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat(locale('fr'), { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(locale('en'), { maximumFractionDigits: 1 }),
};

/**
 * "12/03/2026" (fr) or "12 Mar 2026" (en). A bare `YYYY-MM-DD` is a calendar date and is not
 * shifted; a full timestamp is shown as the date it was in `timeZone` (a late-evening UTC replay
 * is already the next day in Paris). Anything else is returned as given.
 */
export function formatDate(date: string, lang: Lang, timeZone: string): string {
  const plain = DATE_ONLY.exec(date);
  const instant = plain ? new Date(Date.UTC(+plain[1]!, +plain[2]! - 1, +plain[3]!)) : new Date(date);
  if (Number.isNaN(instant.getTime())) return date;
  const zone = plain ? 'UTC' : timeZone;
  const key = `${lang}|${zone}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      lang === 'fr'
        ? { day: '2-digit', month: '2-digit', year: 'numeric' }
        : { day: 'numeric', month: 'short', year: 'numeric' };
    format = new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: zone });
    dateFormats.set(key, format);
  }
  return format.format(instant);
}

/** "66,7" (fr) or "66.7" (en): at most one decimal, as scores are stored. */
export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}

/** When something opens: "12/03/2026 10:00" (fr) or "12 Mar 2026, 10:00" (en), in `timeZone`. */
export function formatOpening(date: Date, lang: Lang, timeZone = DISPLAY_TIME_ZONE): string {
  const dateStyle = lang === 'fr' ? 'short' : 'medium';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle, timeStyle: 'short', timeZone }).format(date);
}
