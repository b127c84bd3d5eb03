import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app';

/** A browser-like session over app.inject: keeps cookies, reads the CSRF token of the last page. */
export class InjectSession {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string> = { accept: 'text/html' },
  ) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: { ...this.headers, cookie: this.cookieHeader() } }),
    );
  }

  /** A multipart form as a browser sends it: the token first, the fields, then the file last. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    file?: { field: string; name: string; bytes: Buffer; type?: string },
    options: { csrf?: string | null } = {},
  ) {
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    const form = new FormData();
    if (token !== null) form.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file)
      form.append(
        file.field,
        new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
        file.name,
      );
    const encoded = new Request('http://page.invalid/', { method: 'POST', body: form });
    const payload = Buffer.from(await encoded.arrayBuffer());
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { ...this.headers, cookie: this.cookieHeader(), 'content-type': encoded.headers.get('content-type')! },
      }),
    );
  }

  async post(url: string, form: Record<string, string>, options: { csrf?: string | null } = {}) {
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    const payload = new URLSearchParams({ ...form, ...(token === null ? {} : { _csrf: token }) }).toString();
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { ...this.headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }
}
