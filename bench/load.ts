// A load client for the benchmarks: a worker thread hammering one loopback URL over keep-alive.
import { Worker } from 'node:worker_threads';

// The load client runs in a worker thread (its own event loop), in plain CommonJS: node:http
// with keep-alive, `total` requests, `concurrency` at a time, loopback only.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, method, body, headers, concurrency, total } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let sent = 0, errors = 0;
const one = () => new Promise((resolve) => {
  const req = http.request(url, { method, agent, headers }, (res) => {
    res.resume();
    res.on('end', () => { if (res.statusCode !== 200) errors++; resolve(); });
  });
  req.on('error', () => { errors++; resolve(); });
  req.end(body ? Buffer.from(body) : undefined);
});
const loop = async () => { while (sent < total) { sent++; await one(); } };
const start = process.hrtime.bigint();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ total, seconds: Number(process.hrtime.bigint() - start) / 1e9, errors });
});`;

interface Load {
  url: string;
  total: number;
  concurrency: number;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

export async function load(options: Load): Promise<{ perSecond: number; errors: number }> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) throw new Error('loopback only');
  const worker = new Worker(CLIENT, { eval: true, workerData: { method: 'GET', headers: {}, ...options } });
  try {
    const r = await new Promise<{ total: number; seconds: number; errors: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    return { perSecond: r.total / r.seconds, errors: r.errors };
  } finally {
    await worker.terminate();
  }
}
