import { afterAll, afterEach, beforeAll, beforeEach, expect, test as base } from 'vitest';
import { consoleProblems, launchFirefox, saveOutput, screenshot, type Firefox, type FirefoxOptions } from './harness';

/**
 * `test` with a `firefox` fixture: a fresh profile with Debrief installed for this test alone.
 * Afterwards nothing of Debrief's may be on Firefox's console; when the test fails, every open
 * page is screenshotted and Firefox's output saved into tests/e2e/artifacts/firefox/.
 */
export const test = base.extend<{ firefox: Firefox }>({
  firefox: async ({ task }, use) => {
    const firefox = await launchFirefox();
    await use(firefox);
    await closeAfter(firefox, task);
  },
});

/** Keeps the evidence of a failed `task`, closes Firefox, and holds it to a clean console. */
export async function closeAfter(firefox: Firefox, task: Task): Promise<void> {
  const problems = consoleProblems(firefox);
  await keepEvidence(firefox, task, problems);
  await firefox.close();
  expect(problems, 'Debrief’s errors on Firefox’s console').toEqual([]);
}

type Task = { name: string; result?: { state?: string } };

/**
 * One Firefox for every test of the file (a launch costs seconds): `get()` returns it. Each test
 * is still held to a clean console for what it did, and leaves its evidence when it fails.
 */
export function sharedFirefox(options: FirefoxOptions = {}): { get(): Firefox } {
  let firefox: Firefox | undefined;
  let from = 0;
  beforeAll(async () => {
    firefox = await launchFirefox(options);
  });
  beforeEach(() => {
    from = firefox?.output.length ?? 0;
  });
  afterEach(async ({ task }) => {
    if (!firefox) return;
    const problems = consoleProblems(firefox, from);
    await keepEvidence(firefox, task, problems);
    expect(problems, 'Debrief’s errors on Firefox’s console').toEqual([]);
  });
  afterAll(async () => {
    await firefox?.close();
  });
  return {
    get() {
      if (!firefox) throw new Error('Firefox did not start');
      return firefox;
    },
  };
}

/** Screenshots every open page and saves Firefox's output when `task` failed or left problems on the console. */
async function keepEvidence(firefox: Firefox, task: Task, problems: string[]): Promise<void> {
  if (task.result?.state !== 'fail' && problems.length === 0) return;
  for (const [index, page] of (await firefox.browser.pages()).entries()) {
    await screenshot(page, `failed-${task.name}-${index}`).catch(() => undefined);
  }
  saveOutput(firefox, `failed-${task.name}`);
}
