/**
 * Reading a Gecko profile (the JSON Firefox writes at shutdown with MOZ_PROFILER_SHUTDOWN) for the
 * work a page's main thread did and the part of it an extension's scripts did: every sample whose
 * stack holds one of their frames, in the thread's own CPU time (threadCPUDelta).
 */

/** A Gecko table: rows of values whose columns `schema` names. */
interface Table {
  schema: Record<string, number>;
  data: unknown[][];
}

interface GeckoThread {
  name: string;
  samples: Table;
  stackTable: Table;
  frameTable: Table;
  markers: Table;
  stringTable: string[];
}

/** The parent process at the top; each child process (tabs, extensions) in `processes`, shaped alike. */
export interface GeckoProfile {
  meta: { interval: number; sampleUnits?: { threadCPUDelta?: string } };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

/** One stretch of the page's main thread, in ms. */
export interface SampleWindow {
  /** The thread's CPU time over the stretch: everything, page and extension. */
  threadCpu: number;
  samples: number;
  /** Samples with a frame of the extension's scripts in their stack, and their CPU time. */
  scriptSamples: number;
  scriptCpu: number;
  /** The longest run of consecutive such samples, in CPU time: about the longest task with the extension's code. */
  longestRunCpu: number;
  /** What that run is made of: its CPU by the innermost script, and by the innermost function, most first. */
  longestRunParts: { scripts: RunPart[]; functions: RunPart[] };
}

/** A share of a run of samples: a script (`Schemas.sys.mjs`) or a function (`parseSchemas Schemas.sys.mjs`), in ms of CPU. */
interface RunPart {
  name: string;
  cpu: number;
}

const CPU_UNITS: Readonly<Record<string, number>> = { ns: 1e-6, 'µs': 1e-3, ms: 1 };

function column(table: Table, name: string): number {
  const index = table.schema[name];
  if (index === undefined) throw new Error(`Gecko profile table without a "${name}" column`);
  return index;
}

function allThreads(profile: GeckoProfile): { thread: GeckoThread; meta: GeckoProfile['meta'] }[] {
  return [...profile.threads.map((thread) => ({ thread, meta: profile.meta })), ...(profile.processes ?? []).flatMap(allThreads)];
}

/** The UserTiming marks (performance.mark) a thread recorded: name → time on the profile's clock. */
function userMarks(thread: GeckoThread): Map<string, number> {
  const start = column(thread.markers, 'startTime');
  const data = column(thread.markers, 'data');
  const marks = new Map<string, number>();
  for (const row of thread.markers.data) {
    const payload = row[data] as { type?: string; name?: string; entryType?: string } | null | undefined;
    if (payload?.type === 'UserTiming' && payload.entryType === 'mark' && payload.name) marks.set(payload.name, row[start] as number);
  }
  return marks;
}

/** Which code counts as the extension's, by the frame locations the profile shows. */
export interface ExtensionCode {
  /** Locations of the extension's own frames contain one of these (e.g. `moz-extension://<uuid>/`). */
  sources: readonly string[];
  /**
   * Frames through which an extension's transparent wrapper hands a page's call to the original
   * (`Reflect.apply` shows as `apply (self-hosted:…)`): what runs under them is the page's own work.
   */
  passThrough: readonly string[];
}

/** For each stack, whether it is in the extension's code: a frame of it, not handed back to the page since. */
function stacksIn(thread: GeckoThread, code: ExtensionCode): boolean[] {
  const location = column(thread.frameTable, 'location');
  const kinds = thread.frameTable.data.map((row) => {
    const at = thread.stringTable[row[location] as number] ?? '';
    return code.sources.some((source) => at.includes(source)) ? 'own' : code.passThrough.some((frame) => at.startsWith(frame)) ? 'pass' : 'other';
  });
  const prefix = column(thread.stackTable, 'prefix');
  const frame = column(thread.stackTable, 'frame');
  const inCode: boolean[] = [];
  const ownLeaf: boolean[] = [];
  // A stack's prefix always comes before it in the table.
  for (const [index, row] of thread.stackTable.data.entries()) {
    const parent = row[prefix] as number | null;
    const kind = kinds[row[frame] as number];
    const parentIn = parent !== null && inCode[parent] === true;
    ownLeaf[index] = kind === 'own';
    inCode[index] = kind === 'own' || (parentIn && !(kind === 'pass' && parent !== null && ownLeaf[parent] === true));
  }
  return inCode;
}

/**
 * A frame's function and script, from the location Firefox writes (`fn (resource://gre/modules/Schemas.sys.mjs:12:3)[7]`,
 * `moz-extension://…/call-watcher.js:1:10[29]`); null for frames that name no script: native code, and
 * self-hosted builtins (`map (self-hosted:…)`), which count for the script that called them.
 */
function scriptFrame(location: string): { script: string; fn: string } | null {
  const at = location.replace(/\[\d+\]$/, '');
  const match = /^(?:(.*) \((.+?):\d+:\d+\)|(.+?):\d+:\d+)$/.exec(at);
  const url = match?.[2] ?? match?.[3];
  if (!match || !url || url === 'self-hosted') return null;
  const script = url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() || url;
  return { script, fn: match[1] ? `${match[1]} ${script}` : script };
}

/** Sums `cpu` by name, most first. */
function shares(parts: readonly RunPart[]): RunPart[] {
  const sums = new Map<string, number>();
  for (const { name, cpu } of parts) sums.set(name, (sums.get(name) ?? 0) + cpu);
  return [...sums].map(([name, cpu]) => ({ name, cpu })).sort((a, b) => b.cpu - a.cpu);
}

/** What samples were running: each stack's innermost script frame (or its innermost frame, when none names a script). */
function runParts(thread: GeckoThread, run: readonly { stack: number; cpu: number }[]): SampleWindow['longestRunParts'] {
  const location = column(thread.frameTable, 'location');
  const prefix = column(thread.stackTable, 'prefix');
  const frame = column(thread.stackTable, 'frame');
  const locationOf = (stack: number) => thread.stringTable[thread.frameTable.data[thread.stackTable.data[stack]![frame] as number]![location] as number] ?? '';
  const innermost = (stack: number) => {
    for (let at: number | null = stack; at !== null; at = thread.stackTable.data[at]![prefix] as number | null) {
      const found = scriptFrame(locationOf(at));
      if (found) return found;
    }
    const leaf = locationOf(stack);
    return { script: leaf, fn: leaf };
  };
  // Each sample's stack is walked once, for both tallies.
  const found = run.map(({ stack, cpu }) => ({ ...innermost(stack), cpu }));
  return { scripts: shares(found.map(({ script, cpu }) => ({ name: script, cpu }))), functions: shares(found.map(({ fn, cpu }) => ({ name: fn, cpu }))) };
}

/**
 * The main thread of the page that made the UserTiming marks `marks` (in order), split into windows:
 * window 0 from `loadFrom` ms before the first mark (the page's time origin) to it, window i from
 * mark i−1 to mark i; samples after the last mark are not counted.
 */
export function geckoWindows(profile: GeckoProfile, marks: readonly string[], loadFrom: number, code: ExtensionCode): SampleWindow[] {
  const found = allThreads(profile).find(({ thread }) => thread.name === 'GeckoMain' && marks.every((mark) => userMarks(thread).has(mark)));
  if (!found) throw new Error(`no main thread in the Gecko profile recorded the marks ${marks.join(', ')}`);
  const { thread, meta } = found;
  const times = marks.map((mark) => userMarks(thread).get(mark) as number);
  const bounds = [(times[0] as number) - loadFrom, ...times];
  const time = column(thread.samples, 'time');
  const stack = column(thread.samples, 'stack');
  const cpuColumn = thread.samples.schema.threadCPUDelta;
  const cpuScale = CPU_UNITS[meta.sampleUnits?.threadCPUDelta ?? ''];
  const rows = thread.samples.data;
  if (rows.length === 0 || (rows[0]![time] as number) > (bounds[0] as number)) {
    throw new Error('the Gecko profile starts after the page loaded: its buffer overflowed (MOZ_PROFILER_STARTUP_ENTRIES)');
  }
  // Without a CPU column (or in cycles) each sample stands for one interval.
  const cpuOf = (row: unknown[]) => (cpuColumn === undefined || cpuScale === undefined ? meta.interval : ((row[cpuColumn] as number | null) ?? 0) * cpuScale);
  const withScript = stacksIn(thread, code);
  const windows = marks.map(() => ({ threadCpu: 0, samples: 0, scriptSamples: 0, scriptCpu: 0, longestRunCpu: 0 }));
  const longestRuns = marks.map((): { stack: number; cpu: number }[] => []);
  let runSamples: { stack: number; cpu: number }[] = [];
  let run = 0;
  let runIn = -1;
  for (const row of rows) {
    const at = row[time] as number;
    const index = bounds.findIndex((bound, i) => at >= bound && at < (bounds[i + 1] ?? -Infinity));
    const window = windows[index];
    if (!window) continue;
    // A run of samples ends at a window's edge: each window has its own longest.
    if (index !== runIn) [run, runIn, runSamples] = [0, index, []];
    const cpu = cpuOf(row);
    window.threadCpu += cpu;
    window.samples++;
    const stackIndex = row[stack] as number | null;
    if (stackIndex === null || !withScript[stackIndex]) {
      [run, runSamples] = [0, []];
      continue;
    }
    window.scriptSamples++;
    window.scriptCpu += cpu;
    run += cpu;
    runSamples.push({ stack: stackIndex, cpu });
    if (run > window.longestRunCpu || longestRuns[index]!.length === 0) {
      window.longestRunCpu = run;
      longestRuns[index] = runSamples;
    }
  }
  return windows.map((window, index) => ({ ...window, longestRunParts: runParts(thread, longestRuns[index]!) }));
}
