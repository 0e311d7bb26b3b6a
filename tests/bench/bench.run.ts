/**
 * `npm run bench`: builds Debrief, measures it in real Chromium with the fake camera (and, in the
 * `firefox` section, in firefox-esr), prints one table and writes bench/results.json. Timings are
 * reported, never asserted.
 *
 * Settings (environment): DEBRIEF_BENCH_RUNS (10), DEBRIEF_BENCH_CALL_SECONDS (the backstop poll's 20),
 * DEBRIEF_BENCH_LONG_CALL_SECONDS (60, 0 skips), DEBRIEF_BENCH_ENTRIES (10000),
 * DEBRIEF_BENCH_MONTH_ENTRIES (45000), DEBRIEF_BENCH_ONLY (comma list of: sizes, cold, call, end,
 * checkin, options, sync, months, firefox, peer),
 * DEBRIEF_BENCH_PEER (the folder of another unpacked extension to measure beside Debrief: the `peer` section).
 */
import { join } from 'node:path';
import { it } from 'vitest';
import { POLL_MS } from '@/utils/session/hint-schedule';
import { PROJECT_ROOT } from '../e2e/paths';
import { launchBench } from './browser';
import { benchCallCost } from './call-cost';
import { benchCallEnd } from './call-end';
import { benchCheckIn } from './check-in';
import { benchColdStarts } from './cold';
import { addBlankPage } from './floors';
import { benchFirefox } from './firefox';
import { benchOptions } from './options';
import { benchPeer } from './peer';
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
  // One backstop poll per sample: a shorter one would hold a poll or none, depending on its phase.
  callSeconds: Math.max(1, number('DEBRIEF_BENCH_CALL_SECONDS', POLL_MS / 1000)),
  longCallSeconds: number('DEBRIEF_BENCH_LONG_CALL_SECONDS', 60),
  entries: Math.max(1, number('DEBRIEF_BENCH_ENTRIES', 10_000)),
  monthEntries: Math.max(1, number('DEBRIEF_BENCH_MONTH_ENTRIES', 45_000)),
  only: (process.env.DEBRIEF_BENCH_ONLY ?? 'sizes,cold,call,end,checkin,options,sync,months,firefox,peer').split(',').map((part) => part.trim()),
  peerDir: process.env.DEBRIEF_BENCH_PEER ?? '',
  // Meet's adapter reads the page for its post-call view during a call: the costliest supported site
  // for Debrief. The page is made as large and as restless as Meet's (6,000 nodes, a tile replaced
  // every 300 ms), so each of those checks costs what it would there.
  roomUrl: 'https://meet.google.com/abc-mnop-xyz?busy=6000',
};
const wanted = (section: string) => settings.only.includes(section) && (section !== 'peer' || settings.peerDir !== '');

/** Prints a line at once (vitest does not capture output here) so a long run shows progress. */
const progress = (text: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

it('bench', async () => {
  const figures: Figure[] = [];
  let chromium = 'not started';
  const resultsPath = join(PROJECT_ROOT, 'bench', 'results.json');
  // Each section's rows are printed and saved as they come, so a run stopped late keeps what it measured.
  const add = (rows: Figure[]) => {
    figures.push(...rows);
    if (rows.length > 0) process.stdout.write(`\n${formatTable(rows)}\n\n`);
    writeResults(resultsPath, figures, describeMachine(chromium), { ...settings, complete: false });
  };
  const sections = ['call', 'end', 'checkin', 'options', 'sync', 'months'].filter(wanted);
  const needsChromium = wanted('sizes') || wanted('cold') || wanted('peer') || sections.length > 0;
  if (needsChromium) progress('building the extension into a temporary folder');
  const built = needsChromium ? buildExtension() : { extensionDir: '', remove: () => undefined };
  try {
    if (needsChromium) addBlankPage(built.extensionDir);
    if (wanted('sizes')) {
      add(
        measureEntrypoints(built.extensionDir).map((size) => {
          const budget = SIZE_BUDGETS[size.entrypoint];
          const lazy = size.lazyFiles.length ? `; ${kb(size.gzipped)} up front + ${kb(size.lazyGzipped)} lazy` : '';
          return figureOf('size (gzip -9)', size.entrypoint, [size.totalGzipped / KB], {
            unit: 'KB',
            ...(budget === undefined ? {} : { target: `≤ ${budget} KB`, max: budget }),
            note: `${kb(size.minified + size.lazyMinified)} minified, ${size.files.length + size.lazyFiles.length} files${lazy}`,
          });
        }),
      );
    }
    if (wanted('cold')) {
      progress(`cold start: ${settings.runs} fresh browsers, each with its first call page and check-in, then a second`);
      add(await benchColdStarts(built.extensionDir, settings.runs, settings.roomUrl));
    }
    if (sections.length > 0) {
      const bench = await launchBench(built.extensionDir);
      chromium = bench.browser.version();
      try {
        await serveHttps(bench.debrief.context);
        await serveHttps(bench.plain);
        if (wanted('call')) {
          progress(`call page: ${settings.runs} × ${settings.callSeconds}-s calls per context, alternating, then traces`);
          add(await benchCallCost(bench, { ...settings, sampleSeconds: settings.callSeconds, longSeconds: settings.longCallSeconds }));
        }
        let sessionIds: string[] = [];
        if (wanted('end')) {
          progress(`call end → check-in: ${settings.runs} rounds of site signal, tab closed, media only`);
          const end = await benchCallEnd(bench, settings.runs);
          add(end.figures);
          sessionIds = end.sessionIds;
        }
        if (wanted('checkin')) {
          progress(`check-in page: ${settings.runs} loads and saves`);
          add(await benchCheckIn(bench, settings.runs, sessionIds));
        }
        if (wanted('options')) {
          progress(`options page: seeding ${settings.entries} check-ins, then history, search and trends`);
          add(await benchOptions(bench, settings.runs, settings.entries));
        }
        if (wanted('sync')) {
          progress(`sync: export and import of ${settings.entries} check-ins against the IndexedDB floor`);
          add(await benchSync(bench, settings.runs, settings.entries));
        }
        if (wanted('months')) {
          progress(`months: import of ${settings.monthEntries} check-ins in one month and spread over 120`);
          add(await benchImportMonths(bench, Math.min(settings.runs, 3), settings.monthEntries));
        }
        if (bench.debrief.pageErrors.length > 0) {
          progress(`page errors seen: ${bench.debrief.pageErrors.map((error) => error.message).join(' | ')}`);
        }
      } finally {
        await bench.close();
      }
    }
    if (wanted('peer')) {
      progress(`beside ${settings.peerDir}: ${settings.runs} traced ${settings.callSeconds}-s calls with both extensions and with none, alternating`);
      const peer = await benchPeer(built.extensionDir, settings.peerDir, { ...settings, sampleSeconds: settings.callSeconds });
      add(peer.figures);
      chromium = peer.chromium;
    }
    if (wanted('firefox')) add(await benchFirefox(settings, progress));
  } finally {
    built.remove();
  }
  const machine = describeMachine(chromium);
  writeResults(resultsPath, figures, machine, { ...settings, complete: true });
  process.stdout.write(
    `\nDebrief bench — ${machine.nproc} CPUs (${machine.cpuModel}), Chromium ${machine.chromium}, Node ${machine.node}, load average ${machine.loadAverage.join(', ')}\n` +
      `Medians of ${settings.runs} runs unless n says otherwise; ✓/✗ against the targets, × rows as ratios to floors measured in this run (tests/bench/README.md). Written to ${resultsPath}\n\n` +
      `${formatTable(figures)}\n\n`,
  );
});
