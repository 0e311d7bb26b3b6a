import { describe, expect, it } from 'vitest';
import { idleSteps, type IdleScheduler } from '@/utils/session/idle-steps';

/** Idle callbacks the test runs one at a time, with the timeouts they were given. */
function fakeIdle() {
  const queue: { run: () => void; timeout: number }[] = [];
  const idle: IdleScheduler = (run, timeout) => {
    const entry = { run, timeout };
    queue.push(entry);
    return () => void queue.splice(queue.indexOf(entry), 1);
  };
  const runOne = () => queue.shift()?.run();
  return { idle, queue, runOne };
}

function threeSteps() {
  const done: string[] = [];
  const { idle, queue, runOne } = fakeIdle();
  const steps = idleSteps(['namespace', 'runtime', 'send'].map((name) => () => void done.push(name)), 250, idle);
  return { done, queue, runOne, steps };
}

describe('idleSteps', () => {
  it('does nothing until started, then one step per idle callback, each waiting at most the timeout', () => {
    const { done, queue, runOne, steps } = threeSteps();
    expect([done, queue.length]).toEqual([[], 0]);
    steps.start();
    steps.start(); // twice: still one chain
    expect(queue.map((entry) => entry.timeout)).toEqual([250]);
    const seen: string[][] = [];
    for (let callback = 0; callback < 4; callback++) {
      runOne();
      seen.push([...done]);
    }
    expect(seen).toEqual([['namespace'], ['namespace', 'runtime'], ['namespace', 'runtime', 'send'], ['namespace', 'runtime', 'send']]);
    expect(queue).toEqual([]);
  });

  it.each([
    { idleCallbacksRun: 0, started: false },
    { idleCallbacksRun: 0, started: true },
    { idleCallbacksRun: 1, started: true },
    { idleCallbacksRun: 3, started: true },
  ])('finish runs what is left at once, each step once, and cancels the pending callback ($idleCallbacksRun run, started $started)', ({ idleCallbacksRun, started }) => {
    const { done, queue, runOne, steps } = threeSteps();
    if (started) steps.start();
    for (let callback = 0; callback < idleCallbacksRun; callback++) runOne();
    steps.finish();
    steps.finish();
    steps.start();
    expect([done, queue]).toEqual([['namespace', 'runtime', 'send'], []]);
  });
});
