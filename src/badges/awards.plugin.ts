import fp from 'fastify-plugin';
import type { Awards } from './awards.service';

declare module 'fastify' {
  interface FastifyInstance {
    /** Awards built once in prepare(), with the credentials hook: manual awards and progress. */
    awards: Awards;
  }
}

export default fp<{ awards: Awards }>(
  async (app, { awards }) => {
    app.decorate('awards', awards);
  },
  { name: 'awards' },
);
