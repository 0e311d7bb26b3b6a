/** Figures the bench reports: each a median with its min and max, printed beside its target. */

export interface Figure {
  area: string;
  figure: string;
  /** `/min`: a count per minute of call. */
  unit: 'ms' | 'KB' | '×' | '/min';
  median: number;
  min: number;
  max: number;
  /** How many runs the median is of (1 for a size). */
  runs: number;
  /** The target as written in issue 6, e.g. "≤ 300 ms"; '' when there is none. */
  target: string;
  /**
   * Whether the median meets the target; null without one; 'unresolved' when the runs scatter
   * more than the target itself, so the median cannot say either way (noisy A/B differences).
   */
  meets: boolean | 'unresolved' | null;
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Half the interquartile range: how far a typical run lies from the median. */
export function spread(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    return (sorted[low] as number) + ((sorted[Math.ceil(position)] as number) - (sorted[low] as number)) * (position - low);
  };
  return sorted.length < 2 ? 0 : (at(0.75) - at(0.25)) / 2;
}

/**
 * A figure from its runs; its median (or, with `judge: 'max'`, its worst run) is judged against `max`.
 * `resolve: true` first asks whether the runs are steady enough to judge at all (spread ≤ max).
 */
export function figureOf(
  area: string,
  figure: string,
  values: readonly number[],
  options: { unit?: Figure['unit']; target?: string; max?: number; note?: string; judge?: 'median' | 'max'; resolve?: boolean } = {},
): Figure {
  const { unit = 'ms', target = '', max, note, judge = 'median', resolve = false } = options;
  const mid = median(values);
  const judged = judge === 'max' ? Math.max(...values) : mid;
  const unresolved = resolve && max !== undefined && spread(values) > max;
  return {
    area,
    figure,
    unit,
    median: mid,
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    runs: values.length,
    target,
    meets: max === undefined || Number.isNaN(judged) ? null : unresolved ? 'unresolved' : judged <= max,
    ...(note || unresolved ? { note: [unresolved ? `runs scatter ±${spread(values).toFixed(1)} ${unit}: too noisy to judge` : '', note ?? ''].filter(Boolean).join('; ') } : {}),
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

/** Run-by-run ratios work[i] ÷ floor[i] (a figure against its floor from the same round). */
export function ratios(work: readonly number[], floor: readonly number[]): number[] {
  return work.map((value, index) => value / (floor[index] ?? Number.NaN));
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
