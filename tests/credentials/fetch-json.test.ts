import { describe, expect, it } from 'vitest';
import { createServer, get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchJson, httpsGetText, ownPath, refusePrivateHost } from '../../src/credentials/fetch-json';

const local = async (path: string) => (path === '/.well-known/jwks.json' ? { keys: [] } : undefined);
const stub = (respond: (url: string, init: RequestInit) => Promise<Response>) => {
  const seen: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push(url);
    return respond(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
};

describe('what verification fetches', () => {
  it('answers our own PUBLIC_URL locally, with no request at all', async () => {
    const { fetch, seen } = stub(async () => new Response('{}'));
    const fetchJson = createFetchJson({ publicUrl: 'https://badges.parcours.test', local, fetch });
    expect(await fetchJson('https://badges.parcours.test/.well-known/jwks.json#abc')).toEqual({ keys: [] });
    await expect(fetchJson('https://badges.parcours.test/status/42')).rejects.toThrow(/not published here/);
    expect(seen).toEqual([]);
    expect(ownPath('https://h.test/prefix', 'https://h.test/prefix/did.json')).toBe('/did.json');
    expect(ownPath('https://h.test/prefix', 'https://h.test/prefixe/did.json')).toBeUndefined();
  });

  it('fetches others over HTTPS only, and refuses what is too big or too slow', async () => {
    const ok = stub(async () => new Response(JSON.stringify({ id: 'did:web:autre.example' })));
    expect(
      await createFetchJson({ publicUrl: 'http://parcours.test', local, fetch: ok.fetch })(
        'https://autre.example/.well-known/did.json',
      ),
    ).toEqual({ id: 'did:web:autre.example' });
    await expect(
      createFetchJson({ publicUrl: 'http://parcours.test', local, fetch: ok.fetch })('http://autre.example/x'),
    ).rejects.toThrow(/non-https/);
    const big = stub(async () => new Response('x'.repeat(2000)));
    await expect(
      createFetchJson({ publicUrl: 'http://parcours.test', local, fetch: big.fetch, maxBytes: 1000 })(
        'https://autre.example/big',
      ),
    ).rejects.toThrow(/too large/);
    const slow = stub(
      (_url, init) =>
        new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
    );
    await expect(
      createFetchJson({ publicUrl: 'http://parcours.test', local, fetch: slow.fetch, timeoutMs: 50 })(
        'https://lent.example/x',
      ),
    ).rejects.toThrow();
    const down = stub(async () => new Response('oops', { status: 503 }));
    await expect(
      createFetchJson({ publicUrl: 'http://parcours.test', local, fetch: down.fetch })('https://autre.example/x'),
    ).rejects.toThrow(/HTTP 503/);
  });
});

describe('no way into our own network through /api/verify', () => {
  it.each([
    'https://127.0.0.1/status/1',
    'https://localhost/.well-known/did.json',
    'https://10.1.2.3/x',
    'https://[::1]/x',
    'https://[::ffff:10.0.0.1]/x',
    'https://169.254.169.254/latest',
    'https://[64:ff9b::a01:203]/x',
    'https://[2002:a9fe:a9fe::1]/x',
  ])('refuses %s before any request', async (url) => {
    const fetchJson = createFetchJson({ publicUrl: 'http://parcours.test', local });
    await expect(fetchJson(url)).rejects.toThrow(/private address/);
  });

  it('checks a name where the socket connects (no DNS-rebinding window between check and request)', async () => {
    // `localhost` is resolved by the connection's own lookup hook, which refuses the private address.
    const fetchJson = createFetchJson({ publicUrl: 'http://parcours.test', local });
    await expect(fetchJson('https://localhost:1/status/1')).rejects.toMatchObject({ code: 'EPRIVATE' });
  });

  it('lets a public address through the check', async () => {
    await expect(refusePrivateHost('93.184.216.34')).resolves.toBeUndefined();
    await expect(refusePrivateHost('64:ff9b::808:808')).resolves.toBeUndefined(); // 8.8.8.8 through NAT64
  });
});

describe('a server that answers slowly or too much (the HTTPS path, over local HTTP)', () => {
  const local = {
    get: httpGet as unknown as typeof import('node:https').get,
    lookup: ((_host: string, o: { all?: boolean }, cb: (e: null, a: unknown, f?: number) => void) =>
      o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)) as never,
  };
  async function serve(handler: (res: import('node:http').ServerResponse) => void) {
    const server = createServer((_req, res) => handler(res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return {
      url: `http://parcours-test.example:${(server.address() as AddressInfo).port}/did.json`,
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }

  it('gives up after the deadline even when bytes keep trickling in', async () => {
    const drip = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const started = Date.now();
      await expect(httpsGetText(drip.url, 400, 1_000_000, local)).rejects.toThrow(/timed out after 400 ms/);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      drip.close();
    }
  });

  it('stops reading past the size cap, and reads a normal answer', async () => {
    const big = await serve((res) => res.end('x'.repeat(5000)));
    const ok = await serve((res) => res.end('{"id":"did:web:autre.example"}'));
    try {
      await expect(httpsGetText(big.url, 2000, 1000, local)).rejects.toThrow(/too large/);
      expect(JSON.parse(await httpsGetText(ok.url, 2000, 1000, local))).toEqual({ id: 'did:web:autre.example' });
    } finally {
      big.close();
      ok.close();
    }
  });
});
