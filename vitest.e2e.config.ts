import { defineConfig } from 'vitest/config';
import './tests/support/node-compat';

// Real-browser tests: one Chromium at a time (2-core machine), generous timeouts,
// no unit-test setup (no fake IndexedDB, no fake browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Debrief's `t` in Node: the English messages, to find controls by their names.
    setupFiles: ['tests/support/node-i18n.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
