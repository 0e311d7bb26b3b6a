/**
 * A person's first call after starting the browser: a fresh profile per run, where nothing Debrief
 * runs has been compiled yet. Each run starts its own Chromium, traces the first page load of its
 * life at the call page, ends a call there with Meet's Leave button and times the first check-in
 * window of its life; then does the same again in the same browser (warm), as every later call does.
 */
import { CallPage } from '../e2e/call-fixture';
import { CheckInWindows, firstPaintAt, setMinSessionMinutes } from '../e2e/debrief-state';
import { launchBench, type BenchBrowser } from './browser';
import { blankWindowPaint, RATIO_TARGETS } from './floors';
import { firstContentfulPaint } from './marks';
import { serveHttps } from './serve';
import { alternate, figureOf, median, ratios, wait, type Figure } from './stats';
import { ADDED_MS } from './call-cost';
import { ownCpuInLongest, readSamples } from './samples';
import { readTrace, scriptWindows, TRACE_CATEGORIES, type ScriptWindow } from './trace';
import { HOLD_MS, SETTLE_MS } from './moments';


interface Visit {
  load: ScriptWindow;
  /** Debrief's own CPU in the longest task at load that ran its code (samples.ts). */
  ownAtLoad: { cpu: number; samples: number };
  /** Leave pressed → the check-in window's first paint. */
  leaveToPaint: number;
  /** The check-in window's first paint from its own navigation. */
  checkInPaint: number;
}

/** Loads the call page traced, holds a call, presses Leave and times the check-in window. */
async function visit(bench: BenchBrowser, windows: CheckInWindows, roomUrl: string): Promise<Visit> {
  const page = await bench.debrief.context.newPage();
  try {
    await bench.browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(roomUrl, { waitUntil: 'load' });
    await wait(SETTLE_MS);
    await page.evaluate(() => performance.mark('bench-loaded'));
    const events = readTrace(await bench.browser.stopTracing());
    const ours = `chrome-extension://${bench.debrief.extensionId}/`;
    const [load] = scriptWindows(events, new URL(roomUrl).origin, ours, ['bench-loaded']);
    const ownAtLoad = ownCpuInLongest(load!, readSamples(events, ours));
    const call = new CallPage(page);
    await call.start();
    await wait(HOLD_MS);
    const mark = windows.mark();
    const leftAt = await call.leave();
    const checkIn = await windows.next(mark);
    const paintedAt = await firstPaintAt(checkIn.page);
    const checkInPaint = await firstContentfulPaint(checkIn.page);
    return { load: load!, ownAtLoad, leaveToPaint: paintedAt - leftAt, checkInPaint };
  } finally {
    await page.close().catch(() => undefined);
    await windows.closeAll();
  }
}

/**
 * The floor under the check-in window: in a browser of its own, at the same point of its life
 * (after a call page's load), the blank extension page opened as the check-in window is; twice.
 */
async function blankWindows(bench: BenchBrowser, roomUrl: string): Promise<number> {
  const page = await bench.debrief.context.newPage();
  try {
    await page.goto(roomUrl, { waitUntil: 'load' });
    await wait(SETTLE_MS);
    return await blankWindowPaint(bench.debrief);
  } finally {
    await page.close();
  }
}

/** Runs `work` in a fresh browser of its own (Debrief loaded, call pages served). */
async function inFreshBrowser<T>(extensionDir: string, work: (bench: BenchBrowser) => Promise<T>): Promise<T> {
  const bench = await launchBench(extensionDir);
  try {
    await serveHttps(bench.debrief.context);
    return await work(bench);
  } finally {
    await bench.close();
  }
}

export async function benchColdStarts(extensionDir: string, runs: number, roomUrl: string): Promise<Figure[]> {
  const cold: Visit[] = [];
  const warm: Visit[] = [];
  const blank = { cold: [] as number[], warm: [] as number[] };
  // Run by run, the two browsers come in turn (A B, B A, …); each list's i-th entry is from round i.
  await alternate(runs, {
    debrief: () =>
      inFreshBrowser(extensionDir, async (bench) => {
        await setMinSessionMinutes(bench.debrief, 0);
        const windows = new CheckInWindows(bench.debrief.context);
        cold.push(await visit(bench, windows, roomUrl));
        warm.push(await visit(bench, windows, roomUrl));
      }),
    floor: () =>
      inFreshBrowser(extensionDir, async (bench) => {
        blank.cold.push(await blankWindows(bench, roomUrl));
        blank.warm.push(await blankWindows(bench, roomUrl));
      }),
  });
  const worst = (values: number[]) => Math.max(...values).toFixed(1);
  const rows = (area: string, visits: Visit[], which: string, floor: number[], ratioTarget: number): Figure[] => [
    figureOf(area, `trace: Debrief's script at load, CPU`, visits.map((v) => v.load.scriptCpu), {
      target: '≤ 5 ms',
      max: 5,
      note: `${which}; wall ${worst(visits.map((v) => v.load.script))} ms at worst`,
    }),
    figureOf(area, 'trace: longest task with Debrief code, load, CPU', visits.map((v) => v.load.longestTaskCpu), {
      note: `the whole task, the page's work included; wall ${worst(visits.map((v) => v.load.longestTask))} ms at worst`,
    }),
    figureOf(area, "trace: Debrief's own CPU in that task, load", visits.map((v) => v.ownAtLoad.cpu), {
      target: `≤ ${ADDED_MS.ownAtLoad} ms`,
      max: ADDED_MS.ownAtLoad,
      note: `the task's CPU × Debrief's share of its samples (self time); ${median(visits.map((v) => v.ownAtLoad.samples))} samples in the task`,
    }),
    figureOf(area, 'Leave pressed → check-in painted', visits.map((v) => v.leaveToPaint), { target: '≤ 1 s', max: 1000, note: 'Meet post-call view' }),
    figureOf(area, 'check-in window: first paint from its navigation', visits.map((v) => v.checkInPaint)),
    figureOf(area, 'floor: blank extension page window, first paint', floor, { note: 'opened as the check-in window is, in a browser of its own' }),
    figureOf(area, 'check-in window first paint ÷ blank page window', ratios(visits.map((v) => v.checkInPaint), floor), {
      unit: '×',
      target: `≤ ${ratioTarget}×`,
      max: ratioTarget,
    }),
  ];
  return [
    ...rows('cold start', cold, "a fresh profile's first page load and first check-in window", blank.cold, RATIO_TARGETS.checkInWindowCold),
    ...rows('cold start, then warm', warm, 'the next call in the same browser', blank.warm, RATIO_TARGETS.checkInWindowWarm),
  ];
}
