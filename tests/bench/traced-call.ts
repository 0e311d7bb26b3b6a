/**
 * One traced call on the call page: its load, the call's first seconds, then a steady stretch,
 * read for the work of each extension named by its script URL prefix (Debrief's, a peer's).
 */
import type { BrowserContext } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { SETTLE_MS, WARM_UP_MS } from './moments';
import { ownCpuInLongest, readSamples } from './samples';
import { wait } from './stats';
import { callbackWindows, readTrace, scriptWindows, TRACE_CATEGORIES, type CallbackWindow, type ScriptWindow } from './trace';

/** The fixture call page's own controls. */
export type CallWindow = Window & { call: { start(): Promise<number>; end(): number } };

/** One extension's work in a traced call. */
export interface TracedRun {
  load: ScriptWindow;
  start: ScriptWindow;
  steady: ScriptWindow;
  /** Its own CPU in the longest task running its code (samples.ts): at load (and the samples in that task); the worst of the call. */
  own: { load: number; loadSamples: number; call: number };
  callbacks: { load: CallbackWindow; steady: CallbackWindow };
}

/** Traces one call in `context` and reads it for each of `scriptPrefixes`, in order. */
export async function tracedCall(bench: BenchBrowser, context: BrowserContext, url: string, seconds: number, scriptPrefixes: readonly string[]): Promise<TracedRun[]> {
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
    const origin = new URL(url).origin;
    return scriptPrefixes.map((prefix) => {
      const [load, start, steady] = scriptWindows(events, origin, prefix, marks);
      const callbacks = callbackWindows(events, origin, prefix, marks);
      const samples = readSamples(events, prefix);
      const atLoad = ownCpuInLongest(load!, samples);
      const call = Math.max(ownCpuInLongest(start!, samples).cpu, ownCpuInLongest(steady!, samples).cpu);
      const own = { load: atLoad.cpu, loadSamples: atLoad.samples, call };
      return { load: load!, start: start!, steady: steady!, own, callbacks: { load: callbacks[0]!, steady: callbacks[2]! } };
    });
  } finally {
    await page.close();
  }
}
