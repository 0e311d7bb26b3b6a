/** Figures the bench reports: each a median with its min and max, printed beside its target. */

export interface Figure {
  area: string;
  figure: string;
  unit: 'ms' | 'KB' | '×';
  median: number;
  min: number;
  max: number;
  /** How many runs the median is of (1 for a size). */
  runs: number;
  /** The target as written in issue 6, e.g. "≤ 300 ms"; '' when there is none. */
  target: string;
  /** Whether the median meets the target; null without one. */
  meets: boolean | null;
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A figure from its runs; its median (or, with `judge: 'max'`, its worst run) is judged against `max`. */
export function figureOf(
  area: string,
  figure: string,
  values: readonly number[],
  options: { unit?: Figure['unit']; target?: string; max?: number; note?: string; judge?: 'median' | 'max' } = {},
): Figure {
  const { unit = 'ms', target = '', max, note, judge = 'median' } = options;
  const mid = median(values);
  const judged = judge === 'max' ? Math.max(...values) : mid;
  return {
    area,
    figure,
    unit,
    median: mid,
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    runs: values.length,
    target,
    meets: max === undefined || Number.isNaN(judged) ? null : judged <= max,
    ...(note ? { note } : {}),
  };
}

/**
 * Runs each variant `runs` times, interleaved and in a rotating order (A B, B A, …) so a machine
 * getting busier or calmer over the run weighs on every variant alike. Returns each variant's results.
 */
export async function alternate<K extends string, T>(runs: number, variants: Record<K, (run: number) => Promise<T>>): Promise<Record<K, T[]>> {
  const names = Object.keys(variants) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  for (let run = 0; run < runs; run++) {
    const order = names.map((_, index) => names[(index + run) % names.length] as K);
    for (const name of order) results[name].push(await variants[name](run));
  }
  return results;
}

/** Pairwise differences a[i] − b[i] (a variant against its baseline from the same round). */
export function differences(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value - (b[index] ?? Number.NaN));
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
