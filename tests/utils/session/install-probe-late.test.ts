/**
 * The media probe arriving in a page already in a call (the person chose to watch the site from
 * the toolbar): connections made before it are taken in when the page next uses them.
 */
import { describe, expect, it } from 'vitest';
import { initialCallState, reduceCall, type CallState } from '@/utils/session/machine';
import type { ProbeEvent } from '@/utils/session/probe-events';
import { fakeWindow, install } from '../../support/probe-window';

/** A call set up by the page before the probe loaded: my camera sent on a connection that is up. */
async function callBeforeProbe(win: ReturnType<typeof fakeWindow>['win']) {
  const stream = await win.navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  const pc = new win.RTCPeerConnection();
  for (const track of stream.getTracks()) pc.addTrack(track);
  win.RTCPeerConnection.move(pc, 'connected');
  return { pc, stream };
}

/** What the call state machine makes of the probe's events. */
function run(events: ProbeEvent[]): { state: CallState; started: boolean; ended: boolean } {
  let state = initialCallState();
  let started = false;
  let ended = false;
  events.forEach((event, i) => {
    const step = reduceCall(state, event, 1000 + i);
    state = step.state;
    started ||= step.effects.some((effect) => effect.type === 'session-started');
    ended ||= step.effects.some((effect) => effect.type === 'session-ended');
  });
  return { state, started, ended };
}

describe('media probe injected into a page already in a call', () => {
  it('takes in the connection and the tracks it sends when the page reads its statistics, and sees the hang-up', async () => {
    const { win } = fakeWindow();
    const { pc, stream } = await callBeforeProbe(win);
    const { events } = install(win, true);
    expect(events()).toEqual([]); // nothing can be known before the page touches its call

    await pc.getStats();
    await pc.getStats(); // taken in once
    expect(events()).toEqual([
      { type: 'pc-created', pcId: expect.any(String) },
      { type: 'gum-track', trackId: expect.any(String), kind: 'video' },
      { type: 'gum-track', trackId: expect.any(String), kind: 'audio' },
      { type: 'pc-state', pcId: expect.any(String), state: 'connected' },
    ]);
    expect(run(events())).toMatchObject({ started: true, ended: false });

    pc.close();
    for (const track of stream.getTracks()) track.stop();
    expect(events().slice(4).map((event) => event.type)).toEqual(['pc-closed', 'track-stopped', 'track-stopped']);
    expect(run(events())).toMatchObject({ started: true, ended: true });
  });

  it('also follows the connection’s later states (a drop, then the end)', async () => {
    const { win } = fakeWindow();
    const { pc } = await callBeforeProbe(win);
    const { events } = install(win, true);
    pc.getSenders();
    win.RTCPeerConnection.move(pc, 'failed');
    expect(events().at(-1)).toEqual({ type: 'pc-state', pcId: expect.any(String), state: 'failed' });
  });

  it('a camera preview alone, or a connection carrying no camera or microphone, is no session', async () => {
    const { win } = fakeWindow();
    await win.navigator.mediaDevices.getUserMedia({ video: true }); // the preview, never sent
    const pc = new win.RTCPeerConnection();
    win.RTCPeerConnection.move(pc, 'connected');
    const { events } = install(win, true);
    await pc.getStats();
    expect(events().map((event) => event.type)).toEqual(['pc-created', 'pc-state']);
    expect(run(events()).started).toBe(false);
  });

  it('leaves closed connections alone, and takes in nothing when loaded with the page (every connection is seen made)', async () => {
    const late = fakeWindow();
    const closed = new late.win.RTCPeerConnection();
    closed.close();
    const lateProbe = install(late.win, true);
    await closed.getStats();
    expect(lateProbe.events()).toEqual([]);

    const early = fakeWindow();
    const before = await callBeforeProbe(early.win);
    const earlyProbe = install(early.win);
    await before.pc.getStats();
    expect(earlyProbe.events()).toEqual([]);
  });
});
