// @vitest-environment node
/**
 * Size budgets (issue 6): each entrypoint's JavaScript, minified and gzipped at level 9, with the
 * shared chunks it loads. The production build goes to a temporary folder, never .output/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesOf } from '@/utils/sites/examples';
import { SITES } from '@/utils/sites/registry';
import { buildExtension, KB, measureEntrypoints, overBudget, SIZE_BUDGETS, type EntrypointSize } from '../bench/sizes';
import { WATCHER_FILE } from '../../utils/session/content-scripts';

/** A string only webextension-polyfill's code contains. */
const POLYFILL_MARK = 'The message port closed before a response was received.';

describe('the built extension stays within its size budgets', () => {
  let built: ReturnType<typeof buildExtension> | undefined;
  let sizes: EntrypointSize[] = [];

  beforeAll(() => {
    built = buildExtension();
    sizes = measureEntrypoints(built.extensionDir);
  }, 120_000);
  afterAll(() => built?.remove());

  it.each(Object.entries(SIZE_BUDGETS))('%s ≤ %d KB gzipped', (entrypoint, budgetKb) => {
    const size = sizes.find((candidate) => candidate.entrypoint === entrypoint);
    expect(size, `${entrypoint} is missing from the build (found: ${sizes.map((s) => s.entrypoint).join(', ')})`).toBeDefined();
    // The message names the entrypoint, its size, the budget and the files it counted.
    expect(size!.totalGzipped, overBudget(size!, budgetKb) ?? entrypoint).toBeLessThanOrEqual(budgetKb * KB);
  });

  it('keeps webextension-polyfill and the sites’ test addresses out of the call watcher, which loads in every call frame', () => {
    const read = (path: string) => readFileSync(join(built!.extensionDir, path), 'utf8');
    const watcher = read(WATCHER_FILE);
    expect(watcher).not.toContain(POLYFILL_MARK);
    expect(read('background.js')).toContain(POLYFILL_MARK); // everywhere else the polyfill stays
    const addresses = SITES.flatMap((site) => [...examplesOf(site).testUrls.rooms, ...examplesOf(site).testUrls.notRooms]);
    expect(addresses.length).toBeGreaterThan(20);
    expect(addresses.filter((address) => watcher.includes(address))).toEqual([]);
  });
});

describe('the measurement counts what a page really loads', () => {
  let dir = '';
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  // A tiny extension in the shape WXT emits: backtick strings, modulepreloads, a lazy chunk that imports another.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'debrief-sizes-'));
    write(
      'manifest.json',
      JSON.stringify({
        background: { service_worker: 'background.js' },
        content_scripts: [{ js: ['content-scripts/watcher.js'] }, { js: ['content-scripts/watcher.js'] }],
      }),
    );
    write('background.js', 'var b=1;'.repeat(50));
    write('content-scripts/watcher.js', 'var w=2;'.repeat(10));
    write(
      'page.html',
      '<script type="module" crossorigin src="/chunks/page-1.js"></script>\n<link rel="modulepreload" crossorigin href="/chunks/shared-1.js">',
    );
    write('chunks/page-1.js', 'import{a as x}from"./shared-1.js";import"./side-1.js";P(()=>import(`./chart-1.js`));');
    write('chunks/shared-1.js', 'import{c}from"./deep-1.js";export const a=1;');
    write('chunks/deep-1.js', 'export const c=3;');
    write('chunks/side-1.js', 'console.log(1);');
    write('chunks/chart-1.js', 'import"./shared-1.js";import(`./extra-1.js`);');
    write('chunks/extra-1.js', 'export default 4;');
    write('chunks/unused-1.js', 'export default 5;');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows script tags, modulepreloads and static imports up front, import() as lazy, each file once', () => {
    const page = measureEntrypoints(dir).find((size) => size.entrypoint === 'page');
    expect(page?.files.sort()).toEqual(['chunks/deep-1.js', 'chunks/page-1.js', 'chunks/shared-1.js', 'chunks/side-1.js']);
    expect(page?.lazyFiles.sort()).toEqual(['chunks/chart-1.js', 'chunks/extra-1.js']);
    expect(page?.totalGzipped).toBe((page?.gzipped ?? 0) + (page?.lazyGzipped ?? 0));
  });

  it('names the background and each content script once, by file', () => {
    const sizes = measureEntrypoints(dir);
    expect(sizes.map((size) => [size.entrypoint, size.kind, size.minified])).toEqual([
      ['background', 'background', 400],
      ['watcher', 'content script', 80],
      ['page', 'page', expect.any(Number)],
    ]);
  });

  it('an entrypoint over budget fails with its name, its size and the budget', () => {
    const background = measureEntrypoints(dir).find((size) => size.entrypoint === 'background')!;
    expect(overBudget(background, 1)).toBeNull();
    expect(overBudget(background, 0.01)).toMatch(/^background is 0\.\d KB gzipped, over its 0\.01 KB budget \(.*background\.js\)$/);
  });
});
