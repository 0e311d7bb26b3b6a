import type { CheckIn } from '../db/schema';
import { formatNumber, t } from '../i18n/index.ts';
import { seriesByMetric, trendEntryOf } from './series';
import { formatAverage, mean, METRICS, type Metric, type MetricId, type TrendPoint } from './trends';

/** Thresholds behind the plain-language summary; ratings are 0–10. A fall passes the same threshold as a rise. */
export interface InsightRules {
  /** How many recent sessions a "has risen" sentence looks at. */
  recentSessions: number;
  /** Fewer check-ins (or ratings of a metric) than this and no direction is told. */
  minSessions: number;
  /** Points the fitted line must climb or drop across those sessions. */
  sessionChange: number;
  /** Length of the period compared with the one before it ("the last 30 days"). */
  monthDays: number;
  /** Points between the two periods' averages. */
  monthChange: number;
  /** Ratings needed in each of the two periods to compare them. */
  minPerMonth: number;
  /** At most this many rises besides Overall; declines are never left out. */
  maxRises: number;
  /** Whose sentences: "your ratings" in the app, "my ratings" on the summary the person hands over. */
  voice: 'you' | 'me';
}

export const INSIGHT_RULES: InsightRules = {
  recentSessions: 6,
  minSessions: 3,
  sessionChange: 1.5,
  monthDays: 30,
  monthChange: 1,
  minPerMonth: 2,
  maxRises: 3,
  voice: 'you',
};

/** The sentences' table for a voice. */
const BOOK = { you: 'insights', me: 'insightsMine' } as const;

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

/** What a sentence says besides the metric: the period and the numbers behind it. */
interface Figures {
  count: string;
  change: string;
  days: string;
  recent: string;
  before: string;
}

/** A whole sentence per case, so each language can build it its own way around the metric's name. */
type Book = (typeof BOOK)[keyof typeof BOOK];
const SENTENCES: Record<Direction, { sign(book: Book, metric: string, f: Figures): string; overall(book: Book, f: Figures): string }> = {
  rise: {
    sign: (book, metric, f) => t(`${book}.riseSign`, { metric, count: f.count, change: f.change }),
    overall: (book, f) => t(`${book}.riseOverall`, { count: f.count, change: f.change }),
  },
  fall: {
    sign: (book, metric, f) => t(`${book}.fallSign`, { metric, count: f.count, change: f.change }),
    overall: (book, f) => t(`${book}.fallOverall`, { count: f.count, change: f.change }),
  },
  higher: {
    sign: (book, metric, f) => t(`${book}.higherSign`, { metric, days: f.days, recent: f.recent, before: f.before }),
    overall: (book, f) => t(`${book}.higherOverall`, { days: f.days, recent: f.recent, before: f.before }),
  },
  lower: {
    sign: (book, metric, f) => t(`${book}.lowerSign`, { metric, days: f.days, recent: f.recent, before: f.before }),
    overall: (book, f) => t(`${book}.lowerOverall`, { days: f.days, recent: f.recent, before: f.before }),
  },
};

function sentence(direction: Direction, metric: Metric, figures: Partial<Figures>, book: Book): string {
  const say = SENTENCES[direction];
  const all: Figures = { count: '', change: '', days: '', recent: '', before: '', ...figures };
  return metric.id === 'overall' ? say.overall(book, all) : say.sign(book, metric.name, all);
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

const isDecline = (kind: InsightKind) => kind === 'fall' || kind === 'lower';

function recentTrend(metric: Metric, points: readonly TrendPoint[], rules: InsightRules, order: number): Candidate | null {
  if (points.length < rules.minSessions) return null;
  const recent = points.slice(-rules.recentSessions).map((p) => p.value);
  const change = slope(recent) * (recent.length - 1);
  if (Math.abs(change) < rules.sessionChange) return null;
  const kind = change > 0 ? 'rise' : 'fall';
  const figures = { count: countWord(recent.length), change: formatAverage(Math.abs(change)) };
  return { kind, metricId: metric.id, text: sentence(kind, metric, figures, BOOK[rules.voice]), size: Math.abs(change), order };
}

function monthOnMonth(
  metric: Metric,
  points: readonly { ms: number; value: number }[],
  nowMs: number,
  rules: InsightRules,
  order: number,
): Candidate | null {
  const monthMs = rules.monthDays * 86_400_000;
  // One pass, no lists: this runs for every metric over thousands of sessions.
  let thisSum = 0;
  let thisCount = 0;
  let lastSum = 0;
  let lastCount = 0;
  for (const p of points) {
    if (p.ms > nowMs - monthMs && p.ms <= nowMs) {
      thisSum += p.value;
      thisCount++;
    } else if (p.ms > nowMs - 2 * monthMs && p.ms <= nowMs - monthMs) {
      lastSum += p.value;
      lastCount++;
    }
  }
  if (thisCount < rules.minPerMonth || lastCount < rules.minPerMonth) return null;
  const [recent, before] = [thisSum / thisCount, lastSum / lastCount];
  const change = recent - before;
  if (Math.abs(change) < rules.monthChange) return null;
  const kind = change > 0 ? 'higher' : 'lower';
  const figures = { days: formatNumber(rules.monthDays), recent: formatAverage(recent), before: formatAverage(before) };
  return { kind, metricId: metric.id, text: sentence(kind, metric, figures, BOOK[rules.voice]), size: Math.abs(change), order };
}

/**
 * What changed recently, in plain sentences that name their period: every decline first (largest
 * first), then Overall's direction (always told once there are enough check-ins), then the largest rises.
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
  if (checkInCount < rules.minSessions) return [{ kind: 'too-few', text: t('insights.tooFew', { count: countWord(rules.minSessions) }) }];
  const book = BOOK[rules.voice];
  const candidates: Candidate[] = [];
  let mostRated = 0;
  METRICS.forEach((metric, order) => {
    const points = series[order] ?? [];
    mostRated = Math.max(mostRated, points.length);
    // One sentence per metric: the session trend says more than the calendar does.
    const found =
      recentTrend(metric, points, rules, order) ?? monthOnMonth(metric, points, now.getTime(), rules, order);
    if (found) candidates.push(found);
  });
  const bySize = (a: Candidate, b: Candidate) => b.size - a.size || a.order - b.order;
  const declines = candidates.filter((c) => isDecline(c.kind)).sort(bySize);
  const overall = candidates.find((c) => c.metricId === 'overall');
  const rises = candidates.filter((c) => !isDecline(c.kind) && c.metricId !== 'overall').sort(bySize).slice(0, rules.maxRises);
  const told: Insight[] = [...declines];
  if (overall && !isDecline(overall.kind)) told.push(overall);
  if (!overall) {
    const overallPoints = series[METRICS.findIndex((m) => m.id === 'overall')] ?? [];
    const steadyOver = countWord(Math.min(overallPoints.length, rules.recentSessions));
    if (declines.length === 0 && rises.length === 0) {
      const count = countWord(Math.min(mostRated, rules.recentSessions));
      return [{ kind: 'steady', text: t(`${book}.steady`, { count }) }];
    }
    told.push(
      overallPoints.length >= rules.minSessions
        ? { kind: 'steady', metricId: 'overall', text: t(`${book}.steadyOverall`, { count: steadyOver }) }
        : { kind: 'too-few', metricId: 'overall', text: t(`${book}.tooFewOverall`) },
    );
  }
  return [...told, ...rises].map(({ kind, metricId, text }) => ({ kind, metricId, text }));
}
