import type { CheckIn } from '../db/schema';
import { formatNumber, t } from '../i18n';
import { seriesByMetric, trendEntryOf } from './series';
import { mean, METRICS, type Metric, type MetricId, type TrendPoint } from './trends';

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

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'] as const;

/** Small counts read better as words ("your last six sessions"). */
function countWord(n: number): string {
  const word = NUMBER_WORDS[n];
  return word ? t(`insights.numbers.${word}`) : formatNumber(n);
}

type Direction = 'rise' | 'fall' | 'higher' | 'lower';

/** A whole sentence per case, so each language can build it its own way around the metric's name. */
const SENTENCES: Record<Direction, { sign(metric: string, count: string): string; overall(count: string): string }> = {
  rise: {
    sign: (metric, count) => t('insights.riseSign', { metric, count }),
    overall: (count) => t('insights.riseOverall', { count }),
  },
  fall: {
    sign: (metric, count) => t('insights.fallSign', { metric, count }),
    overall: (count) => t('insights.fallOverall', { count }),
  },
  higher: { sign: (metric) => t('insights.higherSign', { metric }), overall: () => t('insights.higherOverall') },
  lower: { sign: (metric) => t('insights.lowerSign', { metric }), overall: () => t('insights.lowerOverall') },
};

function sentence(direction: Direction, metric: Metric, count = 0): string {
  const say = SENTENCES[direction];
  return metric.id === 'overall' ? say.overall(countWord(count)) : say.sign(metric.name, countWord(count));
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
  const kind = change > 0 ? 'rise' : 'fall';
  return {
    kind,
    metricId: metric.id,
    text: sentence(kind, metric, recent.length),
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
  const kind = change > 0 ? 'higher' : 'lower';
  return {
    kind,
    metricId: metric.id,
    text: sentence(kind, metric),
    size: Math.abs(change),
    order,
  };
}

/**
 * What changed recently, in plain sentences: per metric a rise or fall over the last
 * sessions, else a change against the previous month; largest changes first.
 */
export function describeChanges(checkIns: readonly CheckIn[], now: Date = new Date(), rules: InsightRules = INSIGHT_RULES): Insight[] {
  return describeSeries(seriesByMetric(checkIns.map(trendEntryOf)), checkIns.length, now, rules);
}

/** describeChanges from every metric's series (seriesByMetric, METRICS order) of `checkInCount` check-ins. */
export function describeSeries(
  series: readonly (readonly TrendPoint[])[],
  checkInCount: number,
  now: Date = new Date(),
  rules: InsightRules = INSIGHT_RULES,
): Insight[] {
  if (checkInCount === 0) return [{ kind: 'none', text: t('insights.none') }];
  const candidates: Candidate[] = [];
  let mostRated = 0;
  METRICS.forEach((metric, order) => {
    const points = series[order] ?? [];
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
        text: t('insights.tooFew', { count: countWord(rules.minSessions) }),
      },
    ];
  }
  const steadyOver = Math.min(mostRated, rules.recentSessions);
  return [{ kind: 'steady', text: t('insights.steady', { count: countWord(steadyOver) }) }];
}
