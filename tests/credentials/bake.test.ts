import { crc32 } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { bakePng, extractPngCredential } from '../../src/ob3/bake-png';
import { bakeSvg, extractSvgCredential, OB_SVG_NAMESPACE } from '../../src/ob3/bake-svg';
import { badgeSvg, renderPng } from '../../src/ob3/badge-image';

/** A PNG chunk walker written for the test: length, type, data, and the CRC checked by zlib. */
function walkChunks(png: Buffer) {
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  return chunks;
}

/** iTXt layout (PNG spec 11.3.4.5): keyword\0 flag method language\0 translated\0 text. */
function readItxt(data: Buffer) {
  const k = data.indexOf(0);
  const flag = data[k + 1];
  const method = data[k + 2];
  const lang = data.indexOf(0, k + 3);
  const translated = data.indexOf(0, lang + 1);
  return { keyword: data.toString('latin1', 0, k), flag, method, text: data.toString('utf8', translated + 1) };
}

const credentialJson = JSON.stringify({ id: 'https://x.fr/c/1', name: 'data juridique — cœur ]]> « fin »' });
const jws = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
const png = renderPng(badgeSvg({ key: 'data-juridique', name: 'data juridique' }), 128);

describe('bakePng', () => {
  it('writes exactly one uncompressed iTXt openbadgecredential chunk, before IEND', () => {
    const baked = bakePng(png, credentialJson);
    const chunks = walkChunks(baked);
    const itxt = chunks.filter((c) => c.type === 'iTXt').map((c) => readItxt(c.data));
    expect(itxt).toHaveLength(1);
    expect(itxt[0]).toEqual({ keyword: 'openbadgecredential', flag: 0, method: 0, text: credentialJson });
    expect(chunks.at(-1)!.type).toBe('IEND');
    expect(chunks.at(-2)!.type).toBe('iTXt');
    // The image itself is untouched.
    const idat = (b: Buffer) =>
      Buffer.concat(
        walkChunks(b)
          .filter((c) => c.type === 'IDAT')
          .map((c) => c.data),
      );
    expect(idat(baked).equals(idat(png))).toBe(true);
  });

  it('replaces the chunk when re-baked, and extracts the text', () => {
    const twice = bakePng(bakePng(png, credentialJson), jws);
    expect(walkChunks(twice).filter((c) => c.type === 'iTXt')).toHaveLength(1);
    expect(extractPngCredential(twice)).toBe(jws);
    expect(extractPngCredential(png)).toBeUndefined();
  });

  it('refuses a PNG whose bytes were altered (CRC) with a 400', () => {
    const baked = bakePng(png, credentialJson);
    const at = baked.indexOf(Buffer.from('cœur'));
    baked[at] = 'C'.charCodeAt(0);
    expect(() => extractPngCredential(baked)).toThrow(
      expect.objectContaining({ code: 'VERIFY_INPUT_UNREADABLE', status: 400 }),
    );
  });
});

describe('bakeSvg', () => {
  const svg = badgeSvg({ key: 'data-admin', name: 'data admin' });

  it('declares the namespace on the root and makes the credential its first child, JSON in CDATA', () => {
    const baked = bakeSvg(svg, credentialJson);
    const root = new DOMParser().parseFromString(baked, 'image/svg+xml').documentElement!;
    expect(root.getAttribute('xmlns:openbadges')).toBe(OB_SVG_NAMESPACE);
    const first = root.firstChild as unknown as {
      namespaceURI: string;
      localName: string;
      childNodes: ArrayLike<{ nodeType: number; data: string }>;
    };
    expect(first.namespaceURI).toBe(OB_SVG_NAMESPACE);
    expect(first.localName).toBe('credential');
    expect(first.childNodes[0]!.nodeType).toBe(4); // CDATA_SECTION_NODE
    // "]]>" inside the data is escaped as \u003e: same JSON value, one intact CDATA section.
    expect(JSON.parse(first.childNodes[0]!.data)).toEqual(JSON.parse(credentialJson));
    expect(extractSvgCredential(baked)).toBe(credentialJson.replace(']]>', ']]\\u003e'));
    expect(JSON.parse(extractSvgCredential(baked)!)).toEqual(JSON.parse(credentialJson));
  });

  it('uses an empty element with verify="<jws>" for a JWT, and replaces an earlier credential', () => {
    const baked = bakeSvg(bakeSvg(svg, credentialJson), jws);
    const root = new DOMParser().parseFromString(baked, 'image/svg+xml').documentElement!;
    const elements = root.getElementsByTagNameNS(OB_SVG_NAMESPACE, 'credential');
    expect(elements.length).toBe(1);
    expect(elements[0]!.getAttribute('verify')).toBe(jws);
    expect(elements[0]!.childNodes.length).toBe(0);
    expect(extractSvgCredential(baked)).toBe(jws);
  });

  it('reads a credential split over several CDATA sections and ignores look-alikes in comments', () => {
    const handmade =
      '<?xml version="1.0"?><!-- <openbadges:credential verify="faux"/> -->' +
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB_SVG_NAMESPACE}">` +
      '<openbadges:credential><![CDATA[{"a":"]]]]><![CDATA[>"}]]></openbadges:credential>' +
      '<rect width="1" height="1"/></svg>';
    expect(JSON.parse(extractSvgCredential(handmade)!)).toEqual({ a: ']]>' });
  });

  it('refuses what is not well-formed SVG with a 400', () => {
    expect(() => extractSvgCredential('<svg><g></svg>')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => bakeSvg('<html></html>', jws)).toThrow(expect.objectContaining({ code: 'VERIFY_INPUT_UNREADABLE' }));
  });
});
