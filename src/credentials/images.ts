import { createHash } from 'node:crypto';
import type { Lang } from '../shared/errors';
import type { BadgeDefinition } from '../programme/badge.schemas';
import type { Programme } from '../programme/load-programme';
import { badgeName } from '../badges/programme-context';
import { badgeSvg, escapeXml, renderPng } from '../ob3/badge-image';

export interface Image {
  body: Buffer;
  type: string;
  etag: string;
}

// Rendering a PNG costs tens of milliseconds: each image is drawn once per process.
const cache = new Map<string, Image>();

function cached(key: string, type: string, draw: () => Buffer | string): Image {
  let image = cache.get(key);
  if (!image) {
    const body = Buffer.from(draw());
    image = { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    cache.set(key, image);
  }
  return image;
}

/** "Parcours data" from "Parcours data — Région …": the banner holds about 16 characters. */
export function programmeLegend(programme: Programme, lang: Lang): string {
  const name = (lang === 'en' ? programme.issuer.i18n?.en?.name : undefined) ?? programme.issuer.name;
  const short = name.split(/\s+[—–-]\s+/)[0]!.trim();
  return short.length <= 16 ? short : 'Open Badge';
}

export function achievementSvg(programme: Programme, badge: BadgeDefinition, lang: Lang = 'fr'): Image {
  return cached(`svg:${badge.key}:${lang}`, 'image/svg+xml', () =>
    badgeSvg({
      key: badge.key,
      name: badgeName(badge, lang),
      legend: programmeLegend(programme, lang),
      description: lang === 'en' ? badge.i18n.en.description : badge.achievement.description,
    }),
  );
}

export function achievementPng(programme: Programme, badge: BadgeDefinition, lang: Lang = 'fr'): Image {
  return cached(`png:${badge.key}:${lang}`, 'image/png', () =>
    renderPng(achievementSvg(programme, badge, lang).body.toString('utf8'), 512),
  );
}

/** The issuer's logo: the programme's short name on a disc, in the platform blue. */
export function issuerSvg(programme: Programme): Image {
  return cached('svg:issuer', 'image/svg+xml', () => {
    const words = programmeLegend(programme, 'fr').split(/\s+/).slice(0, 3);
    const lines = words
      .map((w, i) => `<tspan x="128" y="${128 + (i - (words.length - 1) / 2) * 44 + 14}">${escapeXml(w)}</tspan>`)
      .join('');
    return (
      '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" ' +
      'aria-labelledby="issuer-title">' +
      `<title id="issuer-title">${escapeXml(programme.issuer.name)}</title>` +
      '<circle cx="128" cy="128" r="124" fill="#1d4ed8"/>' +
      '<circle cx="128" cy="128" r="108" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="4"/>' +
      '<text font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" font-size="40" fill="#ffffff" ' +
      `text-anchor="middle">${lines}</text></svg>`
    );
  });
}
