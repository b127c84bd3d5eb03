import type { Lang } from './errors';

/** French first: English only when the client prefers it over French. */
export function pickLang(acceptLanguage: string | undefined, explicit?: string): Lang {
  if (explicit === 'en' || explicit === 'fr') return explicit;
  if (!acceptLanguage) return 'fr';
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((r) => r.base === 'fr' || r.base === 'en')
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.base === 'en' ? 'en' : 'fr';
}
