import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchCalls } from '@/utils/session/call-watcher';
import { GRACE_MS } from '@/utils/session/machine';
import { closeWatchedPages, exampleSite, joinCall, otherPage, setUp } from '../../support/call-watcher-page';

afterEach(closeWatchedPages);

describe('call watcher', () => {
  it('tells the background when a call starts and when it is hung up', () => {
    const { sent, probe, time } = setUp();
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' });
    time.advance(30_000);
    expect(sent).toEqual([]); // lobby preview
    const startedAt = time.now();
    probe({ type: 'pc-created', pcId: 'pc' });
    probe({ type: 'pc-state', pcId: 'pc', state: 'connected' });
    time.advance(20 * 60_000);
    probe({ type: 'pc-closed', pcId: 'pc' });
    expect(sent).toEqual([
      { type: 'session-started', at: startedAt, room: true, siteId: 'example', host: 'video.example.org' },
      { type: 'session-ended', at: startedAt + 20 * 60_000, startedAt, reason: 'call-ended', siteId: 'example', host: 'video.example.org' },
    ]);
  });

  it('says when the adapter does not see a room page (a dashboard)', () => {
    const { sent, probe } = setUp({ url: 'https://video.example.org/dashboard' });
    joinCall(probe);
    expect(sent[0]).toMatchObject({ type: 'session-started', room: false });
  });

  it('works on a custom site without an adapter', () => {
    const { sent, probe, time } = setUp({ url: 'https://clinic.example.net/visit', site: null });
    joinCall(probe);
    time.advance(60_000);
    expect(time.pending()).toBe(0); // nothing to poll
    expect(sent).toEqual([{ type: 'session-started', at: expect.any(Number), room: true, siteId: null, host: 'clinic.example.net' }]);
  });

  it('ignores what does not come from the probe in this frame', () => {
    const { sent, probe, post } = setUp();
    const otherFrame = otherPage();
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' }, otherFrame);
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' }, null);
    post({ type: 'pc-state', pcId: 'pc', state: 'connected' }); // no envelope
    post('{"source":"debrief-probe","v":1}');
    probe({ type: 'pc-created', pcId: 'pc' });
    probe({ type: 'pc-state', pcId: 'pc', state: 'connected' });
    expect(sent).toEqual([]);
  });

  it('waits out a short drop and ends the call after the grace period of a long one', () => {
    const { sent, probe, time } = setUp();
    joinCall(probe);
    time.advance(10 * 60_000);
    probe({ type: 'pc-state', pcId: 'pc', state: 'disconnected' });
    time.advance(3000);
    probe({ type: 'pc-state', pcId: 'pc', state: 'connected' });
    time.advance(10 * 60_000);
    const droppedAt = time.now();
    probe({ type: 'pc-state', pcId: 'pc', state: 'disconnected' });
    time.advance(GRACE_MS - 1);
    expect(sent.map((message) => message.type)).toEqual(['session-started']);
    time.advance(1);
    expect(sent[1]).toMatchObject({ type: 'session-ended', at: droppedAt, reason: 'call-ended' });
  });


  it('ends the session when the page goes away mid-call, at that moment, once', () => {
    const { sent, probe, win, page, time } = setUp();
    joinCall(probe);
    time.advance(1000);
    for (const _twice of [1, 2]) win.dispatchEvent(new page.Event('pagehide') as unknown as Event);
    probe({ type: 'pc-closed', pcId: 'pc' });
    expect(sent.slice(1)).toEqual([expect.objectContaining({ type: 'session-ended', reason: 'navigated', at: time.clock.now() })]);
  });

  it('says a call may be near at each of the probe’s events, and asks for the sender of the end only once a session starts', () => {
    const nearCall = vi.fn();
    const prepareUnload = vi.fn(() => () => undefined);
    const { probe, post } = setUp({ nearCall, prepareUnload });
    post({ type: 'pc-state', pcId: 'pc', state: 'connected' }); // the page's own message
    expect(nearCall).not.toHaveBeenCalled();
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' }); // lobby preview
    expect([nearCall.mock.calls.length, prepareUnload.mock.calls.length]).toEqual([1, 0]);
    probe({ type: 'pc-created', pcId: 'pc' });
    probe({ type: 'pc-state', pcId: 'pc', state: 'connected' });
    expect([nearCall.mock.calls.length, prepareUnload.mock.calls.length]).toEqual([3, 1]);
  });

  it('listens only for the probe at load; clicks, page changes and leaving are heard during a session', () => {
    const { win, probe, navigation, time } = setUp({ navigation: true });
    // Spies that call through: the event types registered now, on the window and on the Navigation API.
    const listened = (target: EventTarget) => {
      const add = vi.spyOn(target, 'addEventListener');
      const remove = vi.spyOn(target, 'removeEventListener');
      const count = (type: string, calls: unknown[][]) => calls.filter((call) => call[0] === type).length;
      return () => [...new Set(add.mock.calls.map(([type]) => type))].filter((type) => count(type, add.mock.calls) > count(type, remove.mock.calls)).sort();
    };
    const onWindow = listened(win);
    const onNavigation = listened(navigation!);
    // A watcher starting on this page registers its message listener and nothing else.
    const second = watchCalls(win, () => exampleSite(), () => undefined, time.clock);
    expect([...onWindow(), ...onNavigation()]).toEqual(['message']);
    second();
    expect([...onWindow(), ...onNavigation()]).toEqual([]);
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' }); // lobby preview: still nothing
    expect([...onWindow(), ...onNavigation()]).toEqual([]);
    joinCall(probe);
    expect(onWindow()).toEqual(['click', 'pagehide']);
    expect(onNavigation()).toEqual(['currententrychange']);
    time.advance(1000);
    probe({ type: 'pc-closed', pcId: 'pc' });
    expect([...onWindow(), ...onNavigation()]).toEqual([]);
    vi.restoreAllMocks();
  });

  it('stops listening and clears its timers when stopped', () => {
    const { sent, probe, time, stop } = setUp();
    joinCall(probe);
    expect(time.pending()).toBe(1);
    stop();
    expect(time.pending()).toBe(0);
    probe({ type: 'pc-closed', pcId: 'pc' });
    expect(sent.map((message) => message.type)).toEqual(['session-started']);
  });
});
