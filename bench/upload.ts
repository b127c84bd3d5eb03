// The organiser's side of an import: the file streamed over HTTP, as a client uploads it.
import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';

export interface Uploaded {
  ms: number;
  status: number;
  body: Record<string, unknown>;
}

/** POST /api/events/:key/imports with the file as the body; time until the whole answer is read. */
export function upload(base: string, token: string, eventKey: string, file: string): Promise<Uploaded> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/events/${eventKey}/imports`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': String(statSync(file).size),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown>;
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = { text: text.slice(0, 500) };
          }
          resolve({ ms: performance.now() - start, status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}
