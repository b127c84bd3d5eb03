import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import { AppError } from '../shared/errors';
import { localContext } from './contexts/index';
import { useShallowContextClone } from './jsonld-context-clone';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: Record<string, unknown>;
  /**
   * 'static': the document never changes. jsonld.js then keeps the context it resolved from it
   * across operations; without the tag every canonicalisation re-reads and re-processes each
   * context (most of a proof's cost after canonicalisation itself).
   */
  tag?: 'static';
}
/** The jsonld.js / jsonld-signatures loader contract. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
/** Answers for URLs we do not ship (did:web, our own https keys); undefined = not mine. */
export type UrlResolver = (url: string) => Promise<Record<string, unknown> | undefined>;
/** GET a JSON document; `signal` ends it early (the verification's time budget is spent). */
export type FetchJson = (url: string, options?: { signal?: AbortSignal }) => Promise<unknown>;

// Every JSON-LD user here (signing, its threads, verification) loads documents through this module.
useShallowContextClone();

// did:key is derived from the key itself, so it resolves offline (did-method-key spec §3.1).
const didKey = didKeyDriver();
didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

/**
 * An offline loader: the contexts in `contexts/`, did:key by computation, and anything else
 * only through `resolve`. Nothing is fetched implicitly, so signing never touches the network
 * and an unexpected URL is a loud error rather than a silent download.
 */
export function createDocumentLoader(options: { resolve?: UrlResolver } = {}): DocumentLoader {
  return async (url: string) => {
    const context = localContext(url);
    if (context) return { ...wrap(url, context as Record<string, unknown>), tag: 'static' };
    if (url.startsWith('did:key:')) {
      return wrap(url, (await didKey.get({ url })) as Record<string, unknown>);
    }
    const resolved = options.resolve ? await options.resolve(url) : undefined;
    if (resolved) return wrap(url, resolved);
    throw new AppError('CREDENTIAL_DOCUMENT_UNKNOWN', 500, { url });
  };
}

function wrap(url: string, document: Record<string, unknown>): RemoteDocument {
  return { contextUrl: null, documentUrl: url, document };
}

/** did:web → the HTTPS URL of its DID document (did:web method spec §3.2 "Read"). */
export function didWebDocumentUrl(did: string): string {
  const [host, ...path] = did.slice('did:web:'.length).split(':');
  const origin = `https://${decodeURIComponent(host ?? '')}`;
  return path.length === 0
    ? `${origin}/.well-known/did.json`
    : `${origin}/${path.map(decodeURIComponent).join('/')}/did.json`;
}

/**
 * A resolver for did:web DIDs and DID URLs. A DID URL with a fragment answers with the
 * verification method, carrying the document's @context (Ed25519Multikey.from requires the
 * Multikey context on the node).
 */
export function didWebResolver(fetchJson: FetchJson): UrlResolver {
  return async (url: string) => {
    if (!url.startsWith('did:web:')) return undefined;
    const [did = '', fragment] = url.split('#');
    const document = (await fetchJson(didWebDocumentUrl(did))) as Record<string, unknown>;
    if (!document || document.id !== did) {
      throw new AppError('CREDENTIAL_DID_DOCUMENT_INVALID', 502, { did });
    }
    if (fragment === undefined) return document;
    const method = findVerificationMethod(document, url);
    if (!method) throw new AppError('CREDENTIAL_KEY_NOT_FOUND', 404, { keyId: url });
    return { '@context': document['@context'], ...method, id: url };
  };
}

/** Looks a method up by absolute id or by `#fragment` relative to the document id. */
export function findVerificationMethod(
  document: Record<string, unknown>,
  methodId: string,
): Record<string, unknown> | undefined {
  const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod : [];
  const fragment = methodId.slice(methodId.indexOf('#'));
  return (methods as Record<string, unknown>[]).find((m) => m && (m.id === methodId || m.id === fragment));
}

/** Chains resolvers: the first one that answers wins. */
export function combineResolvers(...resolvers: UrlResolver[]): UrlResolver {
  return async (url: string) => {
    for (const resolver of resolvers) {
      const document = await resolver(url);
      if (document) return document;
    }
    return undefined;
  };
}
