/** Runs a callback when the page's main thread is idle, or after `timeout` ms at the latest; returns a canceller. */
export type IdleScheduler = (run: () => void, timeout: number) => () => void;

const browserIdle: IdleScheduler = (run, timeout) => {
  const handle = requestIdleCallback(run, { timeout });
  return () => cancelIdleCallback(handle);
};

/**
 * Work split into steps, each in an idle callback of its own once `start` is called, so no step
 * shares a task with another or with the page's frames; `finish` runs whatever is left at once,
 * for when the result is needed before the idle steps are done.
 */
export function idleSteps(steps: readonly (() => void)[], timeout: number, idle: IdleScheduler = browserIdle): { start(): void; finish(): void } {
  let next = 0;
  let cancel: (() => void) | undefined;
  const runNext = () => {
    cancel = undefined;
    steps[next++]?.();
    if (next < steps.length) cancel = idle(runNext, timeout);
  };
  return {
    start() {
      if (next === 0 && !cancel && steps.length > 0) cancel = idle(runNext, timeout);
    },
    finish() {
      cancel?.();
      cancel = undefined;
      while (next < steps.length) steps[next++]?.();
    },
  };
}
