import { Resvg } from '@resvg/resvg-js';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { badgeColor, badgeSvg, renderPng } from '../../src/ob3/badge-image';

describe('badge image', () => {
  it('is well-formed SVG with an accessible title naming the badge and "Parcours data"', () => {
    const svg = badgeSvg({
      key: 'data-juridique',
      name: 'data juridique',
      description: 'Atelier 1 — données & risques',
    });
    const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!;
    expect(root.getAttribute('role')).toBe('img');
    const title = root.getElementsByTagName('title')[0]!;
    expect(title.textContent).toBe('Badge « data juridique » — Parcours data');
    expect(root.getAttribute('aria-labelledby')).toContain(title.getAttribute('id'));
    expect(root.getElementsByTagName('desc')[0]!.textContent).toBe('Atelier 1 — données & risques');
    const texts = Array.from(root.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toEqual(['datajuridique', 'Parcours data']);
  });

  it('gives each badge its own colour, stable for unknown keys', () => {
    const colours = ['data-juridique', 'data-management', 'data-admin', 'parcours-data'].map(badgeColor);
    expect(new Set(colours).size).toBe(4);
    expect(badgeColor('un-autre')).toBe(badgeColor('un-autre'));
    expect(badgeColor('un-autre')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('escapes markup in names', () => {
    const svg = badgeSvg({ key: 'x', name: 'R&D <données>' });
    expect(() =>
      new DOMParser({
        onError: () => {
          throw new Error('bad');
        },
      }).parseFromString(svg, 'image/svg+xml'),
    ).not.toThrow();
    expect(svg).toContain('R&#38;D');
  });

  it('renders to a 128 px PNG in which the text is really drawn (font shipped with the code)', () => {
    const svg = badgeSvg({ key: 'data-admin', name: 'data admin' });
    const png = renderPng(svg, 128);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(128); // IHDR width
    // Same image without any text: the pixels must differ where the words are.
    const withText = new Resvg(svg, {
      fitTo: { mode: 'width', value: 128 },
      font: { loadSystemFonts: false },
    }).render();
    const drawn = renderPng(svg, 128);
    const noText = new Resvg(svg.replace(/<text[\s\S]*?<\/text>/g, ''), {
      fitTo: { mode: 'width', value: 128 },
    }).render();
    expect(drawn.equals(noText.asPng())).toBe(false);
    // And without a font resvg silently draws nothing: which is why renderPng ships one.
    expect(withText.asPng().equals(noText.asPng())).toBe(true);
  });
});
