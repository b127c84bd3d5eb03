import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The largest body any route reads (an attendance export): past it, a connection is closed, not drained. */
export const UPLOAD_MAX_BYTES = 32 * 1024 * 1024;

const settled = Symbol('parcours.bodySettled');

/**
 * For a route that may answer before it has read its whole body (a refused file, a 401 before
 * the upload, a size limit): once the response is sent, the rest of the body is drained so the
 * keep-alive connection can carry the next request, up to `limit` bytes; past that, or when the
 * body can no longer be read (its stream was destroyed), the connection is closed deliberately
 * (`Connection: close` when the headers are still to be sent). Call it from an `onSend` hook.
 */
export function keepConnectionUsable(request: FastifyRequest, reply: FastifyReply, limit = UPLOAD_MAX_BYTES): void {
  const raw = request.raw as IncomingMessage & { [settled]?: true };
  if (raw.complete || raw[settled]) return;
  raw[settled] = true;
  const socket = raw.socket;
  const declared = Number(raw.headers['content-length']);
  // Closed rather than drained: a body that can no longer be read, or one over the limit (declared,
  // or found so while reading — a chunked upload has no length to check first).
  if ((raw.destroyed || declared > limit || reply.statusCode === 413) && !reply.raw.headersSent)
    reply.header('connection', 'close');
  const settle = () => drainOrClose(raw, socket, limit);
  reply.raw.once('finish', settle);
}

/** The rest of a request's body read and dropped (bounded), or its connection ended. */
export function drainOrClose(raw: IncomingMessage, socket: Socket | null, limit: number): void {
  // (app.inject's requests have no real socket: nothing to keep usable.)
  if (raw.complete || typeof socket?.destroy !== 'function' || socket.destroyed) return;
  if (raw.destroyed) {
    // Nothing can read the body any more: end the connection once the answer is flushed.
    socket.end();
    setTimeout(() => socket.destroy(), 2_000).unref();
    return;
  }
  // Whatever was reading it (a multipart parser, an abandoned iterator) lets go; the bytes are dropped.
  raw.unpipe();
  raw.removeAllListeners('readable');
  raw.removeAllListeners('data');
  let drained = 0;
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > limit) socket.destroy();
  });
  raw.on('error', () => {});
  raw.resume();
}
