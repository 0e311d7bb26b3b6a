/**
 * Builds the extension (production, Chrome MV3) into `<outDir>/chrome-mv3` through WXT's own
 * API, so a measurement never rewrites .output/ while someone else's browser test loads it.
 * Usage: node tests/bench/build.mjs <outDir> [--readable]   (from the project root; prints the path)
 * --readable skips minification, so a CPU profile names the real functions.
 */
import { resolve } from 'node:path';
import { build } from 'wxt';

const [outDir, flag] = process.argv.slice(2);
if (!outDir || (flag && flag !== '--readable')) {
  console.error('usage: node tests/bench/build.mjs <outDir> [--readable]');
  process.exit(2);
}
await build({
  outDir: resolve(outDir),
  browser: 'chrome',
  manifestVersion: 3,
  mode: 'production',
  ...(flag === '--readable' ? { vite: () => ({ build: { minify: false } }) } : {}),
});
// The last line is the only thing callers read: the folder Chromium loads.
console.log(`\n${resolve(outDir, 'chrome-mv3')}`);
