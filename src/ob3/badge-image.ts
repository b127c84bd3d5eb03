import { createHash } from 'node:crypto';
import { projectPath } from '../shared/paths';
import { Resvg } from '@resvg/resvg-js';

/**
 * The badge artwork: a medal in the badge's colour hanging from two ribbon tails, crossed by a
 * white banner. Sizes are chosen for a 128 px display (1/4 of the 512 viewBox): the name is
 * about 13 px or more there and the "Parcours data" banner text 11.5 px, bold.
 * White on the badge colour and badge colour on white both stay above WCAG AA 4.5:1, because
 * every colour below (and the hash fallback, lightness 30 %) is dark.
 */
const PALETTE: Record<string, string> = {
  'data-juridique': '#1d4e89',
  'data-management': '#6b2c8c',
  'data-admin': '#0f6b4f',
  'parcours-data': '#9a3412',
};
const FONT_FAMILY = 'DejaVu Sans';
// Shipped with the code (Bitstream Vera licence, see fonts/DejaVu-LICENSE.txt): resvg draws no
// text at all without a font, and a fresh Debian image may have none.
const FONT_FILE = projectPath('src', 'ob3', 'fonts', 'DejaVuSans-Bold.ttf');

export interface BadgeImageInput {
  /** Badge key (`data-juridique`): picks the colour and makes element ids unique. */
  key: string;
  name: string;
  legend?: string;
  color?: string;
  description?: string;
}

export function badgeColor(key: string): string {
  const known = PALETTE[key];
  if (known) return known;
  const hue = createHash('sha256').update(key).digest().readUInt16BE(0) % 360;
  return hslToHex(hue, 0.55, 0.3);
}

export function badgeSvg(input: BadgeImageInput): string {
  const color = input.color ?? badgeColor(input.key);
  const dark = shade(color, 0.35);
  const legend = input.legend ?? 'Parcours data';
  const id = `badge-${input.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const lines = wrap(input.name, 11).slice(0, 3);
  const longest = Math.max(...lines.map((l) => l.length), 1);
  // ~0.64 em per glyph in DejaVu Sans Bold; the inner ring leaves ~330 units of width.
  const size = Math.min(72, Math.floor(330 / (longest * 0.64)));
  const lineHeight = Math.round(size * 1.1);
  const firstBaseline = 196 - ((lines.length - 1) * lineHeight) / 2 + Math.round(size * 0.36);
  const tspans = lines
    .map((line, i) => `<tspan x="256" y="${firstBaseline + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  const title = `Badge « ${input.name} » — ${legend}`;
  const labelledBy = `${id}-title${input.description ? ` ${id}-desc` : ''}`;
  const font = `font-family="${FONT_FAMILY}, Arial, sans-serif" font-weight="bold"`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512" role="img" ',
    `aria-labelledby="${labelledBy}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    input.description ? `<desc id="${id}-desc">${escapeXml(input.description)}</desc>` : '',
    `<path d="M150 300H226V510L188 480L150 510Z" fill="${dark}"/>`,
    `<path d="M286 300H362V510L324 480L286 510Z" fill="${dark}"/>`,
    `<circle cx="256" cy="204" r="200" fill="${color}"/>`,
    `<circle cx="256" cy="204" r="178" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="6"/>`,
    `<text ${font} font-size="${size}" fill="#ffffff" text-anchor="middle">${tspans}</text>`,
    `<path d="M12 372H500L478 412L500 452H12L34 412Z" fill="#ffffff" stroke="${dark}" stroke-width="6"/>`,
    `<text x="256" y="428" ${font} font-size="46" fill="${dark}" text-anchor="middle">${escapeXml(legend)}</text>`,
    '</svg>',
  ].join('');
}

/** SVG → PNG with resvg and the shipped font only: same pixels on every machine. */
export function renderPng(svg: string, width = 512): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** Greedy word wrap; a word longer than the width stays whole (the font size shrinks instead). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount));
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

function hslToHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return `#${[0, 8, 4]
    .map((n) =>
      Math.round(f(n) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
