/**
 * CPU profiles through CDP's Profiler, summarised as the functions and files that took the most
 * self time. Used by profile.run.ts to explain a figure that misses its target.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  /** `name (file:line)` for a function, or a file name. */
  where: string;
  selfMs: number;
}

/** Profiles the renderer of `page` while `action` runs, sampling every `intervalUs` µs. */
export async function cpuProfile(context: BrowserContext, page: Page, action: () => Promise<void>, intervalUs = 100): Promise<CpuProfile> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await cdp.send('Profiler.start');
    await action();
    const { profile } = await cdp.send('Profiler.stop');
    return profile as CpuProfile;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const fileOf = (url: string) => url.replace(/^chrome-extension:\/\/[^/]+\//, '').replace(/^https?:\/\/[^/]+/, '') || '(native)';

function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample stands for the time until the next one.
  samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (deltas[index + 1] ?? 0) / 1000));
  return self;
}

/** The `top` functions by self time among those whose script URL passes `keep` (all when omitted). */
export function hotFunctions(profile: CpuProfile, keep: (url: string) => boolean = () => true, top = 8): HotSpot[] {
  const self = selfTimes(profile);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (!keep(url)) continue;
    const where = `${functionName || '(anonymous)'} (${fileOf(url)}${url ? `:${lineNumber + 1}` : ''})`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byFunction].map(([where, selfMs]) => ({ where, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
}

/** Self time per script file (plus V8's own entries such as the garbage collector). */
export function hotFiles(profile: CpuProfile, top = 8): HotSpot[] {
  const self = selfTimes(profile);
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const { url, functionName } = node.callFrame;
    const where = url ? fileOf(url) : functionName;
    byFile.set(where, (byFile.get(where) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byFile].map(([where, selfMs]) => ({ where, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
}

/** Lines for the terminal: `  12.3 ms  name (file:line)`. */
export function formatHotSpots(title: string, spots: readonly HotSpot[]): string {
  return [title, ...spots.map((spot) => `  ${spot.selfMs.toFixed(1).padStart(7)} ms  ${spot.where}`)].join('\n');
}
