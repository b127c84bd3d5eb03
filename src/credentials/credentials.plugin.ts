import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

/**
 * True when the client asks for a page rather than data: text/html listed, with a quality at
 * least that of every JSON type it lists. Browsers send `text/html,…,*\/*;q=0.8`; verifiers
 * and curl send JSON types or `*\/*`, which stays JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? 1,
    );
    const quality = Number.isFinite(q) ? q : 0;
    if (type === 'text/html' || type === 'application/xhtml+xml') html = Math.max(html, quality);
    else if (/^application\/([\w.+-]+\+)?json$/.test(type)) json = Math.max(json, quality);
  }
  return html > 0 && html >= json;
}

/**
 * Route constraint `{ accept: 'html' }`: the pages area registers its public credential page as
 * `GET /credentials/:id` with `constraints: { accept: 'html' }` inside its own scope (its hooks,
 * headers and error page apply); every other request for that URL gets the JSON route here.
 */
const acceptStrategy = {
  name: 'accept',
  storage() {
    const handlers = new Map<string, unknown>();
    return {
      get: (value: string) => (handlers.get(value) ?? null) as never,
      set: (value: string, store: unknown) => {
        handlers.set(value, store);
      },
    };
  },
  deriveConstraint: (request: FastifyRequest['raw']) => (prefersHtml(request.headers.accept) ? 'html' : undefined),
  mustMatchWhenDerived: false,
  validate(value: unknown) {
    if (value !== 'html') throw new Error("the accept constraint only takes 'html'");
  },
};

/** The `accept` route constraint, for the whole app (the JSON routes and the pages share URLs). */
export default fp(
  async (app) => {
    app.addConstraintStrategy(acceptStrategy);
  },
  { name: 'accept-constraint' },
);
