/**
 * Export and import/merge of thousands of check-ins, plain and encrypted, against IndexedDB alone
 * reading and writing the same records (the floor). utils/sync runs inside one of Debrief's own
 * extension pages (bundled from sync-page.ts and evaluated there through CDP, which the page's CSP
 * does not block), so it meets real IndexedDB, real WebCrypto (600,000 PBKDF2 rounds) and the
 * extension's i18n, in a scratch database beside Debrief's own. These are the functions the
 * options page's Sync & backup view calls: export = exportData + exportText; import = a preview
 * (readExportText + previewImport) before its confirm button, then importText's read and merge.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { openExtensionPage } from '../e2e/harness';
import { PROJECT_ROOT } from '../e2e/paths';
import type { BenchBrowser } from './browser';
import { alternate, figureOf, type Figure } from './stats';
import type { SyncBench } from './sync-page';

/** Bundles sync-page.ts (and the utils it imports) into one classic script; `readable` keeps names for profiles. */
async function bundleSyncPage(readable: boolean): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'debrief-sync-page-'));
  try {
    await build({
      configFile: false,
      root: PROJECT_ROOT,
      logLevel: 'warn',
      resolve: { alias: { '@': PROJECT_ROOT } },
      build: {
        outDir,
        emptyOutDir: true,
        minify: !readable,
        lib: { entry: join(PROJECT_ROOT, 'tests/bench/sync-page.ts'), formats: ['iife'], name: 'debriefSyncBench', fileName: () => 'sync.js' },
      },
    });
    // A name for the evaluated script, so profiles and stack traces point at it.
    return `${readFileSync(join(outDir, 'sync.js'), 'utf8')}\n//# sourceURL=debrief-sync-bench.js`;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

type Step = Exclude<keyof SyncBench, 'prepare' | 'prepareMonths' | 'hold' | 'isHeld' | 'release'>;
export type SyncBenchWindow = Window & { bench: SyncBench };

/** One of Debrief's extension pages with the sync bench script running in it (`window.bench`). */
export async function openSyncBench(bench: BenchBrowser, { readable = false } = {}): Promise<Page> {
  const script = await bundleSyncPage(readable);
  // The toolbar popup page: an extension page with little work of its own.
  const page = await openExtensionPage(bench.debrief, 'popup.html');
  const cdp = await bench.debrief.context.newCDPSession(page);
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: script });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`the sync bench script failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return page;
}

export async function benchSync(bench: BenchBrowser, runs: number, entries: number): Promise<Figure[]> {
  const page = await openSyncBench(bench);
  try {
    const prepared = await page.evaluate((count) => (window as unknown as SyncBenchWindow).bench.prepare(count), entries);
    const step = (name: Step) => () =>
      page.evaluate((which) => (window as unknown as SyncBenchWindow).bench[which]().then(({ ms }) => ms), name);
    const times = await alternate(runs, {
      floorWrite: step('floorWrite'),
      floorRead: step('floorRead'),
      floorReadWrite: step('floorReadWrite'),
      keyDerivation: step('keyDerivation'),
      exportPlain: step('exportPlain'),
      exportEncrypted: step('exportEncrypted'),
      previewPlain: step('previewPlain'),
      importPlain: step('importPlain'),
      importEncrypted: step('importEncrypted'),
    });
    const ratio = (work: number[], floor: number[]) => work.map((ms, index) => ms / (floor[index] ?? Number.NaN));
    const n = entries.toLocaleString('en');
    const area = `sync, ${n} check-ins`;
    const mb = `${(prepared.bytes / 1e6).toFixed(1)} MB file`;
    const merge = `${n} into ${n}: half edited elsewhere, half new`;
    return [
      figureOf(area, 'floor: IndexedDB write, one transaction', times.floorWrite),
      figureOf(area, 'floor: IndexedDB read (getAll)', times.floorRead),
      figureOf(area, 'floor: IndexedDB read + write, one transaction', times.floorReadWrite),
      figureOf(area, 'PBKDF2-SHA-256, 600,000 rounds, alone', times.keyDerivation, { note: 'once per encrypted export or import' }),
      figureOf(area, 'export, plain', times.exportPlain, { target: '≤ 1 s', max: 1000, note: mb }),
      figureOf(area, 'export, plain ÷ floor read', ratio(times.exportPlain, times.floorRead), { unit: '×' }),
      figureOf(area, 'export, encrypted', times.exportEncrypted, { target: '≤ 1.5 s', max: 1500, note: 'PBKDF2 600,000 rounds + AES-GCM' }),
      figureOf(area, 'export, encrypted ÷ floor read', ratio(times.exportEncrypted, times.floorRead), { unit: '×' }),
      figureOf(area, 'import preview, plain (before confirm)', times.previewPlain, { note: 'read, validate, count what would change' }),
      figureOf(area, 'import + merge, plain', times.importPlain, { target: '≤ 3 s', max: 3000, note: merge }),
      figureOf(area, 'import + merge, plain ÷ floor read + write', ratio(times.importPlain, times.floorReadWrite), {
        unit: '×',
        target: '≤ 1.5×',
        max: 1.5,
      }),
      figureOf(area, 'import + merge, encrypted', times.importEncrypted, { target: '≤ 3 s', max: 3000 }),
      figureOf(area, 'import + merge, encrypted ÷ floor read + write', ratio(times.importEncrypted, times.floorReadWrite), {
        unit: '×',
        target: '≤ 1.5×',
        max: 1.5,
      }),
    ];
  } finally {
    await page.close();
  }
}

/** Import of `entries` new check-ins all in one month against the same spread over 120 months: the trends' bookkeeping must stay linear. */
export async function benchImportMonths(bench: BenchBrowser, runs: number, entries: number): Promise<Figure[]> {
  const page = await openSyncBench(bench);
  try {
    await page.evaluate((count) => (window as unknown as SyncBenchWindow).bench.prepareMonths(count), entries);
    const step = (name: Step) => () =>
      page.evaluate((which) => (window as unknown as SyncBenchWindow).bench[which]().then(({ ms }) => ms), name);
    const times = await alternate(runs, { importOneMonth: step('importOneMonth'), importSpread: step('importSpread') });
    const area = `import, ${entries.toLocaleString('en')} new check-ins`;
    return [
      figureOf(area, 'all in one month', times.importOneMonth),
      figureOf(area, 'spread over 120 months', times.importSpread),
      figureOf(area, 'one month ÷ spread', times.importOneMonth.map((ms, index) => ms / (times.importSpread[index] ?? Number.NaN)), {
        unit: '×',
        target: '≤ 1.5×',
        max: 1.5,
      }),
    ];
  } finally {
    await page.close();
  }
}
