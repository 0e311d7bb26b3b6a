import { test as base } from 'vitest';
import { closeExtension, launchExtension, screenshot, type Debrief } from './harness';

/**
 * `test` with a `debrief` fixture: a fresh profile and browser per test; when the test
 * fails, every open page is screenshotted into tests/e2e/artifacts/ before cleanup.
 */
export const test = base.extend<{ debrief: Debrief }>({
  debrief: async ({ task }, use) => {
    const debrief = await launchExtension();
    await use(debrief);
    // Fixtures tear down before onTestFailed hooks run, so read the result here.
    if (task.result?.state === 'fail') {
      for (const [index, page] of debrief.context.pages().entries()) {
        await screenshot(page, `failed-${task.name}-${index}`).catch(() => undefined);
      }
    }
    await closeExtension(debrief);
  },
});
