/**
 * The trends' numbers: what a chart needs of a check-in (a TrendEntry) and every metric's
 * series from one pass over them. The trends page reads entries packed by month
 * (utils/db/trend-months.ts); the printable summary makes them from full check-ins.
 */
import type { CheckIn } from '../db/schema';
import { distinctByFold, trendFilterTest } from './filters';
import { trendEntryOf, type TrendEntry } from './trend-entry';
import { meanValue, METRICS, rollingAverage, ROLLING_WINDOW, type CheckInFilter, type Metric, type MetricId, type TrendPoint } from './trends';

export { trendEntryOf, type TrendEntry } from './trend-entry';

/** The entries in the date range and with the provider, in their given order (the rules of utils/checkin/filters.ts). */
export function filterTrendEntries(entries: readonly TrendEntry[], filter: CheckInFilter): TrendEntry[] {
  const passes = trendFilterTest(filter);
  return passes ? entries.filter((entry) => passes(entry.ms, entry.provider)) : entries.slice();
}

/** Distinct providers for the provider menu, from entries given newest first. */
export function providersOfEntries(entries: readonly TrendEntry[]): string[] {
  return distinctByFold(entries.map((entry) => entry.provider));
}

/** One metric's points from entries already in time order. */
function seriesAt(byTime: readonly TrendEntry[], index: number, window: number): TrendPoint[] {
  const times: number[] = [];
  const values: number[] = [];
  for (const entry of byTime) {
    const value = entry.ratings[index];
    if (value === null || value === undefined) continue;
    times.push(entry.ms);
    values.push(value);
  }
  const averages = rollingAverage(values, window);
  // Plain loops and one object shape: this runs for thousands of sessions on every visit.
  const points: TrendPoint[] = new Array<TrendPoint>(values.length);
  for (let i = 0; i < values.length; i++) points[i] = { ms: times[i]!, value: values[i]!, average: averages[i]! };
  return points;
}

/** In time order; a stable sort keeps sessions at the same time in the given order. */
const byTime = (entries: readonly TrendEntry[]) => entries.slice().sort((a, b) => a.ms - b.ms);

/** Every metric's series, in METRICS order, from one sort of the entries; skipped answers are left out. */
export function seriesByMetric(entries: readonly TrendEntry[], window: number = ROLLING_WINDOW): TrendPoint[][] {
  const sorted = byTime(entries);
  return METRICS.map((_, index) => seriesAt(sorted, index, window));
}

/** One metric over time, oldest first; sessions where it was skipped are left out. */
export function metricSeries(checkIns: readonly CheckIn[], id: MetricId, window: number = ROLLING_WINDOW): TrendPoint[] {
  const index = METRICS.findIndex((metric) => metric.id === id);
  return seriesAt(byTime(checkIns.map(trendEntryOf)), index, window);
}

export interface MetricAverage {
  metric: Metric;
  average: number | null;
  /** Sessions in which it was rated. */
  count: number;
  latest: TrendPoint | null;
}

/** Average, count and latest rating of every metric, in METRICS order. */
export function metricAverages(checkIns: readonly CheckIn[]): MetricAverage[] {
  const series = seriesByMetric(checkIns.map(trendEntryOf));
  return METRICS.map((metric, index) => {
    const points = series[index]!;
    return { metric, average: meanValue(points), count: points.length, latest: points.at(-1) ?? null };
  });
}
