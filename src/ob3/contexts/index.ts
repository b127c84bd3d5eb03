import { readFileSync } from 'node:fs';
import { projectPath } from '../../shared/paths';

/**
 * JSON-LD contexts served offline. Signing canonicalises in safe mode, so every context a
 * credential names must resolve, and nothing may be fetched at signing time.
 *
 * Provenance (see /work/shared/ob3/SOURCES.md for the OB files):
 * - credentials-v2.json: W3C VC Data Model 2.0 context, copied byte for byte from
 *   `@digitalbazaar/credentials-context@3.2.0` `contexts/v2.jsonld` (the dependency of
 *   `@digitalbazaar/vc`; the top-level `credentials-context@2` package only ships the v1 context).
 * - ob-context-3.0.3.json: 1EdTech OB 3.0 context, 2024-03 revision (has `awardedDate`).
 * - ob-extensions.json: defines `1EdTechJsonSchemaValidator2019`, `1EdTechRevocationList`,
 *   `1EdTechCredentialRefresh` (OB 3.0 extensions context).
 */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

const FILES: Record<string, string> = {
  [VC_V2_CONTEXT]: 'credentials-v2.json',
  [OB_CONTEXT]: 'ob-context-3.0.3.json',
  [OB_EXTENSIONS_CONTEXT]: 'ob-extensions.json',
};

const cache = new Map<string, object>();

/** The context document for `url`, or undefined when we do not ship it. */
export function localContext(url: string): object | undefined {
  const file = FILES[url];
  if (!file) return undefined;
  let document = cache.get(url);
  if (!document) {
    document = JSON.parse(readFileSync(projectPath('src', 'ob3', 'contexts', file), 'utf8')) as object;
    cache.set(url, document);
  }
  return document;
}

export const shippedContextUrls = Object.keys(FILES);
