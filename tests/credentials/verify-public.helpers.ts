// The attacker's tools of verify-public.test.ts: PNG chunks rewritten, deflate bombs, credentials
// signed by "someone else", a host behind every status URL, and the addresses that must stay out of reach.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDeflate } from 'node:zlib';
import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import { buildCredential } from '../../src/ob3/build-credential';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { issuerDid } from '../../src/ob3/issuer';
import { generateEd25519Key } from '../../src/ob3/keys';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { PNG_KEYWORD } from '../../src/ob3/bake-png';
import { buildCredentialsService } from '../../src/credentials/credentials.service';
import type { VerifyLimits } from '../../src/ob3/verify-limits';
import type { TestContext } from '../helpers/app';
import { achievementFixture, issuerProfile } from './helpers';
import { servicesOf } from './app-helpers';

export const checkOf = (
  res: { json(): { checks: Array<{ check: string; ok: unknown; code: string }> } },
  name: string,
) => res.json().checks.find((c) => c.check === name);

/** POST /api/verify on ctx's app: `payload` sent as `type`, the answer asked in `lang`. */
export const postVerify = (
  ctx: TestContext,
  payload: string | Buffer,
  type = 'application/octet-stream',
  lang = 'fr',
) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/verify',
    payload,
    headers: { 'content-type': type, 'accept-language': lang },
  });

/** `send`'s answer, how long it took, and the process's memory before and after (after a GC, when exposed). */
export async function measured<T>(send: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const res = await send();
  const elapsed = performance.now() - started;
  const after = process.memoryUsage();
  return { res, elapsed, before, after };
}

/** `credential`'s iTXt chunk rewritten with the compression flag set and `deflated` as its text. */
export function withCompressedChunk(png: Buffer, deflated: Buffer): Buffer {
  const chunks = extractChunks(png).filter((c) => c.name !== 'iTXt');
  const header = Buffer.concat([Buffer.from(PNG_KEYWORD, 'latin1'), Buffer.from([0, 1, 0, 0, 0])]);
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data: Buffer.concat([header, deflated]) });
  return Buffer.from(encodeChunks(chunks));
}

/** 256 MB of spaces deflated (~250 kB), produced a megabyte at a time. */
export async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => deflate.on('end', r));
  const block = Buffer.alloc(1_048_576, 0x20);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A credential from "someone else" (a fresh did:key), optionally without any status entry. */
export async function foreign(
  options: { issuer?: Record<string, unknown>; status?: unknown[] | null; sign?: boolean } = {},
) {
  const key = await generateEd25519Key();
  const issuerId = issuerDid('http://autre.example', key);
  const credential: Record<string, unknown> = buildCredential({
    id: 'https://autre.example/credentials/1',
    issuer: { ...issuerProfile(issuerId), ...options.issuer, id: issuerId } as never,
    achievement: achievementFixture(),
    validFrom: '2024-01-01T00:00:00Z',
    recipient: { email: 'x@autre.example', salt: 'sel' },
    evidence: [],
    results: [],
    statusEntry: { listUrl: 'https://autre.example/status/1', index: 7 },
  }) as never;
  if (options.status === null) delete credential.credentialStatus;
  else if (options.status) credential.credentialStatus = options.status;
  if (options.sign === false) return { issuerId, credential };
  return {
    issuerId,
    credential: (await signDataIntegrity(credential as never, {
      key,
      documentLoader: createDocumentLoader(),
    })) as Record<string, unknown>,
  };
}

/** `count` revocation-list status entries, each on its own outside host. */
export const statusEntries = (count: number, path = '/list') =>
  Array.from({ length: count }, (_, i) => ({ id: `https://h${i}.example${path}`, type: '1EdTechRevocationList' }));

/**
 * A host that answers every revocation list with "nothing revoked", and never under /hang; `seen`
 * lists what it was asked. `swapped(limits)` makes ctx verify with those limits, every https URL
 * landing on that host (the fetch seam of buildCredentialsService); `close()` puts verify back.
 */
export async function startStatusHost(ctx: TestContext) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url?.startsWith('/hang')) return;
    res.setHeader('content-type', 'application/json').end('{"revokedCredential":[]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const fetch = ((url: string, init: RequestInit) => {
    const u = new URL(url);
    return globalThis.fetch(`http://127.0.0.1:${port}${u.pathname}?host=${u.host}`, init);
  }) as typeof globalThis.fetch;
  const services = servicesOf(ctx);
  const original = services.credentials.verify;
  const swapped = (limits: Partial<VerifyLimits>) => {
    services.credentials.verify = buildCredentialsService({
      config: services.config,
      programme: services.programme,
      fetch,
      verifyLimits: limits,
    }).verify;
  };
  const close = async () => {
    services.credentials.verify = original;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return { seen, swapped, close };
}

/** Addresses that are not public unicast (loopback in disguise, reserved, documentation, broadcast…). */
export const PRIVATE_ADDRESSES = [
  '::7f00:1',
  '::127.0.0.1',
  'fec0::1',
  '100::1',
  '192.0.0.8',
  '192.0.2.1',
  '198.51.100.1',
  '240.0.0.1',
  '255.255.255.255',
  '2001:db8::1',
  '::ffff:7f00:1',
  '64:ff9b:1::a00:1',
];

/** Public unicast addresses, IPv4-mapped and 6to4 included. */
export const PUBLIC_ADDRESSES = ['93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1'];

/** Every public file of one credential, of its badge and of the issuer, and one that does not exist. */
export const publicFiles = (credentialId: string, badgeKey: string, statusPath: string) => [
  `/credentials/${credentialId}.json`,
  `/credentials/${credentialId}.jwt`,
  `/credentials/${credentialId}.png`,
  statusPath,
  '/issuer',
  '/issuer/image.svg',
  '/.well-known/did.json',
  '/.well-known/jwks.json',
  `/achievements/${badgeKey}`,
  `/achievements/${badgeKey}/image.svg`,
  '/credentials/nope.json',
];
