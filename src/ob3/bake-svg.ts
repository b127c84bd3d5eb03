import { DOMParser, XMLSerializer, onErrorStopParsing, type Document, type Element } from '@xmldom/xmldom';
import { AppError } from '../shared/errors';

/**
 * OB 3.0 "Baked Badge", SVG (OB 3.0 Baked Badge, docformat.md): the root <svg> declares
 * xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" and its first child is the one
 * <openbadges:credential>: empty with verify="<compact JWS>" for a JWT, the JSON in CDATA
 * for an embedded proof. A real XML parser (@xmldom/xmldom) does the work, so comments,
 * a DOCTYPE, attributes holding ">" or markup inside CDATA cannot fool it.
 */
export const OB_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function parseSvg(svg: string): Document {
  let document: Document;
  try {
    // onErrorStopParsing: a recoverable XML error is still a broken file here.
    document = new DOMParser({ onError: onErrorStopParsing }).parseFromString(svg, 'image/svg+xml');
  } catch {
    throw new AppError('VERIFY_INPUT_UNREADABLE', 400, { format: 'svg' });
  }
  if (document.documentElement?.localName !== 'svg') {
    throw new AppError('VERIFY_INPUT_UNREADABLE', 400, { format: 'svg' });
  }
  return document;
}

function credentialElements(root: Element): Element[] {
  return Array.from(root.getElementsByTagNameNS(OB_SVG_NAMESPACE, 'credential'));
}

/**
 * "]]>" would close the CDATA section early. In JSON it can only sit inside a string (">" is
 * not JSON syntax), where "\u003e" is the same character: the parsed credential, and so its
 * proof, are unchanged, and readers that take the single CDATA node still get all of it.
 */
export function escapeForCdata(json: string): string {
  return json.replaceAll(']]>', ']]\\u003e');
}

/** Bakes a JSON credential or a compact JWS into `svg`, replacing any credential already there. */
export function bakeSvg(svg: string, credential: string): string {
  const document = parseSvg(svg);
  const root = document.documentElement!;
  for (const old of credentialElements(root)) old.parentNode?.removeChild(old);
  root.setAttributeNS(XMLNS, 'xmlns:openbadges', OB_SVG_NAMESPACE);
  const element = document.createElementNS(OB_SVG_NAMESPACE, 'openbadges:credential');
  const text = credential.trim();
  if (COMPACT_JWS.test(text)) {
    element.setAttribute('verify', text);
  } else {
    // The CDATA escape below is only meaning-preserving for JSON.
    try {
      JSON.parse(text);
    } catch {
      throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field: 'credential' });
    }
    element.appendChild(document.createCDATASection(escapeForCdata(text)));
  }
  // First child, before any whitespace text node, so no reader can miss it.
  root.insertBefore(element, root.firstChild);
  return new XMLSerializer().serializeToString(document);
}

/**
 * Markup an untrusted SVG may hold before we parse it. @xmldom builds the whole tree (≈2 kB per
 * element: 400,000 `<g/>` in a 4 MB upload took 800 MB and 3 s) and checks attributes
 * quadratically, so tags and attributes outside CDATA are counted first. It expands no
 * internal entities (an undeclared `&x;` is a parse error), so "billion laughs" is already out.
 * A badge image has a few hundred elements.
 */
export const MAX_SVG_MARKUP = { tags: 20_000, attributes: 20_000 };

function assertSvgBounded(svg: string): void {
  let tags = 0;
  let attributes = 0;
  for (let i = 0; i < svg.length; i++) {
    const c = svg.charCodeAt(i);
    if (c === 60 /* < */) {
      if (svg.startsWith('<![CDATA[', i)) {
        const end = svg.indexOf(']]>', i + 9);
        if (end < 0) break; // unterminated: the parser refuses it
        i = end + 2;
        continue;
      }
      tags++;
    } else if (c === 61 /* = */) {
      attributes++;
    }
  }
  if (tags > MAX_SVG_MARKUP.tags || attributes > MAX_SVG_MARKUP.attributes) {
    throw new AppError('VERIFY_INPUT_TOO_LARGE', 413, { format: 'SVG', elements: MAX_SVG_MARKUP.tags });
  }
}

/** The credential text (JSON or JWS) of the first <openbadges:credential>, or undefined. */
export function extractSvgCredential(svg: string): string | undefined {
  assertSvgBounded(svg);
  const root = parseSvg(svg).documentElement!;
  const [element] = credentialElements(root);
  if (!element) return undefined;
  const jws = element.getAttribute('verify');
  if (jws) return jws.trim();
  // textContent joins every text and CDATA child, so a credential split across sections works.
  return element.textContent?.trim() || undefined;
}
