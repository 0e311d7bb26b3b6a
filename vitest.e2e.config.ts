import { defineConfig } from 'vitest/config';

// Node 20 (this machine) lacks Map.groupBy, which vitest 5's reporter calls when it prints
// a failure; without it a failing run ends in an "Unhandled Error" instead of the failure.
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = <K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> => {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
      const key = keyOf(item, index++);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    return groups;
  };
}

// Real-browser tests: one Chromium at a time (2-core machine), generous timeouts,
// no unit-test setup (no fake IndexedDB, no fake browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
