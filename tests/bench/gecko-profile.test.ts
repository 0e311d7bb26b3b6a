import { describe, expect, it } from 'vitest';
import { geckoWindows, type GeckoProfile } from './gecko-profile';

const EXTENSION = 'moz-extension://5d0c6b53-2f7e-4a61-9a8e-6b1f0de1b7a4/';
const CODE = { sources: [EXTENSION, '<anonymous code>'], passThrough: ['apply (self-hosted:', 'construct (self-hosted:'] };
const MARKS = ['bench-call-start', 'bench-steady', 'bench-end'];

/** Frames and stacks as Firefox 153 writes them: strings by index, a stack by its prefix and frame. */
const strings = [
  '(root)',
  `${EXTENSION}content-scripts/call-watcher.js:1:10[29]`,
  'tile (https://meet.google.com/abc-mnop-xyz?busy=6000:140:22)[34]',
  'main (<anonymous code>:1:2495)[31]',
  'construct (self-hosted:2625:27)[0]',
  'RTCPeerConnection constructor',
  'parseSchemas (resource://gre/modules/Schemas.sys.mjs:3456:12)[40]',
  'map (self-hosted:120:3)[0]',
  'JSON.parse',
  'get browser (resource://gre/modules/ExtensionContent.sys.mjs:880:7)[41]',
];
const ROOT = 0;
const WATCHER = 1;
const PAGE = 2;
const PAGE_THEN_WATCHER = 3;
const PROBE = 4;
/** The probe's wrapper handing the page's `new RTCPeerConnection` to the original: the page's work. */
const PROBE_PASSED_ON = 6;
/** Firefox building the extension API under the watcher: its schemas, a builtin they call, native code under that. */
const SCHEMAS = 7;
const SCHEMAS_MAP = 8;
const SCHEMAS_NATIVE = 9;
const API_GETTER = 10;

function thread(name: string, samples: [stack: number | null, time: number, cpuMs: number][], marks: [string, number][]) {
  return {
    name,
    stringTable: [...strings, 'UserTiming', 'Text'],
    frameTable: { schema: { location: 0, relevantForJS: 1, innerWindowID: 2 }, data: strings.map((_, index) => [index, false, 0]) },
    stackTable: {
      schema: { prefix: 0, frame: 1 },
      data: [
        [null, 0],
        [ROOT, 1],
        [ROOT, 2],
        [PAGE, 1],
        [ROOT, 3],
        [PROBE, 4],
        [5, 5],
        [WATCHER, 6],
        [SCHEMAS, 7],
        [SCHEMAS_MAP, 8],
        [WATCHER, 9],
      ],
    },
    samples: {
      schema: { stack: 0, time: 1, eventDelay: 2, argumentValues: 3, threadCPUDelta: 4 },
      data: samples.map(([stack, time, cpuMs]) => [stack, time, 0, null, cpuMs * 1e6]),
    },
    markers: {
      schema: { name: 0, startTime: 1, endTime: 2, phase: 3, category: 4, data: 5 },
      data: [
        [5, 0.5, 0, 0, 19, { type: 'Text', name: 'Transition from Base to Gecko Profiler' }],
        ...marks.map(([mark, at]) => [4, at, 0, 0, 8, { type: 'UserTiming', name: mark, entryType: 'mark', startMark: null, endMark: null }]),
      ],
    },
  };
}

const meta = { interval: 1, sampleUnits: { time: 'ms', eventDelay: 'ms', threadCPUDelta: 'ns' } };

/** The parent process with Debrief's frames on a thread that made no marks, and the call page's process beside it. */
function profile(samples: Parameters<typeof thread>[1]): GeckoProfile {
  return {
    meta,
    threads: [thread('GeckoMain', [[WATCHER, 12, 50]], [])],
    processes: [
      { meta, threads: [thread('GeckoMain', [[WATCHER, 1, 50]], [['other-mark', 1]])] },
      { meta, threads: [thread('GeckoMain', samples, [['bench-call-start', 10], ['bench-steady', 20], ['bench-end', 30]])] },
    ],
  };
}

