import type { CheckIn } from '../db/schema';
import { formatNumber, uiLocale } from '../i18n/index.ts';
import { distinctByFold, trendFilterTest, type HistoryFilter } from './filters';
import { checkInTime } from './trend-entry';
import { cachedFormat } from './format';
import type { Rating } from './instrument';

export { METRICS, type Metric, type MetricId } from './trend-entry';

/** Sessions in the rolling average: about a month of weekly sessions. */
export const ROLLING_WINDOW = 4;

/** The mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The mean of the points' ratings, or null for none; no list is made (a series holds thousands). */
export function meanValue(points: readonly { value: number }[]): number | null {
  if (points.length === 0) return null;
  let sum = 0;
  for (const point of points) sum += point.value;
  return sum / points.length;
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

/**
 * Trends are narrowed by date range and provider only, with the same rules as the
 * history (utils/checkin/filters.ts), so both views agree on what "March with Dr Lee" is.
 */
export type CheckInFilter = Pick<HistoryFilter, 'from' | 'to' | 'provider'>;

/** The check-ins whose session falls in the date range (inclusive local days) and is with the provider. */
export function filterForTrends(checkIns: readonly CheckIn[], filter: CheckInFilter): CheckIn[] {
  const passes = trendFilterTest(filter);
  return passes ? checkIns.filter((checkIn) => passes(checkInTime(checkIn), checkIn.provider)) : checkIns.slice();
}

/** Distinct providers named in the check-ins (given newest first), for the provider menu. */
export function providersOf(checkIns: readonly CheckIn[]): string[] {
  return distinctByFold(checkIns.map((checkIn) => checkIn.provider));
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The filter kept in a URL query (`from`, `to`, `provider`); anything unusable is left open. */
export function filterFromQuery(query: string | URLSearchParams): CheckInFilter {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY_PATTERN.test(value) ? value : '';
  };
  return { from: day('from'), to: day('to'), provider: (params.get('provider') ?? '').trim() };
}

/** The filter as a URL query, leaving out what is open, so an unfiltered URL stays clean. */
export function filterToQuery(filter: CheckInFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.provider) params.set('provider', filter.provider);
  return params;
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
    entries.push({ checkInId: checkIn.id, ms: checkInTime(checkIn), rating: progress.rating, note: progress.note.trim() });
  }
  return entries.sort((a, b) => a.ms - b.ms);
}

/** "3 Mar 2026" in the reader's locale. */
export function formatDay(ms: number, locale: string | undefined = uiLocale()): string {
  return cachedFormat(locale, { dateStyle: 'medium' }).format(new Date(ms));
}

/** One decimal, the way averages of 0–10 ratings are shown: "6.5", "7". */
export function formatAverage(value: number, locale: string | undefined = uiLocale()): string {
  return formatNumber(value, locale, { maximumFractionDigits: 1 });
}
