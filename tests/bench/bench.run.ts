/**
 * `npm run bench`: builds Debrief, measures it in real Chromium with the fake camera (and, in the
 * `firefox` section, in firefox-esr), prints one table and writes bench/results.json. Timings are
 * reported, never asserted.
 *
 * Settings (environment): DEBRIEF_BENCH_RUNS (10), DEBRIEF_BENCH_CALL_SECONDS (10),
 * DEBRIEF_BENCH_LONG_CALL_SECONDS (60, 0 skips), DEBRIEF_BENCH_ENTRIES (10000),
 * DEBRIEF_BENCH_MONTH_ENTRIES (45000), DEBRIEF_BENCH_ONLY (comma list of: sizes, cold, call, end,
 * checkin, options, sync, months, firefox).
 */
import { join } from 'node:path';
import { it } from 'vitest';
import { PROJECT_ROOT } from '../e2e/paths';
import { launchBench } from './browser';
import { benchCallCost } from './call-cost';
import { benchCallEnd } from './call-end';
import { benchCheckIn } from './check-in';
import { benchColdStarts } from './cold';
import { benchFirefox } from './firefox';
import { benchOptions } from './options';
import { describeMachine, formatTable, writeResults } from './report';
import { serveHttps } from './serve';
import { buildExtension, kb, KB, measureEntrypoints, SIZE_BUDGETS } from './sizes';
import { figureOf, type Figure } from './stats';
import { benchImportMonths, benchSync } from './sync';

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
};

const settings = {
  runs: Math.max(1, number('DEBRIEF_BENCH_RUNS', 10)),
  callSeconds: Math.max(1, number('DEBRIEF_BENCH_CALL_SECONDS', 10)),
  longCallSeconds: number('DEBRIEF_BENCH_LONG_CALL_SECONDS', 60),
  entries: Math.max(1, number('DEBRIEF_BENCH_ENTRIES', 10_000)),
  monthEntries: Math.max(1, number('DEBRIEF_BENCH_MONTH_ENTRIES', 45_000)),
  only: (process.env.DEBRIEF_BENCH_ONLY ?? 'sizes,cold,call,end,checkin,options,sync,months,firefox').split(',').map((part) => part.trim()),
  // Meet's adapter reads the page for its post-call view during a call: the costliest supported site
  // for Debrief. The page is made as large and as restless as Meet's (6,000 nodes, a tile replaced
  // every 300 ms), so each of those checks costs what it would there.
  roomUrl: 'https://meet.google.com/abc-mnop-xyz?busy=6000',
};
const wanted = (section: string) => settings.only.includes(section);

/** Prints a line at once (vitest does not capture output here) so a long run shows progress. */
const progress = (text: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

it('bench', async () => {
  const figures: Figure[] = [];
  let chromium = 'not started';
  const sections = ['call', 'end', 'checkin', 'options', 'sync', 'months'].filter(wanted);
  const needsChromium = wanted('sizes') || wanted('cold') || sections.length > 0;
  if (needsChromium) progress('building the extension into a temporary folder');
  const built = needsChromium ? buildExtension() : { extensionDir: '', remove: () => undefined };
  try {
    if (wanted('sizes')) {
      for (const size of measureEntrypoints(built.extensionDir)) {
        const budget = SIZE_BUDGETS[size.entrypoint];
        const lazy = size.lazyFiles.length ? `; ${kb(size.gzipped)} up front + ${kb(size.lazyGzipped)} lazy` : '';
        figures.push(
          figureOf('size (gzip -9)', size.entrypoint, [size.totalGzipped / KB], {
            unit: 'KB',
            ...(budget === undefined ? {} : { target: `≤ ${budget} KB`, max: budget }),
            note: `${kb(size.minified + size.lazyMinified)} minified, ${size.files.length + size.lazyFiles.length} files${lazy}`,
          }),
        );
      }
    }
    if (wanted('cold')) {
      progress(`cold start: ${settings.runs} fresh browsers, each with its first call page and check-in, then a second`);
      figures.push(...(await benchColdStarts(built.extensionDir, settings.runs, settings.roomUrl)));
    }
    if (sections.length > 0) {
      const bench = await launchBench(built.extensionDir);
      chromium = bench.browser.version();
      try {
        await serveHttps(bench.debrief.context);
        await serveHttps(bench.plain);
        if (wanted('call')) {
          progress(`call page: ${settings.runs} × ${settings.callSeconds}-s calls per context, alternating, then traces`);
          figures.push(...(await benchCallCost(bench, { ...settings, sampleSeconds: settings.callSeconds, longSeconds: settings.longCallSeconds })));
        }
        let sessionIds: string[] = [];
        if (wanted('end')) {
          progress(`call end → check-in: ${settings.runs} rounds of site signal, tab closed, media only`);
          const end = await benchCallEnd(bench, settings.runs);
          figures.push(...end.figures);
          sessionIds = end.sessionIds;
        }
        if (wanted('checkin')) {
          progress(`check-in page: ${settings.runs} loads and saves`);
          figures.push(...(await benchCheckIn(bench, settings.runs, sessionIds)));
        }
        if (wanted('options')) {
          progress(`options page: seeding ${settings.entries} check-ins, then history, search and trends`);
          figures.push(...(await benchOptions(bench, settings.runs, settings.entries)));
        }
        if (wanted('sync')) {
          progress(`sync: export and import of ${settings.entries} check-ins against the IndexedDB floor`);
          figures.push(...(await benchSync(bench, settings.runs, settings.entries)));
        }
        if (wanted('months')) {
          progress(`months: import of ${settings.monthEntries} check-ins in one month and spread over 120`);
          figures.push(...(await benchImportMonths(bench, Math.min(settings.runs, 3), settings.monthEntries)));
        }
        if (bench.debrief.pageErrors.length > 0) {
          progress(`page errors seen: ${bench.debrief.pageErrors.map((error) => error.message).join(' | ')}`);
        }
      } finally {
        await bench.close();
      }
    }
    if (wanted('firefox')) figures.push(...(await benchFirefox(settings, progress)));
  } finally {
    built.remove();
  }
  const machine = describeMachine(chromium);
  const resultsPath = join(PROJECT_ROOT, 'bench', 'results.json');
  writeResults(resultsPath, figures, machine, settings);
  process.stdout.write(
    `\nDebrief bench — ${machine.nproc} CPUs (${machine.cpuModel}), Chromium ${machine.chromium}, Node ${machine.node}\n` +
      `Medians of ${settings.runs} runs unless n says otherwise; ✓/✗ against the targets (issues 6 and 16). Written to ${resultsPath}\n\n` +
      `${formatTable(figures)}\n\n`,
  );
});