describe('geckoWindows', () => {
  it('splits the marked page thread at its marks and counts the samples in Debrief’s code, by CPU, not what its wrappers pass on', () => {
    const windows = geckoWindows(
      profile([
        [WATCHER, 1, 5], // before the page's time origin (2): not counted
        [WATCHER, 2, 1],
        [WATCHER, 3, 1],
        [ROOT, 4, 1],
        [PAGE_THEN_WATCHER, 5, 0.5],
        [PAGE, 6, 3],
        [null, 9.5, 0],
        [WATCHER, 9.8, 1],
        [PROBE, 10, 4], // at the first mark: the call's first seconds, a new run
        [PROBE, 11, 1],
        [PROBE_PASSED_ON, 11.5, 2],
        [PROBE, 11.8, 0.5],
        [PAGE, 12, 1],
        [PAGE, 25, 2],
        [WATCHER, 35, 9], // after the last mark: not counted
      ]),
      MARKS,
      8,
      CODE,
    );
    expect(windows).toMatchObject([
      { threadCpu: 7.5, samples: 7, scriptSamples: 4, scriptCpu: 3.5, longestRunCpu: 2 },
      { threadCpu: 8.5, samples: 5, scriptSamples: 3, scriptCpu: 5.5, longestRunCpu: 5 },
      { threadCpu: 2, samples: 1, scriptSamples: 0, scriptCpu: 0, longestRunCpu: 0 },
    ]);
  });

  it('tells what the longest run is made of: CPU by innermost script and function, builtins and native code counted for their caller', () => {
    const [load, start, steady] = geckoWindows(
      profile([
        [WATCHER, 2, 1], // a shorter run first
        [PAGE, 3, 1],
        [WATCHER, 4, 0.5],
        [API_GETTER, 5, 1],
        [SCHEMAS, 6, 4],
        [SCHEMAS_MAP, 7, 2],
        [SCHEMAS_NATIVE, 8, 3],
        [PAGE, 9, 1],
        [PROBE, 12, 1],
        [PROBE_PASSED_ON, 13, 1], // handed to the page: ends the run
        [PROBE, 14, 2],
      ]),
      MARKS,
      8,
      CODE,
    );
    expect(load).toMatchObject({
      longestRunCpu: 10.5,
      longestRunParts: {
        scripts: [
          { name: 'Schemas.sys.mjs', cpu: 9 },
          { name: 'ExtensionContent.sys.mjs', cpu: 1 },
          { name: 'call-watcher.js', cpu: 0.5 },
        ],
        functions: [
          { name: 'parseSchemas Schemas.sys.mjs', cpu: 9 },
          { name: 'get browser ExtensionContent.sys.mjs', cpu: 1 },
          { name: 'call-watcher.js', cpu: 0.5 },
        ],
      },
    });
    expect(start?.longestRunParts.functions).toEqual([{ name: 'main <anonymous code>', cpu: 2 }]);
    expect(steady?.longestRunParts).toEqual({ scripts: [], functions: [] });
  });

  it('counts one interval per sample when the profile has no CPU column', () => {
    const withoutCpu = profile([
      [WATCHER, 2, 0],
      [PAGE, 3, 0],
      [WATCHER, 21, 0],
    ]);
    for (const process of withoutCpu.processes ?? []) {
      for (const { samples } of process.threads) {
        samples.schema = { stack: 0, time: 1 };
      }
    }
    const [load, , steady] = geckoWindows(withoutCpu, MARKS, 8, CODE);
    expect(load).toMatchObject({ threadCpu: 2, scriptSamples: 1, scriptCpu: 1 });
    expect(steady).toMatchObject({ threadCpu: 1, scriptSamples: 1, scriptCpu: 1 });
  });

  it('says so when the page made no such marks, or the profile lost the page load', () => {
    expect(() => geckoWindows(profile([[PAGE, 1, 1]]), ['bench-other'], 8, CODE)).toThrow(/no main thread .* bench-other/);
    expect(() => geckoWindows(profile([[PAGE, 5, 1]]), MARKS, 8, CODE)).toThrow(/buffer overflowed/);
  });
});
