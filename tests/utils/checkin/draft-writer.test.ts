import { describe, expect, it } from 'vitest';
import { latestOnlyWriter } from '@/utils/checkin/draft-writer';

function deferredWrites() {
  const written: string[] = [];
  const finishers: (() => void)[] = [];
  const write = (value: string) =>
    new Promise<void>((resolve) => {
      finishers.push(() => {
        written.push(value);
        resolve();
      });
    });
  const finishNext = async () => {
    finishers.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { written, finishers, write, finishNext };
}

describe('draft writer', () => {
  it('writes the first value at once and then only the newest of those typed meanwhile', async () => {
    const io = deferredWrites();
    const { write: save } = latestOnlyWriter(io.write, () => undefined);
    for (const text of ['h', 'he', 'hel', 'hell', 'hello']) save(text);
    expect(io.finishers).toHaveLength(1);
    await io.finishNext();
    await io.finishNext();
    expect(io.written).toEqual(['h', 'hello']);
    expect(io.finishers).toHaveLength(0);
  });

  it('reports a failed write and keeps writing later values', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const { write: save } = latestOnlyWriter(async (value: string) => {
      calls++;
      if (value === 'bad') throw new Error('disk full');
    }, (e) => errors.push(e));
    save('bad');
    await new Promise((r) => setTimeout(r, 0));
    save('good');
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('settles before a save so no draft is written after it', async () => {
    const io = deferredWrites();
    const writer = latestOnlyWriter(io.write, () => undefined);
    writer.write('a');
    writer.write('ab');
    const settled = writer.settle();
    await io.finishNext();
    await settled;
    expect(io.written).toEqual(['a']);
    expect(io.finishers).toHaveLength(0);
  });
});
