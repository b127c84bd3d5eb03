import { lookup } from 'node:dns/promises';
import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns';
import { get } from 'node:https';
import { BlockList, isIP } from 'node:net';
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
  return async (url) => {
    const own = ownPath(options.publicUrl, url);
    if (own !== undefined) {
      const document = await options.local(own);
      if (document === undefined) throw new Error(`not published here: ${url}`);
      return document;
    }
    if (!url.startsWith('https://')) throw new Error(`refusing a non-https URL: ${url}`);
    if (!options.fetch) return JSON.parse(await httpsGetText(url, timeoutMs, maxBytes)) as unknown;
    // No redirects: a public host could otherwise bounce the request to a private one.
    const response = await options.fetch(url, { headers: { accept: ACCEPT }, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return JSON.parse(await readCapped(response, maxBytes, url)) as unknown;
  };
}

/**
 * GET over HTTPS with the address checked where the socket connects: the `lookup` hook refuses
 * private addresses, so a name that resolves to a public address when checked and to a private
 * one a moment later (DNS rebinding) cannot slip through. Redirects are not followed.
 */
export async function httpsGetText(
  url: string, timeoutMs: number, maxBytes: number,
  // Tests only: plain HTTP and their own lookup, to reach a local server that misbehaves.
  transport: { get: typeof get; lookup: typeof publicOnlyLookup } = { get, lookup: publicOnlyLookup },
): Promise<string> {
  const { hostname } = new URL(url);
  // Node connects to an IP literal without any lookup: check it here.
  if (isIP(hostname.replace(/^\[|\]$/g, '')) && transport.lookup === publicOnlyLookup) await refusePrivateHost(hostname);
  let deadline: NodeJS.Timeout | undefined;
  return new Promise<string>((resolve, reject) => {
    // One deadline for the whole exchange: `timeout` alone only bounds silences, and a server
    // sending a byte now and then would hold the request (and a public /api/verify) for weeks.
    deadline = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)), timeoutMs);
    const request = transport.get(url, { headers: { accept: ACCEPT }, lookup: transport.lookup, timeout: timeoutMs }, (response) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        response.resume();
        reject(new Error(`HTTP ${status} for ${url}`));
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      response.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total <= maxBytes) return void chunks.push(chunk);
        // Settled first: the response may still end cleanly once the socket is torn down.
        reject(new Error(`too large: ${url}`));
        request.destroy();
      });
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)));
    request.on('error', reject);
  }).finally(() => clearTimeout(deadline));
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivate(a.address, a.family));
    if (refused) return callback(Object.assign(new Error(`refusing a private address: ${hostname}`), { code: 'EPRIVATE' }), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
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

// Anyone can make /api/verify fetch a URL: it must not become a way into our own network.
const privateRanges = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  privateRanges.addSubnet(net, bits, 'ipv4');
  // The same IPv4 ranges reached through IPv6 translation: NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
  const [hi, lo] = ipv4Groups(net);
  privateRanges.addSubnet(`64:ff9b::${hi}:${lo}`, 96 + bits, 'ipv6');
  privateRanges.addSubnet(`2002:${hi}:${lo}::`, 16 + bits, 'ipv6');
}
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  privateRanges.addSubnet(net, bits, 'ipv6');
}

function ipv4Groups(address: string): [string, string] {
  const [a, b, c, d] = address.split('.').map(Number) as [number, number, number, number];
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

export async function refusePrivateHost(hostname: string) {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  for (const { address, family } of addresses) {
    if (isPrivate(address, family)) throw new Error(`refusing a private address: ${hostname}`);
  }
}

function isPrivate(raw: string, rawFamily: number): boolean {
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw)?.[1];
  const [address, family] = mapped ? [mapped, 4] : [raw, rawFamily];
  return privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
