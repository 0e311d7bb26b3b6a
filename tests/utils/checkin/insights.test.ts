import { describe, expect, it } from 'vitest';
import type { Ratings } from '@/utils/checkin/instrument';
import { describeChanges, slope } from '@/utils/checkin/insights';
import type { CheckIn } from '@/utils/db/schema';
import { checkInOn, weeklyOverall } from '../../support/trends-fixtures';

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

const TOO_FEW_OVERALL = 'Your overall rating has too few answers yet to show a direction.';
const day = (n: number) => {
  const d = new Date(2026, 2, 24 - 7 * n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** Weekly check-ins ending 24 Mar 2026, one per row of ratings (the last row is the newest). */
function weekly(rows: { overall?: number | null; ratings?: Partial<Ratings> }[]): CheckIn[] {
  return rows.map((row, i) => checkInOn(day(rows.length - 1 - i), { overall: row.overall ?? null, ratings: row.ratings ?? {} }));
}

/*
 * Each expected sentence is worked out by hand from the ratings: a session trend is the least-squares
 * line through the last six ratings, its change = slope × (n − 1); it counts from ±1.5 points. A
 * period compares the means of the last 30 days and the 30 before; it counts from ±1 point.
 */
describe('describeChanges wording', () => {
  it.each([
    { name: 'nothing in the period', checkIns: [], expected: ['No check-ins in this period yet.'] },
    {
      name: 'two check-ins are too few, whatever they say',
      checkIns: weeklyOverall('2026-03-10', [2, 9]),
      expected: ['Not enough check-ins yet to see a trend: after three check-ins Debrief will say what changed.'],
    },
    {
      // 3→8: slope 1 a session, × 5 = +5.
      name: 'rise: a steady climb',
      checkIns: weeklyOverall('2026-01-06', [3, 4, 5, 6, 7, 8]),
      expected: ['Your overall rating has risen over your last six sessions, by 5 points.'],
    },
    {
      // 8→4: slope −1, × 4 = −4; Overall never answered.
      name: 'fall: a sign falling over five sessions, and Overall said to be unknown',
      checkIns: weeklySign('trust', [8, 7, 6, 5, 4]),
      expected: ['Trust and rapport has fallen over your last five sessions, by 4 points.', TOO_FEW_OVERALL],
    },
    {
      // Σ(x−2.5)(y−6.5) = 1.5, Σ(x−2.5)² = 17.5: slope 0.086, × 5 = +0.43; no check-in in the last 60 days.
      name: 'flat: ups and downs',
      checkIns: weeklyOverall('2026-01-06', [6, 7, 6, 7, 6, 7]),
      expected: ['Your ratings have held steady over your last six sessions.'],
    },
    {
      // Σ(x−2.5)(y−5.5) = 4.5: slope 0.257, × 5 = +1.29, under 1.5.
      name: 'flat: a drift below the threshold',
      checkIns: weeklyOverall('2026-01-06', [5, 5, 5, 6, 6, 6]),
      expected: ['Your ratings have held steady over your last six sessions.'],
    },
    {
      name: 'flat: an old rise no longer counts once the last six are flat',
      checkIns: weeklyOverall('2025-12-01', [0, 0, 0, 0, 7, 7, 7, 7, 7, 7]),
      expected: ['Your ratings have held steady over your last six sessions.'],
    },
    {
      // Rated 3, 5, 7, 9 (two skipped): slope 2, × 3 = +6.
      name: 'missing values: skipped ratings are left out, not counted as zero',
      checkIns: weeklyOverall('2026-02-17', [3, null, 5, null, 7, 9]),
      expected: ['Your overall rating has risen over your last four sessions, by 6 points.'],
    },
    {
      // Trend 7, 5, 4, 6: slope −0.4, × 3 = −1.2 (under 1.5); Mar 10 + Mar 20 → 5 against Feb 10 + Feb 20 → 6: −1.
      name: 'fall by period when the session trend is unclear',
      checkIns: [
        checkInOn('2026-02-10', { overall: 7 }),
        checkInOn('2026-02-20', { overall: 5 }),
        checkInOn('2026-03-10', { overall: 4 }),
        checkInOn('2026-03-20', { overall: 6 }),
      ],
      expected: ['Your overall rating is lower in the last 30 days, compared with the 30 before: 5 against 6.'],
    },
    {
      name: 'rise by period for a sign, Overall unknown',
      checkIns: [
        checkInOn('2026-02-10', { ratings: { relief: 4 } }),
        checkInOn('2026-02-20', { ratings: { relief: 3 } }),
        checkInOn('2026-03-10', { ratings: { relief: 6 } }),
        checkInOn('2026-03-20', { ratings: { relief: 3 } }),
      ],
      expected: [TOO_FEW_OVERALL, 'Emotional release is higher in the last 30 days, compared with the 30 before: 4.5 against 3.5.'],
    },
  ])('$name', ({ checkIns, expected }) => {
    expect(sentences(checkIns)).toEqual(expected);
  });

  it('every decline first, then Overall, then at most three rises: none of the declines is dropped', () => {
    // Overall 5,5,6,6,7,7: Σ(x−2.5)(y−6) = 8, slope 0.457, × 5 = +2.29.
    // Reflection 7,7,7,6,6,5: Σ = −7, slope −0.4, × 5 = −2; Coping 8,8,7,7,6,6: Σ = −8, × 5 / 17.5 = −2.29.
    // Four signs 2→7: +5 each; only three are told, in instrument order.
    const overall = [5, 5, 6, 6, 7, 7];
    const integration = [7, 7, 7, 6, 6, 5];
    const resilience = [8, 8, 7, 7, 6, 6];
    const rising = [2, 3, 4, 5, 6, 7];
    const checkIns = weekly(
      overall.map((value, i) => ({
        overall: value,
        ratings: { integration: integration[i], resilience: resilience[i], relief: rising[i], insight: rising[i], trust: rising[i], goals: rising[i] },
      })),
    );
    expect(sentences(checkIns)).toEqual([
      'Coping has fallen over your last six sessions, by 2.3 points.',
      'Reflection has fallen over your last six sessions, by 2 points.',
      'Your overall rating has risen over your last six sessions, by 2.3 points.',
      'Emotional release has risen over your last six sessions, by 5 points.',
      'Self-awareness has risen over your last six sessions, by 5 points.',
      'Trust and rapport has risen over your last six sessions, by 5 points.',
    ]);
  });

  it('Overall is told even when it held steady, once anything else changed', () => {
    // Overall 6,7,6,7,6,7: +0.43 (steady); Trust 9→4: −5.
    const checkIns = weekly([6, 7, 6, 7, 6, 7].map((overall, i) => ({ overall, ratings: { trust: 9 - i } })));
    expect(describeChanges(checkIns, NOW).map((i) => [i.kind, i.metricId, i.text])).toEqual([
      ['fall', 'trust', 'Trust and rapport has fallen over your last six sessions, by 5 points.'],
      ['steady', 'overall', 'Your overall rating has held steady over your last six sessions.'],
    ]);
  });

  it('a fall passes the same threshold as a rise', () => {
    // ±1.5 exactly: 4, 4.75, 5.5 is not a rating, so 3 points over 3 sessions (slope 0.75 × 2 = 1.5).
    const up = weeklyOverall('2026-03-10', [4, 5, 5.5]);
    const down = weeklyOverall('2026-03-10', [5.5, 5, 4]);
    expect(describeChanges(up, NOW).map((i) => i.kind)).toEqual(['rise']);
    expect(describeChanges(down, NOW).map((i) => i.kind)).toEqual(['fall']);
  });

  it('compares periods relative to the `now` it is given', () => {
    const checkIns = [
      checkInOn('2026-02-10', { overall: 4 }),
      checkInOn('2026-02-20', { overall: 3 }),
      checkInOn('2026-03-10', { overall: 6 }),
      checkInOn('2026-03-20', { overall: 3 }),
    ];
    expect(sentences(checkIns, NOW)).toEqual(['Your overall rating is higher in the last 30 days, compared with the 30 before: 4.5 against 3.5.']);
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
