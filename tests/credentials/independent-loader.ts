import { readFileSync } from 'node:fs';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver } from '@digitalbazaar/did-method-key';

/**
 * A document loader written for the tests only, from the shipped context files and
 * @digitalbazaar/did-method-key, so the proof checks below do not run through
 * src/credentials/document-loader.ts.
 */
const contextsDir = new URL('../../src/ob3/contexts/', import.meta.url);
const contexts: Record<string, unknown> = {
  'https://www.w3.org/ns/credentials/v2': JSON.parse(readFileSync(new URL('credentials-v2.json', contextsDir), 'utf8')),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': JSON.parse(
    readFileSync(new URL('ob-context-3.0.3.json', contextsDir), 'utf8'),
  ),
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': JSON.parse(
    readFileSync(new URL('ob-extensions.json', contextsDir), 'utf8'),
  ),
};

const didKey = driver();
didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

export async function independentLoader(url: string) {
  if (url in contexts) return { contextUrl: null, documentUrl: url, document: contexts[url] };
  if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKey.get({ url }) };
  throw new Error(`test loader: refusing to fetch ${url}`);
}
