import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForChanges } from '@/utils/watch-changes';

const INTERVAL = 1000;

/** Stamps read in turn, the last repeated. */
function stamps(...values: (string | Error)[]) {
  let i = 0;
  return vi.fn(async () => {
    const value = values[Math.min(i++, values.length - 1)]!;
    if (value instanceof Error) throw value;
    return value;
  });
}

describe('watching for changes', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it.each([
    ['nothing changes', ['a', 'a', 'a', 'a'], 0],
    ['one change', ['a', 'a', 'b', 'b'], 1],
    ['two changes', ['a', 'b', 'b', 'c'], 2],
    ['a change back counts too', ['a', 'b', 'a', 'a'], 2],
  ])('%s: onChange runs once per change, never for the first reading', async (_case, values, changes) => {
    const onChange = vi.fn(async () => undefined);
    const stop = watchForChanges(stamps(...values), onChange, { intervalMs: INTERVAL });
    await vi.advanceTimersByTimeAsync(INTERVAL * (values.length - 1));
    expect(onChange).toHaveBeenCalledTimes(changes);
    stop();
  });

  it('one call at a time: a slow onChange is not overlapped by the next check', async () => {
    let running = 0;
    let most = 0;
    const onChange = vi.fn(async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL * 5));
      running--;
    });
    const stop = watchForChanges(stamps('a', 'b', 'c', 'd', 'e', 'f', 'g'), onChange, { intervalMs: INTERVAL });
    await vi.advanceTimersByTimeAsync(INTERVAL * 20);
    stop();
    expect(most).toBe(1);
    expect(onChange.mock.calls.length).toBeGreaterThan(1);
  });

  it('a failed reading is reported and the watch goes on', async () => {
    const onChange = vi.fn(async () => undefined);
    const onError = vi.fn();
    const stop = watchForChanges(stamps('a', new Error('storage closed'), 'b'), onChange, { intervalMs: INTERVAL, onError });
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(onError).toHaveBeenCalledWith(new Error('storage closed'));
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stopped, it reads and calls nothing more, even when a reading was under way', async () => {
    const onChange = vi.fn(async () => undefined);
    let release: (stamp: string) => void = () => undefined;
    const stampOf = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const stop = watchForChanges(stampOf, onChange, { intervalMs: INTERVAL });
    release('a');
    await vi.advanceTimersByTimeAsync(INTERVAL);
    stop();
    release('b');
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(onChange).not.toHaveBeenCalled();
    expect(stampOf).toHaveBeenCalledTimes(2);
  });
});
