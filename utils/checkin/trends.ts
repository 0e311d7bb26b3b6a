import type { CheckIn } from '../db/schema';
import { OVERALL, SIGNS, type Rating, type SignId } from './instrument';

/** A line on the trends page: one of the six signs or the overall rating. */
export type MetricId = SignId | 'overall';

export interface Metric {
  id: MetricId;
  name: string;
  chartColor: string;
  dash: readonly number[];
}

/** Overall first (the headline), then the signs in instrument order. */
export const METRICS: readonly Metric[] = [OVERALL, ...SIGNS].map(({ id, name, chartColor, dash }) => ({
  id,
  name,
  chartColor,
  dash,
}));

/** Sessions in the rolling average: about a month of weekly sessions. */
export const ROLLING_WINDOW = 4;

/** When the session took place: its start if known, otherwise when the check-in was written. */
export function sessionTimeMs(checkIn: Pick<CheckIn, 'sessionStartedAt' | 'createdMs'>): number {
  const started = checkIn.sessionStartedAt ? Date.parse(checkIn.sessionStartedAt) : NaN;
  return Number.isNaN(started) ? checkIn.createdMs : started;
}

/** The check-in's answer for a metric; null when skipped. */
export function metricValue(checkIn: Pick<CheckIn, 'ratings' | 'overall'>, id: MetricId): Rating {
  return id === 'overall' ? checkIn.overall : (checkIn.ratings[id] ?? null);
}

/** The mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Trailing mean of each value and up to `window - 1` values before it. The first points
 * average what exists so far, so the line starts with the first session.
 */
export function rollingAverage(values: readonly number[], window: number = ROLLING_WINDOW): number[] {
  const size = Math.max(1, Math.floor(window));
  const result: number[] = [];
  let sum = 0;
  values.forEach((value, i) => {
    sum += value;
    if (i >= size) sum -= values[i - size]!;
    result.push(sum / Math.min(i + 1, size));
  });
  return result;
}

export interface TrendPoint {
  /** When the session took place, epoch ms. */
  ms: number;
  value: number;
  /** Rolling average up to and including this session. */
  average: number;
}

/** One metric over time, oldest first; sessions where it was skipped are left out. */
export function metricSeries(checkIns: readonly CheckIn[], id: MetricId, window: number = ROLLING_WINDOW): TrendPoint[] {
  const answered = checkIns
    .map((checkIn) => ({ ms: sessionTimeMs(checkIn), value: metricValue(checkIn, id) }))
    .filter((p): p is { ms: number; value: number } => p.value !== null)
    .sort((a, b) => a.ms - b.ms);
  const averages = rollingAverage(
    answered.map((p) => p.value),
    window,
  );
  return answered.map((p, i) => ({ ...p, average: averages[i]! }));
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
  return METRICS.map((metric) => {
    const series = metricSeries(checkIns, metric.id);
    return {
      metric,
      average: mean(series.map((p) => p.value)),
      count: series.length,
      latest: series.at(-1) ?? null,
    };
  });
}

/** Date range (local calendar days, inclusive, `YYYY-MM-DD` or '' for open) and provider ('' for all). */
export interface CheckInFilter {
  from: string;
  to: string;
  provider: string;
}

export const NO_FILTER: CheckInFilter = { from: '', to: '', provider: '' };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight starting the given day; null for '' or a malformed day. */
export function startOfDayMs(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/** Provider names compare loosely: people type "Dr. Lee" one week and "dr lee " the next. */
export function providerKey(provider: string): string {
  return provider.trim().toLowerCase().replace(/[.\s]+/g, ' ').trim();
}

/** The check-ins whose session falls in the date range and, if given, is with the provider. */
export function filterCheckIns(checkIns: readonly CheckIn[], filter: CheckInFilter): CheckIn[] {
  const fromMs = startOfDayMs(filter.from) ?? -Infinity;
  const toStart = startOfDayMs(filter.to);
  // The end day is inclusive: everything before the next local midnight.
  const toMs = toStart === null ? Infinity : new Date(toStart).setDate(new Date(toStart).getDate() + 1);
  const provider = providerKey(filter.provider);
  return checkIns.filter((checkIn) => {
    const ms = sessionTimeMs(checkIn);
    if (ms < fromMs || ms >= toMs) return false;
    return provider === '' || providerKey(checkIn.provider) === provider;
  });
}

/** Distinct providers named in the check-ins, as first written, sorted for a menu. */
export function providersOf(checkIns: readonly CheckIn[]): string[] {
  const byKey = new Map<string, string>();
  for (const checkIn of checkIns) {
    const key = providerKey(checkIn.provider);
    if (key && !byKey.has(key)) byKey.set(key, checkIn.provider.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

export interface GoalProgressEntry {
  checkInId: string;
  ms: number;
  rating: Rating;
  note: string;
}

/** What each check-in said about a goal, oldest first; untouched entries are left out. */
export function goalProgressOf(checkIns: readonly CheckIn[], goalId: string): GoalProgressEntry[] {
  const entries: GoalProgressEntry[] = [];
  for (const checkIn of checkIns) {
    const progress = checkIn.goalProgress.find((g) => g.goalId === goalId);
    if (!progress || (progress.rating === null && progress.note.trim() === '')) continue;
    entries.push({ checkInId: checkIn.id, ms: sessionTimeMs(checkIn), rating: progress.rating, note: progress.note.trim() });
  }
  return entries.sort((a, b) => a.ms - b.ms);
}

/** "3 Mar 2026" in the reader's locale. */
export function formatDay(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(ms));
}

/** One decimal, the way averages of 0–10 ratings are shown: "6.5", "7". */
export function formatAverage(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
