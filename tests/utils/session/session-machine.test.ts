import { describe, expect, it } from 'vitest';
import { GRACE_MS, initialCallState, reduceCall, unloadEnd, type CallEffect, type CallInput, type CallState } from '@/utils/session/machine';

const s = 1000;
const min = 60 * s;

const camera = (trackId = 'cam'): CallInput => ({ type: 'gum-track', trackId, kind: 'video' });
const mic = (trackId = 'mic'): CallInput => ({ type: 'gum-track', trackId, kind: 'audio' });
const stopped = (trackId: string): CallInput => ({ type: 'track-stopped', trackId });
const ended = (trackId: string): CallInput => ({ type: 'track-ended', trackId });
const created = (pcId = 'pc'): CallInput => ({ type: 'pc-created', pcId });
const pcState = (state: RTCPeerConnectionState, pcId = 'pc'): CallInput => ({ type: 'pc-state', pcId, state });
const closed = (pcId = 'pc'): CallInput => ({ type: 'pc-closed', pcId });
const hint: CallInput = { type: 'site-post-call' };

const started = (at: number): CallEffect => ({ type: 'session-started', at });
const endedAt = (at: number, startedAt: number, reason: 'call-ended' | 'site-signal' | 'navigated' = 'call-ended'): CallEffect => ({
  type: 'session-ended',
  at,
  startedAt,
  reason,
});

type Step = [now: number, input: CallInput];

/**
 * Feeds the steps like the call watcher does: a `tick` whenever a requested wake-up time
 * passes, and pending wake-ups at the end. Returns each effect with the time it was emitted.
 * With `persist`, the state goes through JSON between steps, as it does when stored.
 */
function run(steps: Step[], persist = false): Array<[emittedAt: number, effect: CallEffect]> {
  let state: CallState = initialCallState();
  let wakeAt: number | null = null;
  const emitted: Array<[number, CallEffect]> = [];
  const feed = (now: number, input: CallInput) => {
    const step = reduceCall(state, input, now);
    state = persist ? (JSON.parse(JSON.stringify(step.state)) as CallState) : step.state;
    wakeAt = step.wakeAt;
    for (const effect of step.effects) emitted.push([now, effect]);
  };
  for (const [now, input] of steps) {
    while (wakeAt !== null && wakeAt <= now) feed(wakeAt, { type: 'tick' });
    feed(now, input);
  }
  for (let guard = 0; wakeAt !== null && guard < 10; guard++) feed(wakeAt, { type: 'tick' });
  return emitted;
}

// A typical join: preview in the lobby, then the connection comes up.
const join: Step[] = [
  [0, camera()],
  [0, mic()],
  [30 * s, created()],
  [31 * s, pcState('connecting')],
  [32 * s, pcState('connected')],
];

const cases: Array<{ name: string; steps: Step[]; expected: Array<[number, CallEffect]> }> = [
  {
    name: 'lobby self-preview only, then the camera and microphone stop',
    steps: [[0, camera()], [0, mic()], [2 * min, stopped('cam')], [2 * min, stopped('mic')]],
    expected: [],
  },
  {
    name: 'lobby preview with a connection that never connects',
    steps: [[0, camera()], [1 * s, created()], [2 * s, pcState('connecting')], [40 * s, pcState('failed')], [41 * s, closed()]],
    expected: [],
  },
  {
    name: 'connected with the camera on, then hung up (close)',
    steps: [...join, [50 * min, closed()]],
    expected: [
      [32 * s, started(32 * s)],
      [50 * min, endedAt(50 * min, 32 * s)],
    ],
  },
  {
    name: 'microphone only (camera never on) still counts',
    steps: [[0, mic()], [1 * s, created()], [2 * s, pcState('connected')], [20 * min, closed()]],
    expected: [
      [2 * s, started(2 * s)],
      [20 * min, endedAt(20 * min, 2 * s)],
    ],
  },
  {
    name: 'camera switched off and on again mid-call is not an end',
    steps: [...join, [10 * min, stopped('cam')], [12 * min, camera('cam2')], [13 * min, ended('cam2')], [30 * min, closed()]],
    expected: [
      [32 * s, started(32 * s)],
      [30 * min, endedAt(30 * min, 32 * s)],
    ],
  },
  {
    name: 'camera and microphone both off while connected is not an end',
    steps: [...join, [10 * min, stopped('cam')], [10 * min, stopped('mic')], [30 * min, pcState('closed')]],
    expected: [
      [32 * s, started(32 * s)],
      [30 * min, endedAt(30 * min, 32 * s)],
    ],
  },
  {
    name: '3 s disconnected, then connected again, is not an end',
    steps: [...join, [10 * min, pcState('disconnected')], [10 * min + 3 * s, pcState('connected')], [40 * min, closed()]],
    expected: [
      [32 * s, started(32 * s)],
      [40 * min, endedAt(40 * min, 32 * s)],
    ],
  },
  {
    name: 'disconnected past the grace period ends the call when it dropped',
    steps: [...join, [40 * min, pcState('disconnected')]],
    expected: [
      [32 * s, started(32 * s)],
      [40 * min + GRACE_MS, endedAt(40 * min, 32 * s)],
    ],
  },
  {
    name: 'failed ends after the grace period',
    steps: [...join, [40 * min, pcState('disconnected')], [40 * min + 2 * s, pcState('failed')]],
    expected: [
      [32 * s, started(32 * s)],
      [40 * min + GRACE_MS, endedAt(40 * min, 32 * s)],
    ],
  },
  {
    name: 'failed, then recovered by an ICE restart within the grace period',
    steps: [...join, [10 * min, pcState('failed')], [10 * min + 1 * s, pcState('connecting')], [10 * min + 2 * s, pcState('connected')], [30 * min, closed()]],
    expected: [
      [32 * s, started(32 * s)],
      [30 * min, endedAt(30 * min, 32 * s)],
    ],
  },
  {
    name: 'two connections, one closes: the call goes on until the other closes',
    steps: [...join, [40 * s, created('b')], [41 * s, pcState('connected', 'b')], [10 * min, closed()], [25 * min, closed('b')]],
    expected: [
      [32 * s, started(32 * s)],
      [25 * min, endedAt(25 * min, 32 * s)],
    ],
  },
  {
    name: 'the site moves the call to a new connection: no end',
    steps: [...join, [10 * min, created('b')], [10 * min, closed()], [10 * min + 2 * s, pcState('connected', 'b')], [30 * min, closed('b')]],
    expected: [
      [32 * s, started(32 * s)],
      [30 * min, endedAt(30 * min, 32 * s)],
    ],
  },
  {
    name: 'the site shows its post-call view while the connection is still up',
    steps: [...join, [45 * min, hint], [46 * min, { type: 'tick' }], [47 * min, camera('cam3')]],
    expected: [
      [32 * s, started(32 * s)],
      [45 * min, endedAt(45 * min, 32 * s, 'site-signal')],
    ],
  },
  {
    name: 'a post-call hint with no session in progress does nothing',
    steps: [[0, camera()], [1 * s, hint]],
    expected: [],
  },
  {
    name: 'connected without local media is not a session',
    steps: [[0, created()], [1 * s, pcState('connected')], [10 * min, closed()]],
    expected: [],
  },
  {
    name: 'local media going live while a connection is up starts the session then',
    steps: [[0, created()], [1 * s, pcState('connected')], [5 * s, camera()], [10 * min, closed()]],
    expected: [
      [5 * s, started(5 * s)],
      [10 * min, endedAt(10 * min, 5 * s)],
    ],
  },
  {
    name: 'camera unplugged in the lobby, then the connection comes up: no session',
    steps: [[0, camera()], [10 * s, ended('cam')], [20 * s, created()], [21 * s, pcState('connected')]],
    expected: [],
  },
  {
    name: 'a second call in the same tab is a second session',
    steps: [...join, [20 * min, closed()], [25 * min, created('b')], [26 * min, pcState('connected', 'b')], [40 * min, closed('b')]],
    expected: [
      [32 * s, started(32 * s)],
      [20 * min, endedAt(20 * min, 32 * s)],
      [26 * min, started(26 * min)],
      [40 * min, endedAt(40 * min, 26 * min)],
    ],
  },
  {
    name: 'a drop past the grace period, then a reconnect, is a new session',
    steps: [...join, [20 * min, pcState('disconnected')], [21 * min, pcState('connected')], [30 * min, closed()]],
    expected: [
      [32 * s, started(32 * s)],
      [20 * min + GRACE_MS, endedAt(20 * min, 32 * s)],
      [21 * min, started(21 * min)],
      [30 * min, endedAt(30 * min, 21 * min)],
    ],
  },
];

