import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type Logger } from 'pino';

/** A URL as it may be logged: sign-in link tokens (`token=…`, in any query) never reach the log. */
export const redactUrl = (url: string) =>
  url.includes('?') ? url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]') : url; // no query: nothing to hide

/**
 * The access log's request, as Fastify's default serializer writes it, with the URL redacted.
 * (`suite=` only ever names a learner page; other query values are not secrets.)
 */
export const logSerializers = {
  req(request: {
    method: string;
    url: string;
    host?: string;
    ip?: string;
    headers?: Record<string, string | string[] | undefined>;
    socket?: { remotePort?: number };
  }) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      version: request.headers?.['accept-version'] as string | undefined,
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
};

/**
 * One access log line per request, written when it is answered: the request (redacted as above),
 * the status and the time taken. Fastify's default writes two (`incoming request`, then
 * `request completed`), which doubled the cost of logging a public read (a JSON serialisation
 * and a write each). A request that never completes is still logged by Fastify's other lines
 * (stream errors, refused while closing).
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/**
 * The process's log (standard output), written in batches: a line waits until 4 kB are buffered
 * or at most `flushMs`, so a busy server makes one write for many access lines instead of one
 * each. What is buffered is written when the process exits (pino does it) and by `stop`; a crash
 * that kills the process outright (SIGKILL, out of memory) loses at most that last second.
 */
export function processLogger(level: string, flushMs = 1000): { logger: Logger; stop(): void } {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  let written = false;
  const flush = () => {
    if (written) destination.flush(); // (a flush with nothing buffered would still write)
    written = false;
  };
  const timer = setInterval(flush, flushMs);
  timer.unref();
  const stream = {
    write(line: string) {
      written = true;
      return destination.write(line);
    },
  };
  return {
    logger: pino({ level }, stream),
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
