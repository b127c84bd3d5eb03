import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { DocumentLoader } from './document-loader';
import type { Ed25519Key } from './keys';
import type { SignTask } from './sign-worker';
import { signDataIntegrity, type SignableCredential } from './sign-data-integrity';
import { issuedTexts, type IssuedTexts, type JwtOptions } from './signed-texts';
import type { JwtSignableCredential } from './sign-jwt';

/** Signs one credential with a Data Integrity proof: in this thread or in a pool of threads. */
export interface DataIntegritySigner {
  threads: number;
  sign<T extends SignableCredential>(
    credential: T,
    options: { key: Ed25519Key; date: Date },
  ): Promise<T & { proof: Array<Record<string, unknown>> }>;
  /**
   * The Data Integrity proof, then the VC-JWT around the signed credential, both in the same thread:
   * the credential's stored texts (its JSON and its JWT).
   */
  issue(
    credential: SignableCredential & JwtSignableCredential,
    options: { key: Ed25519Key; date: Date; jwt: JwtOptions },
  ): Promise<IssuedTexts>;
  close(): Promise<void>;
}

/** PARCOURS_SIGNING_THREADS, else one per core this process may run on (taskset, cgroup quotas). */
export const defaultSigningThreads = () => availableParallelism();

// Beside dist/server.mjs once built; beside this file (a tsx bootstrap) in the sources.
const WORKER = new URL('./signing-worker.mjs', import.meta.url);
/** Proofs signed in this thread before the pool takes the rest of those asked at once. */
export const INLINE = 4;

/**
 * RDFC-1.0 canonicalisation is pure JavaScript and dominates issuance: with more than one core,
 * proofs are computed by a pool of worker threads, one per core, and a batch of awards signs in
 * parallel while its transaction stays open in the main thread. One thread: signed inline, no pool.
 * The first few proofs asked at once are signed in this thread (a single award never starts the
 * pool); the pool starts with the first batch and its idle threads end after a while, so a process
 * that never issues in bulk (or has finished) keeps none.
 */
export function createSigner(options: { threads: number; documentLoader: DocumentLoader }): DataIntegritySigner {
  const threads = Math.max(1, Math.floor(options.threads));
  if (threads === 1) {
    const sign: DataIntegritySigner['sign'] = (credential, { key, date }) =>
      signDataIntegrity(credential, { key, date, documentLoader: options.documentLoader });
    return {
      threads,
      sign,
      issue: async (credential, { key, date, jwt }) => issuedTexts(await sign(credential, { key, date }), jwt),
      close: async () => {},
    };
  }
  let pool: Piscina | undefined;
  let inFlight = 0;
  const inline = (credential: SignableCredential, key: Ed25519Key, date: Date) =>
    signDataIntegrity(credential, { key, date, documentLoader: options.documentLoader });
  // A single award, or the head of a batch, is signed here: threads pay off from a few at once.
  const run = async <R>(here: () => Promise<R>, task: SignTask): Promise<R> => {
    if (inFlight < INLINE) {
      inFlight += 1;
      try {
        return await here();
      } finally {
        inFlight -= 1;
      }
    }
    pool ??= new Piscina({ filename: WORKER.href, minThreads: 0, maxThreads: threads, idleTimeout: 10_000 });
    return pool.run(task);
  };
  return {
    threads,
    sign: (credential, { key, date }) =>
      run(() => inline(credential, key, date) as never, { credential, key, date: date.toISOString() }),
    issue: (credential, { key, date, jwt }) =>
      run(async () => issuedTexts((await inline(credential, key, date)) as unknown as typeof credential, jwt), {
        credential,
        key,
        date: date.toISOString(),
        jwt,
      }),
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}
