/**
 * Seeded randomness for the fuzz suites: the same FUZZ_SEED gives the same inputs, so a failure
 * printed by CI can be replayed exactly. FUZZ_RUNS raises the number of cases (default: a few
 * seconds in CI).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);

/** mulberry32: small, fast, good enough to pick mutations; not for anything secret. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    bytes: (length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256)),
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** How many cases a suite runs: its own default, or FUZZ_RUNS when set. */
export const fuzzRuns = (defaultRuns: number) => (FUZZ_RUNS > 0 ? FUZZ_RUNS : defaultRuns);