describe('call state machine', () => {
  it.each(cases)('$name', ({ steps, expected }) => {
    expect(run(steps)).toEqual(expected);
  });

  it.each(cases)('$name (state persisted as JSON between steps)', ({ steps, expected }) => {
    expect(run(steps, true)).toEqual(expected);
  });

  it('asks for a wake-up exactly when the grace period of a drop runs out', () => {
    let state = initialCallState();
    for (const [now, input] of join) state = reduceCall(state, input, now).state;
    const drop = reduceCall(state, pcState('disconnected'), 10 * min);
    expect(drop.effects).toEqual([]);
    expect(drop.wakeAt).toBe(10 * min + GRACE_MS);
    const early = reduceCall(drop.state, { type: 'tick' }, 10 * min + GRACE_MS - 1);
    expect(early.effects).toEqual([]);
    const back = reduceCall(early.state, pcState('connected'), 10 * min + 4 * s);
    expect(back.wakeAt).toBeNull();
  });

  it('a reconnect that arrives after the grace period ran out still ends the first session (late timer)', () => {
    let state = initialCallState();
    for (const [now, input] of [...join, [10 * min, pcState('disconnected')] as Step]) state = reduceCall(state, input, now).state;
    const late = reduceCall(state, pcState('connected'), 10 * min + GRACE_MS + 1);
    expect(late.effects).toEqual([endedAt(10 * min, 32 * s), started(10 * min + GRACE_MS + 1)]);
  });

  it('never changes the state it was given', () => {
    let state = initialCallState();
    for (const [now, input] of join) state = reduceCall(state, input, now).state;
    const before = JSON.stringify(state);
    reduceCall(state, closed(), 10 * min);
    reduceCall(state, hint, 10 * min);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('keeps the grace period within five seconds', () => {
    expect(GRACE_MS).toBeGreaterThan(3 * s);
    expect(GRACE_MS).toBeLessThanOrEqual(5 * s);
  });
});

describe('the end kept ready for the page going away', () => {
  const run = (steps: Step[]) => steps.reduce((state, [now, input]) => reduceCall(state, input, now).state, initialCallState());

  it('is nothing when no session is in progress (a lobby preview)', () => {
    expect(unloadEnd(run([[0, camera()], [0, mic()]]))).toBeNull();
  });

  it('ends a session in progress as navigated, at the moment the page goes', () => {
    expect(unloadEnd(run(join))).toEqual({ type: 'session-ended', at: null, startedAt: 32 * s, reason: 'navigated' });
  });

  it('ends it when the connection dropped, if it is down when the page goes', () => {
    expect(unloadEnd(run([...join, [10 * min, pcState('disconnected')]]))).toEqual({ type: 'session-ended', at: 10 * min, startedAt: 32 * s, reason: 'navigated' });
  });
});

