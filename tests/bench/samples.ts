/**
 * The V8 samples a Chromium trace holds (`disabled-by-default-v8.cpu_profiler`): whose code the
 * main thread was running inside one task. A sample is Debrief's when the nearest frame with a
 * script URL is Debrief's (so the browser's built-ins Debrief calls count as Debrief's, while the
 * page's own functions called through the media probe's wrappers stay the page's): its self time.
 */
import type { ScriptWindow, TraceEvent } from './trace';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/** One thread's samples: when each was taken (trace µs) and whether it was in Debrief's code. */
export interface ThreadSamples {
  pid: number;
  tid: number;
  at: number[];
  ours: boolean[];
}

/** Every profiled thread's samples, a sample at a URL starting with `scriptUrlPrefix` being Debrief's. */
export function readSamples(events: readonly TraceEvent[], scriptUrlPrefix: string): ThreadSamples[] {
  const threads = new Map<string, ThreadSamples & { clock: number; nodes: Map<number, ProfileNode> }>();
  const sorted = events.filter((event) => event.name === 'Profile' || event.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    const id = `${event.pid}:${event.id}`;
    const data = event.args?.data as ProfileData | undefined;
    if (event.name === 'Profile') {
      // The Profile event is emitted on the profiled thread; its chunks may come from another.
      threads.set(id, { pid: event.pid, tid: event.tid, at: [], ours: [], clock: data?.startTime ?? event.ts, nodes: new Map() });
      continue;
    }
    const thread = threads.get(id);
    if (!thread || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) thread.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    samples.forEach((nodeId, index) => {
      thread.clock += data.timeDeltas?.[index] ?? 0;
      thread.at.push(thread.clock);
      thread.ours.push(isOurs(thread.nodes, nodeId, scriptUrlPrefix));
    });
  }
  return [...threads.values()].map(({ pid, tid, at, ours }) => ({ pid, tid, at, ours }));
}

function isOurs(nodes: Map<number, ProfileNode>, leaf: number, prefix: string): boolean {
  for (let node = nodes.get(leaf); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
    const url = node.callFrame.url;
    if (url) return url.startsWith(prefix);
  }
  return false;
}

/**
 * Debrief's share of the samples taken on `pid`/`tid` between `from` and `to` (trace µs), as a
 * fraction of them (0 when none were taken), and how many were taken.
 */
function shareOf(threads: readonly ThreadSamples[], pid: number, tid: number, from: number, to: number): { share: number; samples: number } {
  let all = 0;
  let ours = 0;
  for (const thread of threads) {
    if (thread.pid !== pid || thread.tid !== tid) continue;
    thread.at.forEach((at, index) => {
      if (at < from || at > to) return;
      all++;
      if (thread.ours[index]) ours++;
    });
  }
  return { share: all ? ours / all : 0, samples: all };
}

/**
 * Debrief's own CPU inside the longest task that ran its code: the task's CPU times Debrief's share
 * of the samples taken in it (samples are wall-clock spaced; the share is not inflated by a busy
 * machine the way their times would be), and how many samples the task held (the share's grain).
 * 0 when no task ran Debrief's code or none was sampled.
 */
export function ownCpuInLongest(window: ScriptWindow, threads: readonly ThreadSamples[]): { cpu: number; samples: number } {
  const at = window.longestAt;
  if (!at) return { cpu: 0, samples: 0 };
  const { share, samples } = shareOf(threads, at.pid, at.tid, at.from, at.to);
  return { cpu: window.longestTaskCpu * share, samples };
}
