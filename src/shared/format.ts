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
