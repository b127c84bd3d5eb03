import { AppError } from '../shared/errors';
import type { FetchJson } from './document-loader';

/**
 * What one verification may cost. Anyone may ask us to verify anything (POST /api/verify and
 * the verifier page are public), so the input's decoding and what it makes us fetch are bounded:
 * past a bound the answer is a clear 4xx or a failed check, never a 5xx and never a pass.
 */
export interface VerifyLimits {
  /** Decoded credential text (an inflated PNG chunk, an SVG's credential): bytes. */
  maxTextBytes: number;
  /** Nesting depth of the credential's JSON (OB 3.0 credentials are ~8 deep, endorsed ones ~15). */
  maxDepth: number;
  /**
   * JSON values in the credential (ours have ~150): bounds schema and RDF canonicalisation work
   * (under a second of CPU at 5,000 on a 2-core machine).
   */
  maxNodes: number;
  /** credentialStatus entries checked (each may fetch a list). */
  maxStatusEntries: number;
  /** Proofs on one credential (each may fetch a key). */
  maxProofs: number;
  /**
   * Embedded EndorsementCredentials verified (each is a credential of its own: canonicalisation,
   * a key and a status list to fetch); past it none is accepted. OB 3.0 gives no bound: ours carry one.
   */
  maxEndorsements: number;
  /** Distinct outside documents fetched (DID documents, JWKS, status lists), all checks together. */
  maxDocuments: number;
  /** Wall-clock budget for everything fetched during one verification. */
  budgetMs: number;
}

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = Object.freeze({
  maxTextBytes: 4 * 1_048_576,
  maxDepth: 64,
  maxNodes: 5_000,
  maxStatusEntries: 4,
  maxProofs: 4,
  maxEndorsements: 3,
  maxDocuments: 8,
  budgetMs: 10_000,
});

/** Thrown by a budgeted fetch: the checks report it by its code rather than as "unreachable". */
export class VerifyBudgetExceeded extends Error {
  constructor(
    readonly code: 'VERIFY_FETCH_LIMIT' | 'VERIFY_TIME_LIMIT',
    readonly params: { max: number },
  ) {
    super(code);
    this.name = 'VerifyBudgetExceeded';
  }
}

export const isBudgetExceeded = (error: unknown): error is VerifyBudgetExceeded =>
  error instanceof VerifyBudgetExceeded;

/**
 * One verification's fetches: each distinct URL fetched once (a status list named by many entries,
 * a DID document needed by the credential and its status list), at most `maxDocuments` of them,
 * all within `budgetMs` from the first call of `budgetedFetch`. The signal aborts what is still
 * in flight when the time is up.
 */
export function budgetedFetch(
  fetchJson: FetchJson,
  limits: Pick<VerifyLimits, 'maxDocuments' | 'budgetMs'>,
): FetchJson & { signal: AbortSignal; end(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new VerifyBudgetExceeded('VERIFY_TIME_LIMIT', { max: Math.round(limits.budgetMs / 1000) })),
    limits.budgetMs,
  );
  timer.unref?.();
  const fetched = new Map<string, Promise<unknown>>();
  const fetch = (async (url: string) => {
    if (controller.signal.aborted) throw controller.signal.reason;
    let pending = fetched.get(url);
    if (!pending) {
      if (fetched.size >= limits.maxDocuments)
        throw new VerifyBudgetExceeded('VERIFY_FETCH_LIMIT', { max: limits.maxDocuments });
      pending = raceAbort(fetchJson(url, { signal: controller.signal }), controller.signal);
      fetched.set(url, pending);
    }
    return pending;
  }) as FetchJson & { signal: AbortSignal; end(): void };
  fetch.signal = controller.signal;
  /** The verification is over: stop the clock and let go of the documents. */
  fetch.end = () => {
    clearTimeout(timer);
    fetched.clear();
  };
  return fetch;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Depth and size of decoded JSON, walked without recursion (a 4 MB body can nest a million
 * levels; recursive code downstream — JSON-LD expansion, serialisation — would overflow).
 */
export function assertJsonBounded(value: unknown, limits: Pick<VerifyLimits, 'maxDepth' | 'maxNodes'>): void {
  const tooComplex = () =>
    new AppError('VERIFY_INPUT_TOO_COMPLEX', 400, { depth: limits.maxDepth, nodes: limits.maxNodes });
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) throw tooComplex();
    if (node === null || typeof node !== 'object') continue;
    if (depth > limits.maxDepth) throw tooComplex();
    const children = Array.isArray(node) ? node : Object.values(node);
    if (nodes + stack.length + children.length > limits.maxNodes) throw tooComplex();
    for (const child of children) stack.push([child, depth + 1]);
  }
}
