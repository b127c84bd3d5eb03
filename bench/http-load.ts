// Request rates over HTTP with autocannon, from the benchmark's process (never the server's).
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 10;

export interface Load {
  perSecond: number;
  /** Answers other than the expected status, and transport errors. */
  failed: number;
  /** CPU seconds the process `pid` used during the measured run (when given). */
  cpu: number;
}

/** `path` on `base` for LOAD_SECONDS after a one-second warm-up; `expect` is the status counted as success. */
export async function rate(
  base: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    /** One request per body, in turn. */
    bodies?: string[];
    expect?: number;
    fresh?: boolean;
    /** The server's process: its CPU time during the run is reported. */
    pid?: number;
    /** Seconds of load before the measured run (default 1). */
    warmUp?: number;
  } = {},
): Promise<Load> {
  const expect = String(options.expect ?? 200);
  // Each request from its own client address when asked: verification has a budget per address.
  let n = 0;
  const requests = (options.bodies ?? [undefined]).map((body) => ({
    method: options.method ?? 'GET',
    path,
    headers: options.headers ?? {},
    body,
    ...(options.fresh
      ? {
          setupRequest: (r: { headers?: Record<string, string> }) => {
            n += 1;
            return {
              ...r,
              headers: { ...r.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
            };
          },
        }
      : {}),
  }));
  const warmUp = options.warmUp ?? 1;
  if (warmUp > 0) await autocannon({ url: base, connections: CONNECTIONS, duration: warmUp, requests });
  const cpu0 = options.pid ? cpuSeconds(options.pid) : 0;
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: LOAD_SECONDS, requests });
  const cpu = options.pid ? cpuSeconds(options.pid) - cpu0 : 0;
  const ok = result.statusCodeStats[expect]?.count ?? 0;
  if (process.env.BENCH_DEBUG)
    console.log(path, result.statusCodeStats, result.requests.total, result.errors, result.timeouts);
  return { perSecond: ok / (result.duration || LOAD_SECONDS), failed: result.requests.total - ok + result.errors, cpu };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // Fields 14 and 15 of proc(5) (utime, stime), counted from 3 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
