/**
 * What Debrief costs a call page in Firefox: the Meet-sized fixture call page loaded and held in a
 * real WebRTC call in a fresh firefox-esr with the Gecko profiler running from startup, with Debrief
 * and with no add-on at all, alternating. Each run is a new Firefox, so its first page load is the
 * cold case; the page loaded again in the same tab is the warm one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FirefoxCall } from '../e2e-firefox/debrief';
import { extensionUrl, launchFirefox, navigate } from '../e2e-firefox/harness';
import { geckoWindows, type ExtensionCode, type GeckoProfile, type SampleWindow } from './gecko-profile';
import { alternate, differences, figureOf, wait, type Figure } from './stats';
import { SETTLE_MS, WARM_UP_MS } from './moments';

/** The profiler's sampling interval, ms (1 is the least MOZ_PROFILER_STARTUP_INTERVAL takes). */
const INTERVAL_MS = 1;
const MARKS = ['bench-call-start', 'bench-steady', 'bench-end'];
/**
 * Debrief's code as the profile's frames name it: the isolated-world watcher by its moz-extension://
 * URL; Firefox runs the MAIN-world media probe as `<anonymous code>` (a page without the add-on has
 * no such frame: the plain runs are checked for it). The probe's wrappers hand the page's calls to
 * the originals through Reflect.apply/construct: the page's getUserMedia or new RTCPeerConnection
 * under them is the page's own work, not Debrief's.
 */
const DEBRIEF_CODE: ExtensionCode = {
  sources: [extensionUrl(''), '<anonymous code>'],
  passThrough: ['apply (self-hosted:', 'construct (self-hosted:'],
};

/** What a run of samples is made of, for a note: its largest shares, in ms. */
function partsOf(window: SampleWindow): string {
  const top = (parts: { name: string; cpu: number }[], count: number) => parts.slice(0, count).map((part) => `${part.name} ${part.cpu.toFixed(1)}`).join(', ');
  const { scripts, functions } = window.longestRunParts;
  return `by script ${top(scripts, 4)}; by function ${top(functions, 3)}`;
}

/** The in-call window (call's first seconds or the steady minute) with the longest run. */
const inCallRun = (call: ProfiledCall): SampleWindow => (call.steady.longestRunCpu > call.start.longestRunCpu ? call.steady : call.start);

type CallWindow = Window & { call: { start(): Promise<number> } };

/** The Gecko profiler from startup, written to `file` when Firefox quits: JS stacks and thread CPU, main threads only. */
function profilerEnv(file: string): Record<string, string> {
  return {
    MOZ_PROFILER_STARTUP: '1',
    MOZ_PROFILER_SHUTDOWN: file,
    MOZ_PROFILER_STARTUP_INTERVAL: String(INTERVAL_MS),
    MOZ_PROFILER_STARTUP_FEATURES: 'js,cpu',
    MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
  };
}

interface ProfiledCall {
  load: SampleWindow;
  start: SampleWindow;
  steady: SampleWindow;
  /** The page loaded again in the same tab (the same content process): warm. */
  again: SampleWindow;
}

/** Marks the page and returns how long after its time origin (its navigation) the mark was made. */
function mark(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => performance.mark(name).startTime, name);
}

/**
 * One fresh Firefox (with the add-on at `extensionDir`, or none): load, settle, call, warm-up,
 * `seconds` of call; then the page again in the same tab, settled; quit.
 */
