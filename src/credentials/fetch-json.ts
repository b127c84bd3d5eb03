import { lookup } from 'node:dns/promises';
import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns';
import { get } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { FetchJson } from '../ob3/document-loader';

export interface FetchJsonOptions {
  publicUrl: string;
  /** Our own documents by path; undefined = we publish nothing there. */
  local: (path: string) => Promise<unknown>;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof globalThis.fetch;
}

const ACCEPT =
  'application/did+ld+json, application/did+json, application/jwk-set+json, application/vc+ld+json, ' +
  'application/ld+json, application/json;q=0.9';

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
  return async (url, { signal } = {}) => {
    const own = ownPath(options.publicUrl, url);
    if (own !== undefined) {
      const document = await options.local(own);
      if (document === undefined) throw new Error(`not published here: ${url}`);
      return document;
    }
    if (!url.startsWith('https://')) throw new Error(`refusing a non-https URL: ${url}`);
    if (!options.fetch) return JSON.parse(await httpsGetText(url, timeoutMs, maxBytes, undefined, signal)) as unknown;
    // No redirects: a public host could otherwise bounce the request to a private one.
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await options.fetch(url, {
      headers: { accept: ACCEPT },
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      redirect: 'error',
    });
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
  url: string,
  timeoutMs: number,
  maxBytes: number,
  // Tests only: plain HTTP and their own lookup, to reach a local server that misbehaves.
  transport: { get: typeof get; lookup: typeof publicOnlyLookup } = { get, lookup: publicOnlyLookup },
  /** Ends the request early: the verification that asked for it is out of time. */
  signal?: AbortSignal,
): Promise<string> {
  const { hostname } = new URL(url);
  // Node connects to an IP literal without any lookup: check it here.
  if (isIP(hostname.replace(/^\[|\]$/g, '')) && transport.lookup === publicOnlyLookup)
    await refusePrivateHost(hostname);
  signal?.throwIfAborted();
  let deadline: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  return new Promise<string>((resolve, reject) => {
    // One deadline for the whole exchange: `timeout` alone only bounds silences, and a server
    // sending a byte now and then would hold the request (and a public /api/verify) for weeks.
    deadline = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)), timeoutMs);
    const request = transport.get(
      url,
      { headers: { accept: ACCEPT }, lookup: transport.lookup, timeout: timeoutMs },
      (response) => {
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
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)));
    request.on('error', reject);
    onAbort = () => request.destroy(signal!.reason instanceof Error ? signal!.reason : new Error(`aborted: ${url}`));
    signal?.addEventListener('abort', onAbort, { once: true });
  }).finally(() => {
    clearTimeout(deadline);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivate(a.address, a.family));
    if (refused)
      return callback(Object.assign(new Error(`refusing a private address: ${hostname}`), { code: 'EPRIVATE' }), []);
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

// Anyone can make /api/verify fetch a URL: it must not become a way into our own network. An
// allow-list, not a block list: only global unicast addresses pass (IANA special-purpose
// registries, RFC 6890), so a range nobody thought of (IPv4-compatible ::7f00:1, site-local
// fec0::/10, discard-only 100::/64, 192.0.0.0/24…) is refused by default.
const v4Unicast = new BlockList();
v4Unicast.addRange('1.0.0.0', '223.255.255.255', 'ipv4'); // below multicast (224/4) and reserved (240/4)
const v4Special = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
] as const)
  v4Special.addSubnet(net, bits, 'ipv4');
const v6Unicast = new BlockList();
// Global unicast: everything else (::/8, fc00::/7, fe80::/10, fec0::/10, ff00::/8, 100::/64…) is out.
v6Unicast.addSubnet('2000::', 3, 'ipv6');
const v6Special = new BlockList();
for (const [net, bits] of [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
  ['3ffe::', 16],
] as const)
  v6Special.addSubnet(net, bits, 'ipv6');

export async function refusePrivateHost(hostname: string) {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  for (const { address, family } of addresses) {
    if (isPrivate(address, family)) throw new Error(`refusing a private address: ${hostname}`);
  }
}

function isPrivate(address: string, family: number): boolean {
  return !isPublicUnicast(address, family);
}

/** Only a global unicast address; IPv4 reached through IPv6 (mapped, NAT64, 6to4) as that IPv4. */
export function isPublicUnicast(raw: string, family: number): boolean {
  if (family === 4) return isIP(raw) === 4 && v4Unicast.check(raw, 'ipv4') && !v4Special.check(raw, 'ipv4');
  const bytes = ipv6Bytes(raw);
  if (!bytes) return false;
  const word = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const v4 = (at: number) => bytes.subarray(at, at + 4).join('.');
  const zeros = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
  if (zeros(0, 10) && word(10) === 0xffff) return isPublicUnicast(v4(12), 4); // ::ffff:a.b.c.d
  if (word(0) === 0x64 && word(2) === 0xff9b && zeros(4, 12)) return isPublicUnicast(v4(12), 4); // NAT64 64:ff9b::/96
  if (word(0) === 0x2002) return isPublicUnicast(v4(2), 4); // 6to4
  const text = Array.from({ length: 8 }, (_, i) => word(i * 2).toString(16)).join(':');
  return v6Unicast.check(text, 'ipv6') && !v6Special.check(text, 'ipv6');
}

/** The 16 bytes of an IPv6 address (with `::`, a dotted IPv4 tail, a zone id), or undefined. */
export function ipv6Bytes(raw: string): Uint8Array | undefined {
  const address = raw.replace(/%.*$/, '');
  if (isIP(address) !== 6) return undefined;
  const [head = '', tail] = address.split('::') as [string, string | undefined];
  const groups = (part: string) =>
    (part === '' ? [] : part.split(':')).flatMap((g) => {
      if (g.includes('.')) {
        const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
        return [(a << 8) | b, (c << 8) | d];
      }
      return [parseInt(g, 16)];
    });
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words =
    tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  if (words.length !== 8) return undefined;
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[i * 2] = w >> 8;
    bytes[i * 2 + 1] = w & 0xff;
  });
  return bytes;
}
