import { describe, expect, it } from 'vitest';
import { formatHlc, isHlc, nextHlc, parseHlc } from '@/utils/db/hlc';

describe('hybrid logical clock', () => {
  it.each([
    { name: 'first stamp uses wall time', last: null, now: 1000, wall: 1000, counter: 0 },
    { name: 'later wall time resets the counter', last: formatHlc({ wall: 1000, counter: 5, deviceId: 'a' }), now: 2000, wall: 2000, counter: 0 },
    { name: 'same millisecond bumps the counter', last: formatHlc({ wall: 1000, counter: 0, deviceId: 'a' }), now: 1000, wall: 1000, counter: 1 },
    { name: 'a clock that went back keeps the old wall time', last: formatHlc({ wall: 5000, counter: 2, deviceId: 'b' }), now: 1000, wall: 5000, counter: 3 },
  ])('$name', ({ last, now, wall, counter }) => {
    const stamp = nextHlc(last, 'dev', now);
    expect(parseHlc(stamp)).toEqual({ wall, counter, deviceId: 'dev' });
    if (last) expect(stamp > last).toBe(true);
  });

  it('sorts as strings in time order', () => {
    const stamps = [nextHlc(null, 'z', 9), nextHlc(null, 'a', 10), nextHlc(null, 'a', 100_000)];
    expect([...stamps].reverse().sort()).toEqual(stamps);
  });

  it.each(['', 'not-a-stamp', '12-1-x', '000000000001000-000000'])('rejects %j', (stamp) => {
    expect(isHlc(stamp)).toBe(false);
  });
});
