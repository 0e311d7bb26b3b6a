import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import '../support/node-compat';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `npm run bench`: vitest is only the TypeScript runner here (tsx is not a dependency and Node 20
 * cannot strip types); bench.run.ts is one long "test" that prints the table. Timings are never asserted.
 * DEBRIEF_BENCH_PROFILE=1 runs profile.run.ts instead: CPU profiles that explain the figures;
 * DEBRIEF_BENCH_LOCK=1 runs lock.run.ts: the lock with 10,000 check-ins (needs `npx wxt build` first).
 */
export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: {
    include: [
      process.env.DEBRIEF_BENCH_PROFILE === '1'
        ? 'tests/bench/profile.run.ts'
        : process.env.DEBRIEF_BENCH_LOCK === '1'
          ? 'tests/bench/lock.run.ts'
          : 'tests/bench/bench.run.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/support/node-i18n.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // A full run takes 70–90 minutes on 2 cores; the firefox and peer sections alone take 20 and 15.
    testTimeout: 4 * 60 * 60_000,
    hookTimeout: 5 * 60_000,
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
