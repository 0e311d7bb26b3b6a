import { defineConfig } from 'vitest/config';
import './tests/support/node-compat';

// Real-Firefox tests (firefox-esr over WebDriver BiDi): one browser at a time, no unit-test setup.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    // Debrief's `t` in Node: the English messages, to find controls by their names.
    setupFiles: ['tests/support/node-i18n.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
