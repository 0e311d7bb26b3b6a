import type { CheckIn } from '../db/schema';
import { mean, METRICS, metricSeries, type Metric, type MetricId } from './trends';

/** Thresholds behind the plain-language summary; ratings are 0–10. */
export interface InsightRules {
  /** How many recent sessions a "has risen" sentence looks at. */
  recentSessions: number;
  /** Fewer rated sessions than this and no recent-trend sentence is made. */
  minSessions: number;
  /** Points the fitted line must climb or drop across those sessions. */
  sessionChange: number;
  /** Length of a "month" for "lower than last month". */
  monthDays: number;
  /** Points between this month's and last month's averages. */
  monthChange: number;
  /** Ratings needed in each of the two months to compare them. */
  minPerMonth: number;
  /** At most this many sentences, largest changes first. */
  maxSentences: number;
}

export const INSIGHT_RULES: InsightRules = {
  recentSessions: 6,
  minSessions: 4,
  sessionChange: 1.5,
  monthDays: 30,
  monthChange: 1,
  minPerMonth: 2,
  maxSentences: 4,
};

export type InsightKind = 'rise' | 'fall' | 'higher' | 'lower' | 'steady' | 'too-few' | 'none';

export interface Insight {
  kind: InsightKind;
  /** The metric the sentence is about; absent for sentences about everything. */
  metricId?: MetricId;
  text: string;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function subject(metric: Metric): string {
  return metric.id === 'overall' ? 'Your overall rating' : metric.name;
}

/** Slope of the least-squares line through values at 0, 1, 2… (points per session). */
export function slope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = mean(values)!;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

interface Candidate extends Insight {
  /** Size of the change in points, for ordering. */
  size: number;
  order: number;
}

function recentTrend(metric: Metric, values: readonly number[], rules: InsightRules, order: number): Candidate | null {
  if (values.length < rules.minSessions) return null;
  const recent = values.slice(-rules.recentSessions);
  const change = slope(recent) * (recent.length - 1);
  if (Math.abs(change) < rules.sessionChange) return null;
  const verb = change > 0 ? 'has risen' : 'has fallen';
  return {
    kind: change > 0 ? 'rise' : 'fall',
    metricId: metric.id,
    text: `${subject(metric)} ${verb} over your last ${countWord(recent.length)} sessions.`,
    size: Math.abs(change),
    order,
  };
}

function monthOnMonth(
  metric: Metric,
  points: readonly { ms: number; value: number }[],
  nowMs: number,
  rules: InsightRules,
  order: number,
): Candidate | null {
  const monthMs = rules.monthDays * 86_400_000;
  const thisMonth = points.filter((p) => p.ms > nowMs - monthMs && p.ms <= nowMs).map((p) => p.value);
  const lastMonth = points.filter((p) => p.ms > nowMs - 2 * monthMs && p.ms <= nowMs - monthMs).map((p) => p.value);
  if (thisMonth.length < rules.minPerMonth || lastMonth.length < rules.minPerMonth) return null;
  const change = mean(thisMonth)! - mean(lastMonth)!;
  if (Math.abs(change) < rules.monthChange) return null;
  return {
    kind: change > 0 ? 'higher' : 'lower',
    metricId: metric.id,
    text: `${subject(metric)} is ${change > 0 ? 'higher' : 'lower'} than last month.`,
    size: Math.abs(change),
    order,
  };
}

/**
 * What changed recently, in plain sentences: per metric a rise or fall over the last
 * sessions, else a change against the previous month; largest changes first.
 */
export function describeChanges(checkIns: readonly CheckIn[], now: Date = new Date(), rules: InsightRules = INSIGHT_RULES): Insight[] {
  if (checkIns.length === 0) return [{ kind: 'none', text: 'No check-ins in this period yet.' }];
  const candidates: Candidate[] = [];
  let mostRated = 0;
  METRICS.forEach((metric, order) => {
    const points = metricSeries(checkIns, metric.id);
    mostRated = Math.max(mostRated, points.length);
    // One sentence per metric: the session trend says more than the calendar does.
    const sentence =
      recentTrend(
        metric,
        points.map((p) => p.value),
        rules,
        order,
      ) ?? monthOnMonth(metric, points, now.getTime(), rules, order);
    if (sentence) candidates.push(sentence);
  });
  if (candidates.length > 0) {
    return candidates
      .sort((a, b) => b.size - a.size || a.order - b.order)
      .slice(0, rules.maxSentences)
      .map(({ kind, metricId, text }) => ({ kind, metricId, text }));
  }
  if (mostRated < rules.minSessions) {
    return [
      {
        kind: 'too-few',
        text: `Not enough check-ins yet to see a trend: after ${countWord(rules.minSessions)} rated sessions Debrief will say what changed.`,
      },
    ];
  }
  const steadyOver = Math.min(mostRated, rules.recentSessions);
  return [{ kind: 'steady', text: `Your ratings have held steady over your last ${countWord(steadyOver)} sessions.` }];
}