async function profiledCall(extensionDir: string | null, url: string, seconds: number): Promise<ProfiledCall> {
  const dir = mkdtempSync(join(tmpdir(), 'debrief-gecko-'));
  const file = join(dir, 'profile.json');
  try {
    const firefox = await launchFirefox({ extensionDir, env: profilerEnv(file), awaitExit: true });
    let sinceOrigin: number;
    let againSinceOrigin: number;
    try {
      const { page } = await FirefoxCall.open(firefox, url);
      await wait(SETTLE_MS);
      sinceOrigin = await mark(page, 'bench-call-start');
      await page.evaluate(() => (window as unknown as CallWindow).call.start());
      await wait(WARM_UP_MS);
      await mark(page, 'bench-steady');
      await wait(seconds * 1000);
      await mark(page, 'bench-end');
      const probe = await page.evaluate(() => Object.getOwnPropertyDescriptor(window, Symbol.for('debrief.media-probe')) !== undefined);
      if (probe !== (extensionDir !== null)) throw new Error(`the Firefox ${extensionDir ? 'with Debrief lacks' : 'without add-ons has'} the media probe`);
      const again = new URL(url);
      again.searchParams.set('again', '1');
      await navigate(page, again.href);
      await wait(SETTLE_MS);
      againSinceOrigin = await mark(page, 'bench-again');
    } finally {
      await firefox.close();
    }
    const profile = JSON.parse(readFileSync(file, 'utf8')) as GeckoProfile;
    const [load, start, steady] = geckoWindows(profile, MARKS, sinceOrigin, DEBRIEF_CODE);
    // Both loads' marks on one thread, or the second load was not in the same (warm) process.
    geckoWindows(profile, [...MARKS, 'bench-again'], sinceOrigin, DEBRIEF_CODE);
    const [again] = geckoWindows(profile, ['bench-again'], againSinceOrigin, DEBRIEF_CODE);
    return { load: load!, start: start!, steady: steady!, again: again! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFirefoxCall(extensionDir: string, options: { runs: number; sampleSeconds: number; roomUrl: string }): Promise<Figure[]> {
  const { runs, sampleSeconds, roomUrl } = options;
  const samples = await alternate(runs, {
    debrief: () => profiledCall(extensionDir, roomUrl, sampleSeconds),
    plain: () => profiledCall(null, roomUrl, sampleSeconds),
  });
  const area = 'Firefox call page';
  const perMinute = 60 / sampleSeconds;
  const warmUp = `call's first ${WARM_UP_MS / 1000} s`;
  const { debrief, plain } = samples;
  const added = (pick: (call: ProfiledCall) => number) => differences(debrief.map(pick), plain.map(pick));
  const worst = (values: number[]) => Math.max(...values).toFixed(1);
  const strays = plain.reduce((sum, c) => sum + c.load.scriptSamples + c.start.scriptSamples + c.steady.scriptSamples + c.again.scriptSamples, 0);
  if (strays > 0) throw new Error(`${strays} samples without the add-on look like Debrief's code: its frames are not told apart`);
  return [
    figureOf(area, "profile: Debrief's script at load, cold, CPU", debrief.map((c) => c.load.scriptCpu), {
      target: '≤ 5 ms',
      max: 5,
      note: `a fresh Firefox's first page; ${worst(debrief.map((c) => c.load.scriptSamples))} samples of ${INTERVAL_MS} ms at worst`,
    }),
    figureOf(area, "profile: Debrief's script at load, warm, CPU", debrief.map((c) => c.again.scriptCpu), {
      target: '≤ 5 ms',
      max: 5,
      note: 'the page again in the same tab (same content process)',
    }),
    figureOf(area, `profile: Debrief's script, ${warmUp}, CPU`, debrief.map((c) => c.start.scriptCpu), { note: 'one-time' }),
    figureOf(area, "profile: Debrief's script per minute of call, CPU", debrief.map((c) => c.steady.scriptCpu * perMinute), {
      target: '≤ 2 ms',
      max: 2,
      note: `${sampleSeconds}-s samples × ${perMinute}; ${worst(debrief.map((c) => c.steady.scriptSamples * perMinute))} samples/min at worst`,
    }),
    figureOf(area, 'profile: longest run of Debrief samples, load, cold, CPU', debrief.map((c) => c.load.longestRunCpu), {
      target: '≤ 8 ms',
      max: 8,
      note: 'consecutive samples in Debrief’s code: about the longest task',
    }),
    figureOf(area, 'profile: longest run of Debrief samples, load, warm, CPU', debrief.map((c) => c.again.longestRunCpu), { target: '≤ 8 ms', max: 8 }),
    figureOf(area, 'profile: longest run of Debrief samples, in call, CPU', debrief.map((c) => inCallRun(c).longestRunCpu), {
      target: '≤ 16 ms, every run',
      max: 16,
      judge: 'max',
      note: `the worst run's, ms: ${partsOf(inCallRun(debrief.reduce((worst, c) => (inCallRun(c).longestRunCpu > inCallRun(worst).longestRunCpu ? c : worst))))}`,
    }),
    figureOf(area, 'A/B main-thread CPU added at load', added((c) => c.load.threadCpu), { note: 'from navigation to 1 s after load' }),
    figureOf(area, 'A/B main-thread CPU added at load, warm', added((c) => c.again.threadCpu), { note: 'from navigation to 1 s after load' }),
    figureOf(area, `A/B main-thread CPU added, ${warmUp}`, added((c) => c.start.threadCpu), { note: 'one-time' }),
    figureOf(area, 'A/B main-thread CPU added per minute of call', added((c) => c.steady.threadCpu * perMinute), {
      target: '≤ 2 ms',
      max: 2,
      resolve: true,
      note: `${sampleSeconds}-s samples × ${perMinute}`,
    }),
    figureOf(area, 'main-thread CPU per minute, no add-on', plain.map((c) => c.steady.threadCpu * perMinute), { note: 'the A/B baseline' }),
  ];
}
