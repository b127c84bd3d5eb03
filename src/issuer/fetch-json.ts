import type { FetchJson } from '../credentials/document-loader';

export interface FetchJsonOptions {
  publicUrl: string;
  /** Our own documents by path; undefined = we publish nothing there. */
  local: (path: string) => Promise<unknown>;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof globalThis.fetch;
}

const ACCEPT = 'application/did+ld+json, application/did+json, application/jwk-set+json, application/vc+ld+json, application/ld+json, application/json;q=0.9';

/** The path of `url` under our PUBLIC_URL, or undefined when it is someone else's. */
export function ownPath(publicUrl: string, url: string): string | undefined {
  const base = `${publicUrl.replace(/\/+$/, '')}/`;
  if (!url.startsWith(base)) return undefined;
  return `/${url.slice(base.length)}`.replace(/[?#].*$/, '');
}

/**
 * What verification fetches (DID documents, JWKS, status lists): ours answered locally, others
 * over HTTPS only, with a timeout and a size cap. Any failure throws, which the verifier reports
 * as `unknown`, never as passed.
 */
export function createFetchJson(options: FetchJsonOptions): FetchJson {
  const { timeoutMs = 5000, maxBytes = 1_048_576 } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  return async (url) => {
    const own = ownPath(options.publicUrl, url);
    if (own !== undefined) {
      const document = await options.local(own);
      if (document === undefined) throw new Error(`not published here: ${url}`);
      return document;
    }
    if (!url.startsWith('https://')) throw new Error(`refusing a non-https URL: ${url}`);
    const response = await fetchFn(url, { headers: { accept: ACCEPT }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return JSON.parse(await readCapped(response, maxBytes, url)) as unknown;
  };
}

/** The body as text, stopped as soon as it passes `maxBytes` (a hostile server may stream forever). */
async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader!.cancel();
      throw new Error(`too large: ${url}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
