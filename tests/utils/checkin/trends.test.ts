import { describe, expect, it } from 'vitest';
import { SIGNS } from '@/utils/checkin/instrument';
import {
  filterForTrends,
  filterFromQuery,
  filterToQuery,
  goalProgressOf,
  METRICS,
  providersOf,
  rollingAverage,
  type CheckInFilter,
} from '@/utils/checkin/trends';
import { metricAverages, metricSeries } from '@/utils/checkin/series';
import { checkInOn } from '../../support/trends-fixtures';

describe('rollingAverage', () => {
  it.each([
    { name: 'no sessions', values: [], window: 4, expected: [] },
    { name: 'one session averages itself', values: [7], window: 4, expected: [7] },
    { name: 'window of one is the ratings themselves', values: [3, 8, 5], window: 1, expected: [3, 8, 5] },
    { name: 'first points average what exists so far', values: [2, 4, 6], window: 4, expected: [2, 3, 4] },
    { name: 'window slides once full', values: [2, 4, 6, 8, 10], window: 3, expected: [2, 3, 4, 6, 8] },
    { name: 'a single low session dips the line a little', values: [8, 8, 8, 0, 8], window: 4, expected: [8, 8, 8, 6, 6] },
    { name: 'fractional averages are not rounded', values: [1, 2], window: 2, expected: [1, 1.5] },
    { name: 'a nonsense window counts as one', values: [4, 6], window: 0, expected: [4, 6] },
  ])('$name', ({ values, window, expected }) => {
    expect(rollingAverage(values, window)).toEqual(expected);
  });
});

describe('metricSeries', () => {
  it('orders by when the session took place and leaves out skipped answers', () => {
    const checkIns = [
      checkInOn('2026-03-10', { ratings: { trust: 9 } }),
      checkInOn('2026-03-01', { ratings: { trust: 5 } }),
      checkInOn('2026-03-05', { ratings: { trust: null } }),
      checkInOn('2026-03-08', { ratings: { trust: 7 } }),
    ];
    const series = metricSeries(checkIns, 'trust', 2);
    expect(series.map((p) => p.value)).toEqual([5, 7, 9]);
    expect(series.map((p) => p.average)).toEqual([5, 6, 8]);
  });

  it('dates a late check-in by its session, not by when it was written', () => {
    const late = checkInOn('2026-03-20', { overall: 4, sessionStartedAt: new Date(2026, 2, 2, 9).toISOString() });
    const onTime = checkInOn('2026-03-10', { overall: 8 });
    expect(metricSeries([onTime, late], 'overall').map((p) => p.value)).toEqual([4, 8]);
  });

  it('offers a chart for every sign and the overall rating', () => {
    expect(METRICS.map((m) => m.id)).toEqual(['overall', ...SIGNS.map((s) => s.id)]);
  });
});

describe('metricAverages', () => {
  it('averages each metric over the sessions that rated it', () => {
    const checkIns = [
      checkInOn('2026-01-01', { overall: 4, ratings: { relief: 2 } }),
      checkInOn('2026-01-08', { overall: 7, ratings: { relief: null } }),
      checkInOn('2026-01-15', { overall: 7 }),
    ];
    const byId = new Map(metricAverages(checkIns).map((a) => [a.metric.id, a]));
    expect(byId.get('overall')).toMatchObject({ average: 6, count: 3 });
    expect(byId.get('overall')?.latest?.value).toBe(7);
    expect(byId.get('relief')).toMatchObject({ average: 2, count: 1 });
    expect(byId.get('insight')).toMatchObject({ average: null, count: 0, latest: null });
  });
});

describe('filterForTrends', () => {
  const checkIns = [
    checkInOn('2026-01-31', { provider: 'Dr Lee' }),
    checkInOn('2026-02-01', { provider: 'dr lee ' }),
    checkInOn('2026-02-14', { provider: 'Sam Ortiz' }),
    checkInOn('2026-02-28', { provider: '' }),
    checkInOn('2026-03-01', { provider: 'Sam Ortiz' }),
  ];
  const days = (filter: Partial<CheckInFilter>) =>
    filterForTrends(checkIns, { from: '', to: '', provider: '', ...filter }).map((c) => new Date(c.createdMs).getDate());

  it.each([
    { name: 'no filter keeps everything', filter: {}, expected: [31, 1, 14, 28, 1] },
    { name: 'the first and last days are included', filter: { from: '2026-02-01', to: '2026-02-28' }, expected: [1, 14, 28] },
    { name: 'only a start', filter: { from: '2026-02-15' }, expected: [28, 1] },
    { name: 'only an end', filter: { to: '2026-01-31' }, expected: [31] },
    { name: 'a range with nothing in it', filter: { from: '2026-02-02', to: '2026-02-13' }, expected: [] },
    { name: 'provider ignores case and stray spaces', filter: { provider: 'DR LEE' }, expected: [31, 1] },
    { name: 'provider and range together', filter: { provider: 'Sam Ortiz', to: '2026-02-28' }, expected: [14] },
    { name: 'an unknown provider matches nothing', filter: { provider: 'Nobody' }, expected: [] },
    { name: 'a malformed day is treated as open', filter: { from: 'soon' }, expected: [31, 1, 14, 28, 1] },
  ])('$name', ({ filter, expected }) => {
    expect(days(filter)).toEqual(expected);
  });

  it('lists each provider once for the menu', () => {
    expect(providersOf(checkIns)).toHaveLength(2);
    expect(providersOf(checkIns)[1]).toBe('Sam Ortiz');
  });

  it.each([
    { query: '', expected: { from: '', to: '', provider: '' } },
    { query: '?from=2026-02-01&to=2026-02-28', expected: { from: '2026-02-01', to: '2026-02-28', provider: '' } },
    { query: 'provider=Sam%20Ortiz', expected: { from: '', to: '', provider: 'Sam Ortiz' } },
    { query: 'from=yesterday&to=2026-13', expected: { from: '', to: '', provider: '' } },
  ])('reads the filter from a link: "$query"', ({ query, expected }) => {
    expect(filterFromQuery(query)).toEqual(expected);
    expect(filterFromQuery(filterToQuery(expected))).toEqual(expected);
  });
});

describe('goalProgressOf', () => {
  it('collects the rating and note each session gave a goal, oldest first', () => {
    const checkIns = [
      checkInOn('2026-02-10', { goalProgress: [{ goalId: 'sleep', rating: 6, note: ' lights out by 11 ' }] }),
      checkInOn('2026-02-03', { goalProgress: [{ goalId: 'sleep', rating: 3, note: '' }] }),
      checkInOn('2026-02-17', { goalProgress: [{ goalId: 'sleep', rating: null, note: '' }] }),
      checkInOn('2026-02-24', { goalProgress: [{ goalId: 'walk', rating: 9, note: 'daily' }] }),
    ];
    expect(goalProgressOf(checkIns, 'sleep').map(({ rating, note }) => ({ rating, note }))).toEqual([
      { rating: 3, note: '' },
      { rating: 6, note: 'lights out by 11' },
    ]);
    expect(goalProgressOf(checkIns, 'nothing')).toEqual([]);
  });
});
