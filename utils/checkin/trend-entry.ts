/**
 * What the trends read of one check-in, and the metrics they chart. Kept apart from the trend
 * math because every check-in write makes an entry (utils/db/trend-months.ts), so the check-in
 * window loads this file, and only this one, of the trends.
 */
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

/** Overall first (the headline), then the signs in instrument order; names are read in the browser's language. */
export const METRICS: readonly Metric[] = [OVERALL, ...SIGNS];

/** The check-in's answer for a metric; null when skipped. */
export function metricValue(checkIn: Pick<CheckIn, 'ratings' | 'overall'>, id: MetricId): Rating {
  return id === 'overall' ? checkIn.overall : (checkIn.ratings[id] ?? null);
}

/** When the check-in's session took place (or when it was written, for a manual one), epoch ms. */
export function checkInTime(checkIn: Pick<CheckIn, 'sessionStartedAt' | 'createdMs'>): number {
  const started = checkIn.sessionStartedAt === null ? NaN : Date.parse(checkIn.sessionStartedAt);
  return Number.isNaN(started) ? checkIn.createdMs : started;
}

/** What the trends read of one check-in. */
export interface TrendEntry {
  id: string;
  /** When the session took place (checkInTime), epoch ms. */
  ms: number;
  /** When the check-in was written: orders "newest first" as the history does. */
  createdMs: number;
  provider: string;
  /** The answers in METRICS order; null where skipped. */
  ratings: Rating[];
}

export function trendEntryOf(checkIn: CheckIn): TrendEntry {
  return {
    id: checkIn.id,
    ms: checkInTime(checkIn),
    createdMs: checkIn.createdMs,
    provider: checkIn.provider,
    ratings: METRICS.map((metric) => metricValue(checkIn, metric.id)),
  };
}

/** Newest written first, as the history lists them (ties: the later id first, as the database's index gives them reversed). */
export function newestFirst(entries: TrendEntry[]): TrendEntry[] {
  return entries.sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
