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
import { callbackWindows, readTrace, scriptWindows, TRACE_CATEGORIES, type CallbackWindow } from './trace';
import { SETTLE_MS, WARM_UP_MS } from './moments';

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


type CallWindow = Window & { call: { start(): Promise<number>; end(): number } };

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

/** Traces one call in `context`: load, the call's first seconds, then `seconds` of steady call. */
async function tracedCall(bench: BenchBrowser, context: BrowserContext, url: string, seconds: number) {
  const page = await context.newPage();
  try {
    await bench.browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    await wait(SETTLE_MS);
    await page.evaluate(() => performance.mark('bench-call-start'));
    await page.evaluate(() => (window as unknown as CallWindow).call.start());
    await wait(WARM_UP_MS);
    await page.evaluate(() => performance.mark('bench-steady'));
    await wait(seconds * 1000);
    const events = readTrace(await bench.browser.stopTracing());
    await page.evaluate(() => (window as unknown as CallWindow).call.end());
    const marks = ['bench-call-start', 'bench-steady'];
    const ours = `chrome-extension://${bench.debrief.extensionId}/`;
    const [load, start, steady] = scriptWindows(events, new URL(url).origin, ours, marks);
    const callbacks = callbackWindows(events, new URL(url).origin, ours, marks);
    return { load: load!, start: start!, steady: steady!, callbacks: { load: callbacks[0]!, steady: callbacks[2]! } };
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
  const traces = await alternate(runs, {
    debrief: () => tracedCall(bench, bench.debrief.context, roomUrl, sampleSeconds),
    plain: () => tracedCall(bench, bench.plain, roomUrl, sampleSeconds),
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
    // Judged on CPU time: on a shared machine a task's wall time also counts the moments the OS ran others.
    figureOf(area, 'trace: longest task with Debrief code, load (warm), CPU', traced.map((t) => t.load.longestTaskCpu), {
      target: '≤ 8 ms',
      max: 8,
      note: `wall ${worst(traced.map((t) => t.load.longestTask))} ms at worst`,
    }),
    figureOf(area, 'trace: longest task with Debrief code, in call, CPU', traced.map((t) => Math.max(t.start.longestTaskCpu, t.steady.longestTaskCpu)), {
      target: '≤ 16 ms, every run',
      max: 16,
      judge: 'max',
      note: `wall ${worst(traced.map((t) => Math.max(t.start.longestTask, t.steady.longestTask)))} ms at worst`,
    }),
    ...callbackFigures(area, traces, perMinute),
  );
  return figures;
}

type TracedCall = Awaited<ReturnType<typeof tracedCall>>;

/**
 * What Debrief asks the page to call back (timers, animation frames, idle callbacks), found by the
 * stack that asked; and the frames the page drew with Debrief and without it (a frame loop shows there).
 */
function callbackFigures(area: string, traces: { debrief: TracedCall[]; plain: TracedCall[] }, perMinute: number): Figure[] {
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
