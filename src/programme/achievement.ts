import type { Lang } from '../shared/errors';
import type { AchievementFile, BadgeDefinition } from './badge.schemas';

/** An OB 3.0 Achievement ready to embed in a credential (1EdTech schema: `id` is required). */
export type ResolvedAchievement = AchievementFile & { id: string };

/**
 * Paths in badge files (`/achievements/x/image.svg`) are relative to the public base URL, which
 * may itself carry a path prefix, hence a join rather than `new URL(path, base)`.
 */
export function resolveUrl(urlOrPath: string, baseUrl: string): string {
  return urlOrPath.startsWith('/') ? baseUrl.replace(/\/+$/, '') + urlOrPath : urlOrPath;
}

export function achievementId(key: string, baseUrl: string): string {
  return resolveUrl(`/achievements/${key}`, baseUrl);
}

/** The badge's Achievement with absolute URLs, in French (as written) or English (from i18n.en). */
export function achievementFor(badge: BadgeDefinition, baseUrl: string, lang: Lang = 'fr'): ResolvedAchievement {
  const a = badge.achievement;
  const en = lang === 'en' ? badge.i18n.en : undefined;
  const caption = en?.caption ?? a.image.caption;
  const criteria = {
    ...a.criteria,
    narrative: en?.criteria.narrative ?? a.criteria.narrative,
    ...(a.criteria.id ? { id: resolveUrl(a.criteria.id, baseUrl) } : {}),
  };
  return {
    ...a,
    id: achievementId(badge.key, baseUrl),
    ...(en ? { name: en.name, description: en.description, inLanguage: 'en' } : {}),
    criteria,
    image: { ...a.image, id: resolveUrl(a.image.id, baseUrl), ...(caption ? { caption } : {}) },
    ...(a.alignment
      ? { alignment: a.alignment.map((al) => ({ ...al, targetUrl: resolveUrl(al.targetUrl, baseUrl) })) }
      : {}),
  };
}
