/**
 * Reading a Chromium trace (devtools.timeline) for the work Debrief's scripts do on a call page:
 * every slice whose script URL is the extension's, and the main-thread task around it, in wall
 * time (`dur`) and in the thread's own CPU time (`tdur`, which a busy machine does not inflate);
 * and every timer, animation frame and idle callback Debrief's code asked for, found by the stack
 * that asked (so a callback with no script URL of its own, such as a promise's `resolve`, still counts).
 */

interface StackFrame {
  url?: string;
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  /** Profile and ProfileChunk events: which profile. */
  id?: string;
  args?: {
    /** Metadata events (thread_name): the thread's name. */
    name?: string;
    data?: {
      url?: string;
      frame?: string;
      timerId?: number;
      id?: number;
      timeout?: number;
      singleShot?: boolean;
      stackTrace?: StackFrame[];
    };
  };
}

/** Categories for `browser.startTracing`: task boundaries, script entry points, callback requests with their stacks, frames, user timing marks. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8',
  'blink.user_timing',
  // V8's samples: whose code a task was running (samples.ts).
  'disabled-by-default-v8.cpu_profiler',
];

/** A trace as `browser.stopTracing` returns it, parsed once for every reading below. */
export function readTrace(trace: Buffer): TraceEvent[] {
  return (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** Debrief's work in one stretch of the trace, in ms. */
export interface ScriptWindow {
  /** Outermost slices of Debrief's script, summed: wall and CPU. */
  script: number;
  scriptCpu: number;
  /** The longest main-thread task that ran Debrief's script: wall and CPU. */
  longestTask: number;
  longestTaskCpu: number;
  /** How many tasks ran Debrief's script. */
  tasks: number;
  /** Where the longest such task ran (trace µs), to read its samples. */
  longestAt: { pid: number; tid: number; from: number; to: number } | null;
  /** The longest main-thread task of the page's renderer, whoever's code it ran: CPU. */
  longestPageTaskCpu: number;
}

/** The callbacks Debrief's code requested in one stretch of the trace, and what the page drew. */
export interface CallbackWindow {
  /** Timers installed from a stack with Debrief's code in it; the shortest delay asked (ms, Infinity if none). */
  timersSet: number;
  shortestTimer: number;
  /** Repeating timers (setInterval) among them. */
  intervals: number;
  /** Animation frames and idle callbacks requested from such a stack. */
  framesRequested: number;
  idleRequested: number;
  /** Those callbacks run in this stretch, and their CPU (the callback and the microtasks it left). */
  callbacksRun: number;
  callbackCpu: number;
  /** Frames the page's main thread produced, whoever asked for them. */
  pageFrames: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const MICROTASKS = new Set(['BlinkScheduler_PerformMicrotaskCheckpoint', 'RunMicrotasks']);
const FIRED: Record<string, string> = { TimerFire: 'timer', FireAnimationFrame: 'frame', FireIdleCallback: 'idle' };
const REQUESTED: Record<string, string> = { TimerInstall: 'timer', RequestAnimationFrame: 'frame', RequestIdleCallback: 'idle' };
const ms = (us: number | undefined) => (us ?? 0) / 1000;
const complete = (event: TraceEvent) => event.ph === 'X' && event.dur !== undefined;

/** The events of the renderer processes that showed a page at a URL starting with `pageUrlPrefix`, and a function placing a time in a window between `marks`. */
function pageEvents(events: TraceEvent[], pageUrlPrefix: string, marks: string[]) {
  const pagePids = new Set(events.filter((event) => event.args?.data?.url?.startsWith(pageUrlPrefix)).map((event) => event.pid));
  const onPage = events.filter((event) => pagePids.has(event.pid));
  const bounds = marks.map((mark) => onPage.find((event) => event.name === mark)?.ts ?? Infinity);
  return { onPage, windowOf: (ts: number) => bounds.filter((bound) => ts >= bound).length };
}

/**
 * Debrief's work on the page whose URL starts with `pageUrlPrefix`, split into windows at the
 * user timing marks `marks` (in order): window 0 is before the first mark, window i after mark i−1.
 */
export function scriptWindows(events: TraceEvent[], pageUrlPrefix: string, scriptUrlPrefix: string, marks: string[]): ScriptWindow[] {
  const { onPage, windowOf } = pageEvents(events, pageUrlPrefix, marks);
  const tasks = onPage.filter((event) => TASK_NAMES.has(event.name) && complete(event));
  const scripts = onPage
    .filter((event) => complete(event) && event.args?.data?.url?.startsWith(scriptUrlPrefix))
    .sort((a, b) => a.ts - b.ts);

  const windows = [...marks, 'end'].map(
    (): ScriptWindow => ({ script: 0, scriptCpu: 0, longestTask: 0, longestTaskCpu: 0, tasks: 0, longestAt: null, longestPageTaskCpu: 0 }),
  );
  const mainThreads = new Set(
    onPage.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  for (const task of tasks) {
    if (!mainThreads.has(`${task.pid}:${task.tid}`)) continue;
    const window = windows[windowOf(task.ts)]!;
    window.longestPageTaskCpu = Math.max(window.longestPageTaskCpu, ms(task.tdur ?? task.dur));
  }
  const seenTasks = new Set<TraceEvent>();
  // Outermost slices only: a FunctionCall inside an EvaluateScript of the same file is not counted twice.
  const coveredUntil = new Map<number, number>();
  for (const script of scripts) {
    const end = script.ts + (script.dur ?? 0);
    const window = windows[windowOf(script.ts)]!;
    if (script.ts >= (coveredUntil.get(script.tid) ?? -Infinity)) {
      coveredUntil.set(script.tid, end);
      window.script += ms(script.dur);
      window.scriptCpu += ms(script.tdur ?? script.dur);
    }
    const task = tasks.find((candidate) => candidate.tid === script.tid && candidate.ts <= script.ts && candidate.ts + (candidate.dur ?? 0) >= end);
    if (!task || seenTasks.has(task)) continue;
    seenTasks.add(task);
    window.tasks++;
    window.longestTask = Math.max(window.longestTask, ms(task.dur));
    if (ms(task.tdur ?? task.dur) <= window.longestTaskCpu) continue;
    window.longestTaskCpu = ms(task.tdur ?? task.dur);
    window.longestAt = { pid: task.pid, tid: task.tid, from: task.ts, to: task.ts + (task.dur ?? 0) };
  }
  return windows;
}

/**
 * The timers, animation frames and idle callbacks requested on the page by a stack holding a
 * frame of `scriptUrlPrefix` (anywhere in it: a loop that awaits `requestAnimationFrame(resolve)`
 * asks from its own code), those callbacks run and their CPU, and the page's frames; windowed as
 * in `scriptWindows`.
 */
export function callbackWindows(events: TraceEvent[], pageUrlPrefix: string, scriptUrlPrefix: string, marks: string[]): CallbackWindow[] {
  const { onPage, windowOf } = pageEvents(events, pageUrlPrefix, marks);
  const windows = [...marks, 'end'].map(
    (): CallbackWindow => ({ timersSet: 0, shortestTimer: Infinity, intervals: 0, framesRequested: 0, idleRequested: 0, callbacksRun: 0, callbackCpu: 0, pageFrames: 0 }),
  );
  const ours = new Set<string>();
  const key = (kind: string, event: TraceEvent) => `${kind}:${event.pid}:${event.args?.data?.frame}:${event.args?.data?.timerId ?? event.args?.data?.id}`;
  const sorted = [...onPage].sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    const window = windows[windowOf(event.ts)]!;
    if (event.name === 'BeginMainThreadFrame') window.pageFrames++;
    const requested = REQUESTED[event.name];
    const data = event.args?.data;
    if (!requested || !data?.stackTrace?.some((frame) => frame.url?.startsWith(scriptUrlPrefix))) continue;
    ours.add(key(requested, event));
    if (requested === 'timer') {
      window.timersSet++;
      window.shortestTimer = Math.min(window.shortestTimer, data.timeout ?? 0);
      if (data.singleShot === false) window.intervals++;
    } else if (requested === 'frame') window.framesRequested++;
    else window.idleRequested++;
  }
  const slices = sorted.filter(complete);
  slices.forEach((event, index) => {
    const fired = FIRED[event.name];
    if (!fired || !ours.has(key(fired, event))) return;
    const window = windows[windowOf(event.ts)]!;
    window.callbacksRun++;
    window.callbackCpu += ms(event.tdur ?? event.dur);
    // The microtasks the callback left (a promise it resolved) run right after it, on the same thread.
    const end = event.ts + (event.dur ?? 0);
    for (let i = index + 1; i < slices.length; i++) {
      const next = slices[i]!;
      // Slices inside the callback are already in its CPU time.
      if (next.tid !== event.tid || next.ts < end) continue;
      if (!MICROTASKS.has(next.name) || next.ts > end + 50) break;
      window.callbackCpu += ms(next.tdur ?? next.dur);
    }
  });
  return windows;
}
