/**
 * Seeded generators for the seeders, so every run writes the same records. Two kinds because the
 * e2e history and the bench have each pinned figures to their own sequence.
 */

/** xorshift32: the e2e history's generator. */
export function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** mulberry32: the bench's generator, small, fast and the same on every machine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from a list with `next`. */
export function picker(next: () => number): <T>(list: readonly T[]) => T {
  return <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
}

/** A rating 0–10, or skipped (null) with probability `skipped`. */
export function randomRating(next: () => number, skipped: number): number | null {
  return next() < skipped ? null : Math.floor(next() * 11);
}
