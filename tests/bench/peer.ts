/**
 * Another call-detecting extension beside Debrief on the same call page (`DEBRIEF_BENCH_PEER`, the
 * folder of an unpacked copy): one browser loads both, each traced call is read once for each
 * extension's scripts, and the same page with no extension at all comes in turn for the A/B.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { setMinSessionMinutes } from '../e2e/debrief-state';
import { launchBench } from './browser';
import { serveHttps } from './serve';
import { alternate, differences, figureOf, ratios, wait, type Figure } from './stats';
import { SETTLE_MS } from './moments';
import { tracedCall, type TracedRun } from './traced-call';

interface PeerSettings {
  runs: number;
  sampleSeconds: number;
  roomUrl: string;
}

function peerName(peerDir: string): string {
  const { name, version } = JSON.parse(readFileSync(join(peerDir, 'manifest.json'), 'utf8')) as { name?: string; version?: string };
  // A localised name (__MSG_…__) says nothing here: the folder's name does.
  const shown = name && !name.startsWith('__MSG_') ? name : basename(resolve(peerDir));
  return version ? `${shown} ${version}` : shown;
}

/** The peer's figures, and the Chromium they come from. */
export async function benchPeer(extensionDir: string, peerDir: string, settings: PeerSettings): Promise<{ figures: Figure[]; chromium: string }> {
  const { runs, sampleSeconds, roomUrl } = settings;
  const bench = await launchBench(extensionDir, resolve(peerDir));
  try {
    await serveHttps(bench.debrief.context);
    await serveHttps(bench.plain);
    // Calls this short must never open a check-in window in the middle of the measurement.
    await setMinSessionMinutes(bench.debrief, 120);
    const prefixes = [`chrome-extension://${bench.debrief.extensionId}/`, `chrome-extension://${bench.peerId}/`];
    // A first, unmeasured load: an extension that registers its content scripts when installed has done so by now.
    const first = await bench.debrief.context.newPage();
    await first.goto(roomUrl, { waitUntil: 'load' });
    await wait(SETTLE_MS);
    await first.close();
    const traces = await alternate(runs, {
      both: () => tracedCall(bench, bench.debrief.context, roomUrl, sampleSeconds, prefixes),
      plain: () => tracedCall(bench, bench.plain, roomUrl, sampleSeconds, prefixes.slice(0, 1)),
    });
    return { figures: peerFigures(peerName(peerDir), traces, 60 / sampleSeconds), chromium: bench.browser.version() };
  } finally {
    await bench.close();
  }
}

function peerFigures(peer: string, traces: { both: TracedRun[][]; plain: TracedRun[][] }, perMinute: number): Figure[] {
  const area = `beside ${peer}`;
  const debrief = traces.both.map((runs) => runs[0]!);
  const other = traces.both.map((runs) => runs[1]!);
  const metrics: [string, (run: TracedRun) => number, 'ms' | '/min'][] = [
    ['script at load, CPU', (run) => run.load.scriptCpu, 'ms'],
    ['script per minute of call, CPU', (run) => run.steady.scriptCpu * perMinute, 'ms'],
    // A callback may run no script of its own URL (a promise's resolve, then the loop in a microtask): its CPU shows here.
    ["callbacks' CPU per minute of call", (run) => run.callbacks.steady.callbackCpu * perMinute, 'ms'],
    ['callbacks asked for per minute of call', (run) => (run.callbacks.steady.timersSet + run.callbacks.steady.framesRequested + run.callbacks.steady.idleRequested) * perMinute, '/min'],
    ['own CPU in its longest task, load', (run) => run.own.load, 'ms'],
    ['own CPU in its longest task, in call', (run) => run.own.call, 'ms'],
  ];
  const rows = metrics.flatMap(([name, pick, unit]) => [
    figureOf(area, `Debrief: ${name}`, debrief.map(pick), { unit }),
    figureOf(area, `${peer}: ${name}`, other.map(pick), { unit }),
    figureOf(area, `Debrief ÷ ${peer}: ${name}`, ratios(debrief.map(pick), other.map(pick)), { unit: '×', note: 'run by run; < 1: Debrief costs less' }),
  ]);
  const longest = (runs: TracedRun[][]) => runs.map((run) => run[0]!.load.longestPageTaskCpu);
  rows.push(
    figureOf(area, "A/B page's longest task added by both, load, CPU", differences(longest(traces.both), longest(traces.plain)), {
      note: 'the renderer\'s longest main-thread task with both extensions, less with none',
    }),
  );
  return rows;
}
