/**
 * What Debrief costs a call page: the fixture call page at a real room URL, loaded and then held
 * in a real WebRTC call, in Debrief's context and in a context without any extension, alternating.
 * CDP Performance.getMetrics gives the page's main-thread script and task time (A/B); a trace of
 * Debrief's context attributes script time and tasks to Debrief's own files.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { POLL_MS } from '@/utils/session/hint-schedule';
import { setMinSessionMinutes } from '../e2e/debrief-state';
import type { BenchBrowser } from './browser';
import { alternate, differences, figureOf, median, wait, type Figure } from './stats';
import type { CallbackWindow } from './trace';
import { tracedCall, type CallWindow, type TracedRun } from './traced-call';
import { SETTLE_MS, WARM_UP_MS } from './moments';

/**
 * What Debrief adds to a task, ms of CPU: its own part of the longest task running its code at load
 * and during a call (every run), and how much longer the page's longest task at load is with it.
 */
export const ADDED_MS = { ownAtLoad: 2, ownInCall: 5, longestTask: 5 };

export interface CallCostOptions {
  runs: number;
  /** Length of each steady-state call sample; per-minute figures are scaled from it. */
  sampleSeconds: number;
  /** One extra call of this length per context, to check the scaled figure (0 skips it). */
  longSeconds: number;
  roomUrl: string;
}

interface Metrics {
  script: number;
  task: number;
}

interface CallSample {
  load: Metrics;
  start: Metrics;
  perMinute: Metrics;
}



async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (list.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return { script: value('ScriptDuration'), task: value('TaskDuration') };
}

const minus = (a: Metrics, b: Metrics, scale = 1): Metrics => ({ script: (a.script - b.script) * scale, task: (a.task - b.task) * scale });

/** Whether Debrief's media probe is installed in the page (it marks the window with a symbol). */
function hasProbe(page: Page): Promise<boolean> {
  return page.evaluate(() => Object.getOwnPropertyDescriptor(window, Symbol.for('debrief.media-probe')) !== undefined);
}

async function callSample(context: BrowserContext, url: string, seconds: number, withDebrief: boolean): Promise<CallSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await wait(SETTLE_MS);
    const load = await metrics(cdp);
    await page.evaluate(() => (window as unknown as CallWindow).call.start());
    const connected = await metrics(cdp);
    await wait(WARM_UP_MS);
    const warm = await metrics(cdp);
    await wait(seconds * 1000);
    const held = await metrics(cdp);
    if ((await hasProbe(page)) !== withDebrief) throw new Error(`the ${withDebrief ? 'Debrief' : 'plain'} context ${withDebrief ? 'lacks' : 'has'} the media probe`);
    await page.evaluate(() => (window as unknown as CallWindow).call.end());
    return { load, start: minus(warm, connected), perMinute: minus(held, warm, 60 / seconds) };
  } finally {
    await page.close();
  }
}

