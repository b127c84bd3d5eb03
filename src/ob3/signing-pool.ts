import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { DocumentLoader } from './document-loader';
import type { Ed25519Key } from './keys';
import { signDataIntegrity, type SignableCredential } from './sign-data-integrity';

/** Signs one credential with a Data Integrity proof: in this thread or in a pool of threads. */
export interface DataIntegritySigner {
  threads: number;
  sign<T extends SignableCredential>(
    credential: T,
    options: { key: Ed25519Key; date: Date },
  ): Promise<T & { proof: Array<Record<string, unknown>> }>;
  close(): Promise<void>;
}

/** PARCOURS_SIGNING_THREADS, else one per core this process may run on (taskset, cgroup quotas). */
export const defaultSigningThreads = () => availableParallelism();

// Beside dist/server.mjs once built; beside this file (a tsx bootstrap) in the sources.
const WORKER = new URL('./signing-worker.mjs', import.meta.url);

/**
 * RDFC-1.0 canonicalisation is pure JavaScript and dominates issuance: with more than one core,
 * proofs are computed by a pool of worker threads, one per core, and a batch of awards signs in
 * parallel while its transaction stays open in the main thread. One thread: signed inline, no pool.
 * The pool starts on the first proof and its idle threads end after a while, so a process that
 * never issues (or has finished) keeps none.
 */
export function createSigner(options: { threads: number; documentLoader: DocumentLoader }): DataIntegritySigner {
  const threads = Math.max(1, Math.floor(options.threads));
  if (threads === 1) {
    return {
      threads,
      sign: (credential, { key, date }) =>
        signDataIntegrity(credential, { key, date, documentLoader: options.documentLoader }),
      close: async () => {},
    };
  }
  let pool: Piscina | undefined;
  return {
    threads,
    sign(credential, { key, date }) {
      pool ??= new Piscina({ filename: WORKER.href, minThreads: 0, maxThreads: threads, idleTimeout: 10_000 });
      return pool.run({ credential, key, date: date.toISOString() });
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}
