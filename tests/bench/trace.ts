/**
 * Reading a Chromium trace (devtools.timeline) for the work Debrief's scripts do on a call page:
 * every slice whose script URL is the extension's, and the main-thread task around it, in wall
 * time (`dur`) and in the thread's own CPU time (`tdur`, which a busy machine does not inflate).
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/** Categories for `browser.startTracing`: task boundaries, script entry points, user timing marks. */
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

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
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const ms = (us: number | undefined) => (us ?? 0) / 1000;

function emptyWindow(): ScriptWindow {
  return { script: 0, scriptCpu: 0, longestTask: 0, longestTaskCpu: 0, tasks: 0 };
}

/**
 * Debrief's work on the page whose URL starts with `pageUrlPrefix`, split into windows at the
 * user timing marks `marks` (in order): window 0 is before the first mark, window i after mark i−1.
 */
export function scriptWindows(trace: Buffer, pageUrlPrefix: string, scriptUrlPrefix: string, marks: string[]): ScriptWindow[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const pagePids = new Set(events.filter((event) => event.args?.data?.url?.startsWith(pageUrlPrefix)).map((event) => event.pid));
  const onPage = events.filter((event) => pagePids.has(event.pid));
  const bounds = marks.map((mark) => onPage.find((event) => event.name === mark)?.ts ?? Infinity);
  const windowOf = (ts: number) => bounds.filter((bound) => ts >= bound).length;
  const complete = (event: TraceEvent) => event.ph === 'X' && event.dur !== undefined;
  const tasks = onPage.filter((event) => TASK_NAMES.has(event.name) && complete(event));
  const scripts = onPage
    .filter((event) => complete(event) && event.args?.data?.url?.startsWith(scriptUrlPrefix))
    .sort((a, b) => a.ts - b.ts);

  const windows = [...marks, 'end'].map(emptyWindow);
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
    window.longestTaskCpu = Math.max(window.longestTaskCpu, ms(task.tdur ?? task.dur));
  }
  return windows;
}
