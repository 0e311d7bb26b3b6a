/**
 * The trends page computes every chart from TrendEntries in one pass (utils/checkin/series.ts).
 * These properties hold it to what the page computed before from whole check-ins, one metric at
 * a time: the same points in the same order, the same filter, the same provider menu.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterCheckIns, historyFacets } from '@/utils/checkin/filters';
import { checkInTime } from '@/utils/checkin/trend-entry';
import { SIGN_IDS, type Rating } from '@/utils/checkin/instrument';
import { filterTrendEntries, metricSeries, providersOfEntries, seriesByMetric, trendEntryOf } from '@/utils/checkin/series';
import { metricValue, newestFirst } from '@/utils/checkin/trend-entry';
import { METRICS, rollingAverage, type MetricId, type TrendPoint } from '@/utils/checkin/trends';
import type { CheckIn } from '@/utils/db/schema';
import { checkIn, stamp } from '../../support/sync-fixtures';

/** The page's series before: each metric mapped, filtered and sorted on its own. */
function seriesBefore(checkIns: readonly CheckIn[], id: MetricId, window = 4): TrendPoint[] {
  const answered = checkIns
    .map((c) => ({ ms: checkInTime(c), value: metricValue(c, id) }))
    .filter((p): p is { ms: number; value: number } => p.value !== null)
    .sort((a, b) => a.ms - b.ms);
  const averages = rollingAverage(
    answered.map((p) => p.value),
    window,
  );
  return answered.map((p, i) => ({ ...p, average: averages[i]! }));
}

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 5, 10);
// Few distinct times, so sessions at the same moment (the stable-order case) are common.
const arbMs = fc.integer({ min: 0, max: 40 }).map((n) => BASE + n * (DAY / 2));
const arbRating: fc.Arbitrary<Rating> = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 3 });

const arbCheckIns = fc
  .array(
    fc.record({
      createdMs: arbMs,
      started: fc.option(arbMs, { nil: null }),
      overall: arbRating,
      ratings: fc.tuple(...SIGN_IDS.map(() => arbRating)),
      provider: fc.constantFrom('', 'Dr Lee', 'dr lee', ' Dr Lée ', 'Sam Ortiz'),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map((row, i) =>
      checkIn(`c${String(i).padStart(3, '0')}`, stamp(i), {
        createdMs: row.createdMs,
        sessionStartedAt: row.started === null ? null : new Date(row.started).toISOString(),
        overall: row.overall,
        ratings: Object.fromEntries(SIGN_IDS.map((id, k) => [id, row.ratings[k]!])) as CheckIn['ratings'],
        provider: row.provider,
      }),
    ),
  )
  // Newest first, as the database hands them to the page.
  .map((checkIns) => newestFirst(checkIns.map(trendEntryOf)).map((entry) => checkIns.find((c) => c.id === entry.id)!));

const arbFilter = fc.record({
  from: fc.constantFrom('', '2026-01-08', '2026-01-15'),
  to: fc.constantFrom('', '2026-01-12', '2026-02-01'),
  provider: fc.constantFrom('', 'dr lee', 'Sam Ortiz', 'nobody'),
});

describe('one pass over trend entries', () => {
  it('gives every metric the same series as before, ties and skipped answers included', () => {
    fc.assert(
      fc.property(arbCheckIns, fc.integer({ min: 1, max: 6 }), (checkIns, window) => {
        const series = seriesByMetric(checkIns.map(trendEntryOf), window);
        METRICS.forEach((metric, index) => {
          expect(series[index]).toEqual(seriesBefore(checkIns, metric.id, window));
          expect(metricSeries(checkIns, metric.id, window)).toEqual(seriesBefore(checkIns, metric.id, window));
        });
      }),
    );
  });

  it('filters by dates and provider exactly as the history does', () => {
    fc.assert(
      fc.property(arbCheckIns, arbFilter, (checkIns, filter) => {
        const entries = filterTrendEntries(checkIns.map(trendEntryOf), filter);
        expect(entries.map((entry) => entry.id)).toEqual(filterCheckIns(checkIns, { ...EMPTY_FILTER, ...filter }).map((c) => c.id));
      }),
    );
  });

  it('offers the same providers, spelled as most recently written', () => {
    fc.assert(
      fc.property(arbCheckIns, (checkIns) => {
        expect(providersOfEntries(checkIns.map(trendEntryOf))).toEqual(historyFacets(checkIns).providers);
      }),
    );
  });
});
