import http from 'node:http';

/**
 * Requests over ONE keep-alive connection (what browsers and Node's fetch do): a route that answers
 * before reading its whole body must leave that connection usable for the next request.
 * Every request has its own deadline, so a hang fails the test instead of stalling it.
 */
export function keepAliveClient(base: string, timeoutMs = 5_000) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<unknown>();
  function request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: Buffer | string | NodeJS.ReadableStream } = {},
  ) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }>(
      (resolve, reject) => {
        const started = Date.now();
        const req = http.request(`${base}${path}`, { method, agent, headers: options.headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: Date.now() - started,
            });
          });
          res.on('error', reject);
        });
        req.on('socket', (s) => sockets.add(s));
        const timer = setTimeout(() => {
          req.destroy();
          reject(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        // A server closing the connection after answering early may reset the rest of an upload: that
        // is fine as long as the answer arrived (the response handler resolves first).
        req.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        const body = options.body;
        if (body && typeof body === 'object' && 'pipe' in body) {
          // A streamed body: the server may answer and close before it ends; that is not a failure.
          body.on('error', () => {});
          req.on('error', () => {});
          body.pipe(req);
        } else req.end(body);
      },
    );
  }
  return {
    request,
    agent,
    get connections() {
      return sockets.size;
    },
    close: () => agent.destroy(),
  };
}