export async function benchCallCost(bench: BenchBrowser, options: CallCostOptions): Promise<Figure[]> {
  const { runs, sampleSeconds, longSeconds, roomUrl } = options;
  // Calls this short must never open a check-in window in the middle of the measurement.
  await setMinSessionMinutes(bench.debrief, 120);
  const area = 'call page';
  const samples = await alternate(runs, {
    debrief: () => callSample(bench.debrief.context, roomUrl, sampleSeconds, true),
    plain: () => callSample(bench.plain, roomUrl, sampleSeconds, false),
  });
  const added = (pick: (sample: CallSample) => number) => differences(samples.debrief.map(pick), samples.plain.map(pick));
  const scaled = `${sampleSeconds}-s samples × ${60 / sampleSeconds}`;
  const figures = [
    figureOf(area, 'A/B script time added at load', added((s) => s.load.script), { target: '≤ 5 ms', max: 5, resolve: true }),
    figureOf(area, 'A/B task time added at load', added((s) => s.load.task)),
    figureOf(area, `A/B script time added, call's first ${WARM_UP_MS / 1000} s`, added((s) => s.start.script), { note: 'one-time' }),
    figureOf(area, 'A/B script time added per minute of call', added((s) => s.perMinute.script), { target: '≤ 2 ms', max: 2, note: scaled, resolve: true }),
    figureOf(area, 'A/B task time added per minute of call', added((s) => s.perMinute.task), { note: scaled }),
    figureOf(area, 'script time per minute, no extension', samples.plain.map((s) => s.perMinute.script), { note: 'the A/B baseline' }),
  ];
  if (longSeconds > 0) {
    const long = await alternate(1, {
      debrief: () => callSample(bench.debrief.context, roomUrl, longSeconds, true),
      plain: () => callSample(bench.plain, roomUrl, longSeconds, false),
    });
    const longAdded = differences(long.debrief.map((s) => s.perMinute.script), long.plain.map((s) => s.perMinute.script));
    // One run has no spread to judge by: reported beside the traced figure, not judged.
    figures.push(figureOf(area, `A/B script time added per minute, one ${longSeconds}-s call`, longAdded, { note: 'one run: not judged' }));
  }
  const ours = `chrome-extension://${bench.debrief.extensionId}/`;
  const traces = await alternate(runs, {
    debrief: async () => (await tracedCall(bench, bench.debrief.context, roomUrl, sampleSeconds, [ours]))[0]!,
    plain: async () => (await tracedCall(bench, bench.plain, roomUrl, sampleSeconds, [ours]))[0]!,
  });
  const traced = traces.debrief;
  const perMinute = 60 / sampleSeconds;
  const worst = (values: number[]) => Math.max(...values).toFixed(1);
  figures.push(
    figureOf(area, "trace: Debrief's script at load (warm), CPU", traced.map((t) => t.load.scriptCpu), {
      target: '≤ 5 ms',
      max: 5,
      note: `wall ${worst(traced.map((t) => t.load.script))} ms at worst`,
    }),
    figureOf(area, `trace: Debrief's script, call's first ${WARM_UP_MS / 1000} s, CPU`, traced.map((t) => t.start.scriptCpu), { note: 'one-time' }),
    figureOf(area, "trace: Debrief's script per minute of call, CPU", traced.map((t) => t.steady.scriptCpu * perMinute), {
      target: '≤ 2 ms',
      max: 2,
      note: `${sampleSeconds}-s traced calls × ${perMinute}; ${worst(traced.map((t) => t.steady.tasks * perMinute))} tasks/min`,
    }),
    // The whole task counts the page's own work in it (the probe runs inside the page's first
    // parser task): printed for context; what is judged is Debrief's part of it, and what it adds.
    figureOf(area, 'trace: longest task with Debrief code, load (warm), CPU', traced.map((t) => t.load.longestTaskCpu), {
      note: `the whole task, the page's work included; wall ${worst(traced.map((t) => t.load.longestTask))} ms at worst`,
    }),
    figureOf(area, "trace: Debrief's own CPU in that task, load (warm)", traced.map((t) => t.own.load), {
      target: `≤ ${ADDED_MS.ownAtLoad} ms`,
      max: ADDED_MS.ownAtLoad,
      note: `the task's CPU × Debrief's share of its samples (self time); ${median(traced.map((t) => t.own.loadSamples))} samples in the task`,
    }),
    figureOf(area, "trace: A/B page's longest task added, load (warm), CPU", differences(traced.map((t) => t.load.longestPageTaskCpu), traces.plain.map((t) => t.load.longestPageTaskCpu)), {
      target: `≤ ${ADDED_MS.longestTask} ms`,
      max: ADDED_MS.longestTask,
      resolve: true,
      note: `the renderer's longest main-thread task, with Debrief and without; ${median(traces.plain.map((t) => t.load.longestPageTaskCpu)).toFixed(1)} ms with no extension`,
    }),
    figureOf(area, 'trace: longest task with Debrief code, in call, CPU', traced.map((t) => Math.max(t.start.longestTaskCpu, t.steady.longestTaskCpu)), {
      note: `the whole task; wall ${worst(traced.map((t) => Math.max(t.start.longestTask, t.steady.longestTask)))} ms at worst`,
    }),
    figureOf(area, "trace: Debrief's own CPU in that task, in call", traced.map((t) => t.own.call), {
      target: `≤ ${ADDED_MS.ownInCall} ms, every run`,
      max: ADDED_MS.ownInCall,
      judge: 'max',
      note: "the task's CPU × Debrief's share of its samples (self time)",
    }),
    ...callbackFigures(area, traces, perMinute),
  );
  return figures;
}


/**
 * What Debrief asks the page to call back (timers, animation frames, idle callbacks), found by the
 * stack that asked; and the frames the page drew with Debrief and without it (a frame loop shows there).
 */
function callbackFigures(area: string, traces: { debrief: TracedRun[]; plain: TracedRun[] }, perMinute: number): Figure[] {
  const steady = traces.debrief.map((t) => t.callbacks.steady);
  const all = [...steady, ...traces.debrief.map((t) => t.callbacks.load)];
  const sum = (pick: (w: CallbackWindow) => number) => all.reduce((total, w) => total + pick(w), 0);
  const shortest = Math.min(...all.map((w) => w.shortestTimer));
  const poll = 60_000 / POLL_MS;
  return [
    figureOf(area, 'trace: callbacks Debrief asked for per minute of call', steady.map((w) => (w.timersSet + w.framesRequested + w.idleRequested) * perMinute), {
      unit: '/min',
      target: `≤ ${poll}/min (the backstop poll)`,
      max: poll,
      note: `timers, frames, idle callbacks by the asking stack; over all runs and load: ${sum((w) => w.framesRequested)} frames, ${sum((w) => w.idleRequested)} idle, ${sum((w) => w.intervals)} intervals; shortest delay ${Number.isFinite(shortest) ? `${shortest} ms` : 'none'}`,
    }),
    figureOf(area, "trace: those callbacks' CPU per minute of call", steady.map((w) => w.callbackCpu * perMinute), {
      note: `${Math.max(...steady.map((w) => w.callbacksRun * perMinute)).toFixed(0)} run/min at most; with the microtasks they left`,
    }),
    figureOf(
      area,
      'A/B page frames added per minute of call',
      differences(
        steady.map((w) => w.pageFrames * perMinute),
        traces.plain.map((t) => t.callbacks.steady.pageFrames * perMinute),
      ),
      { unit: '/min', note: `main-thread frames; ${median(traces.plain.map((t) => t.callbacks.steady.pageFrames * perMinute)).toFixed(0)}/min with no extension` },
    ),
  ];
}
