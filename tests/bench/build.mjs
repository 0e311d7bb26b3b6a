/**
 * Builds the extension (production, Chrome MV3) into `<outDir>/chrome-mv3` through WXT's own
 * API, so a measurement never rewrites .output/ while someone else's browser test loads it.
 * Usage: node tests/bench/build.mjs <outDir>   (run from the project root; prints the path)
 */
import { resolve } from 'node:path';
import { build } from 'wxt';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node tests/bench/build.mjs <outDir>');
  process.exit(2);
}
await build({ outDir: resolve(outDir), browser: 'chrome', manifestVersion: 3, mode: 'production' });
// The last line is the only thing callers read: the folder Chromium loads.
console.log(`\n${resolve(outDir, 'chrome-mv3')}`);
