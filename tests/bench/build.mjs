/**
 * Builds the extension (production, MV3) into `<outDir>/<browser>-mv3` through WXT's own API, so a
 * measurement never rewrites .output/ while someone else's browser test loads it.
 * Usage: node tests/bench/build.mjs <outDir> [--readable] [--firefox]   (from the project root; prints the path)
 * --readable skips minification, so a CPU profile names the real functions; --firefox builds Firefox's add-on.
 */
import { resolve } from 'node:path';
import { build } from 'wxt';

const [outDir, ...flags] = process.argv.slice(2);
if (!outDir || flags.some((flag) => flag !== '--readable' && flag !== '--firefox')) {
  console.error('usage: node tests/bench/build.mjs <outDir> [--readable] [--firefox]');
  process.exit(2);
}
const browser = flags.includes('--firefox') ? 'firefox' : 'chrome';
await build({
  outDir: resolve(outDir),
  browser,
  manifestVersion: 3,
  mode: 'production',
  ...(flags.includes('--readable') ? { vite: () => ({ build: { minify: false } }) } : {}),
});
// The last line is the only thing callers read: the folder the browser loads.
console.log(`\n${resolve(outDir, `${browser}-mv3`)}`);
