import { describe, expect, it } from 'vitest';
import { timeAxis } from '@/utils/checkin/time-axis';

const at = (day: number, hour = 15) => new Date(2026, 10, day, hour).getTime();
const days = (ticks: number[] | null) => ticks?.map((ms) => new Date(ms).toDateString().slice(4, 10));

describe('a trend chart’s time axis', () => {
  it('has nothing to show without points', () => {
    expect(timeAxis([])).toBeNull();
  });

  it.each([
    { name: 'one check-in: two weeks around it, at whole days', times: [at(29)], min: 'Nov 22', max: 'Dec 06', ticks: ['Nov 22', 'Nov 25', 'Nov 28', 'Dec 01', 'Dec 04'] },
    { name: 'two check-ins hours apart: days, never hours', times: [at(28, 16), at(29, 8)], min: 'Nov 22', max: 'Dec 06', ticks: ['Nov 22', 'Nov 25', 'Nov 28', 'Dec 01', 'Dec 04'] },
    { name: 'a week apart', times: [at(16), at(23)], min: 'Nov 13', max: 'Nov 27', ticks: ['Nov 13', 'Nov 16', 'Nov 19', 'Nov 22', 'Nov 25'] },
  ])('$name', ({ times, min, max, ticks }) => {
    const axis = timeAxis(times)!;
    expect(new Date(axis.min).toDateString().slice(4, 10)).toBe(min);
    expect(new Date(axis.max).toDateString().slice(4, 10)).toBe(max);
    expect(days(axis.ticks)).toEqual(ticks);
    // Every point inside, at midnight ticks, and the axis never runs more than two weeks.
    for (const ms of times) expect(ms > axis.min && ms < axis.max).toBe(true);
    expect(axis.ticks!.every((ms) => new Date(ms).getHours() === 0)).toBe(true);
    expect(axis.max - axis.min).toBeLessThanOrEqual(14 * 86_400_000 + 3_600_000);
  });

  it('forty check-ins over months run from the first to the last, ticks left to the chart', () => {
    const times = Array.from({ length: 40 }, (_, n) => at(1) - (40 - n) * 2.3 * 86_400_000);
    expect(timeAxis(times)).toEqual({ min: times[0], max: times[39], ticks: null });
  });
});
