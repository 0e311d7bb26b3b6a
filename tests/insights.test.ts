import { describe, expect, it } from 'vitest';
import type { Ratings } from '@/utils/checkin/instrument';
import { describeChanges, slope } from '@/utils/checkin/insights';
import type { CheckIn } from '@/utils/db/schema';
import { checkInOn, weeklyOverall } from './trends-fixtures';

const NOW = new Date(2026, 2, 31, 20); // 31 Mar 2026, evening

/** Weekly sessions ending the week before NOW, with one sign's ratings. */
function weeklySign(sign: keyof Ratings, values: (number | null)[]): CheckIn[] {
  const first = new Date(2026, 2, 24 - 7 * (values.length - 1));
  return values.map((value, i) => {
    const day = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 7 * i);
    return checkInOn(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`, {
      ratings: { [sign]: value },
    });
  });
}

const sentences = (checkIns: CheckIn[], now = NOW) => describeChanges(checkIns, now).map((i) => i.text);

describe('describeChanges wording', () => {
  it.each([
    { name: 'nothing in the period', checkIns: [], expected: ['No check-ins in this period yet.'] },
    {
      name: 'three sessions are too few',
      checkIns: weeklyOverall('2026-03-03', [2, 5, 9]),
      expected: ['Not enough check-ins yet to see a trend: after four rated sessions Debrief will say what changed.'],
    },
    {
      name: 'a steady climb',
      checkIns: weeklyOverall('2026-01-06', [3, 4, 5, 6, 7, 8]),
      expected: ['Your overall rating has risen over your last six sessions.'],
    },
    {
      name: 'a sign falling over five sessions',
      checkIns: weeklySign('trust', [8, 7, 6, 5, 4]),
      expected: ['Trust and rapport has fallen over your last five sessions.'],
    },
    {
      name: 'ups and downs are steady',
      checkIns: weeklyOverall('2026-01-06', [6, 7, 6, 7, 6, 7]),
      expected: ['Your ratings have held steady over your last six sessions.'],
    },
    {
      name: 'an old rise no longer counts once the last six are flat',
      checkIns: weeklyOverall('2025-12-01', [0, 0, 0, 0, 7, 7, 7, 7, 7, 7]),
      expected: ['Your ratings have held steady over your last six sessions.'],
    },
    {
      name: 'a small drift below the threshold is steady',
      checkIns: weeklyOverall('2026-01-06', [5, 5, 5, 6, 6, 6]),
      expected: ['Your ratings have held steady over your last six sessions.'],
    },
    {
      name: 'month against month when the session trend is unclear',
      checkIns: [
        checkInOn('2026-02-10', { ratings: { relief: 7 } }),
        checkInOn('2026-02-20', { ratings: { relief: 5 } }),
        checkInOn('2026-03-10', { ratings: { relief: 4 } }),
        checkInOn('2026-03-20', { ratings: { relief: 6 } }),
      ],
      expected: ['Emotional release is lower than last month.'],
    },
    {
      name: 'one rating in a month is not enough to compare',
      checkIns: [
        checkInOn('2026-02-10', { ratings: { relief: 9 } }),
        checkInOn('2026-03-10', { ratings: { relief: 2 } }),
        checkInOn('2026-03-20', { ratings: { relief: 2 } }),
      ],
      expected: ['Not enough check-ins yet to see a trend: after four rated sessions Debrief will say what changed.'],
    },
  ])('$name', ({ checkIns, expected }) => {
    expect(sentences(checkIns)).toEqual(expected);
  });

  it('puts the biggest change first and names each metric once', () => {
    const days = ['2026-02-24', '2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24'];
    const overall = [2, 4, 6, 8, 10];
    const trust = [7, 7, 6, 5, 5];
    const checkIns = days.map((day, i) => checkInOn(day, { overall: overall[i], ratings: { trust: trust[i] } }));
    expect(sentences(checkIns)).toEqual([
      'Your overall rating has risen over your last five sessions.',
      'Trust and rapport has fallen over your last five sessions.',
    ]);
  });

  it('says at most four things, in instrument order when changes are equal', () => {
    const checkIns = ['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24'].map((day, i) =>
      checkInOn(day, {
        overall: 2 + 2 * i,
        ratings: { relief: 2 + 2 * i, insight: 2 + 2 * i, trust: 2 + 2 * i, goals: 2 + 2 * i, resilience: 2 + 2 * i },
      }),
    );
    expect(describeChanges(checkIns, NOW).map((i) => i.metricId)).toEqual(['overall', 'relief', 'insight', 'trust']);
  });

  it('compares months relative to the `now` it is given', () => {
    const checkIns = [
      checkInOn('2026-02-10', { ratings: { relief: 4 } }),
      checkInOn('2026-02-20', { ratings: { relief: 3 } }),
      checkInOn('2026-03-10', { ratings: { relief: 6 } }),
      checkInOn('2026-03-20', { ratings: { relief: 3 } }),
    ];
    expect(sentences(checkIns, NOW)).toEqual(['Emotional release is higher than last month.']);
    expect(sentences(checkIns, new Date(2026, 8, 1))).toEqual(['Your ratings have held steady over your last four sessions.']);
  });
});

describe('slope', () => {
  it.each([
    { values: [], expected: 0 },
    { values: [5], expected: 0 },
    { values: [1, 2, 3], expected: 1 },
    { values: [9, 6, 3], expected: -3 },
    { values: [4, 4, 4, 4], expected: 0 },
  ])('$values → $expected', ({ values, expected }) => {
    expect(slope(values)).toBeCloseTo(expected);
  });
});
