// The baseline of the read benchmarks, in a process of its own like the platform: a bare Fastify
// route per URL answering the same bytes with the same media type, nothing else.
// Environment: BARE_MANIFEST (a JSON file: [{ path, type, file }]), PORT.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const manifest = process.env.BARE_MANIFEST;
const port = process.env.PORT;
const app = Fastify();
for (const { path, type, file } of JSON.parse(readFileSync(manifest!, 'utf8')) as Array<Record<string, string>>) {
  const body = readFileSync(file!);
  app.get(path!, (_request, reply) => {
    reply.type(type!).send(body);
  });
}
app.get('/health', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(port) });
