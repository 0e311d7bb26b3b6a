import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchCalls, type SessionMessage, type WatcherClock } from '@/utils/session/call-watcher';
import { FOLLOW_UP_MS, POLL_MS } from '@/utils/session/hint-schedule';
import { GRACE_MS } from '@/utils/session/machine';
import type { ProbeEvent } from '@/utils/session/probe-events';
import type { SiteAdapter } from '@/utils/sites/types';

/** A clock whose time only moves when the test says so, running due timers in order. */
function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: WatcherClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(nextHandle, { at: now + ms, run });
      return nextHandle++;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.size, now: () => now };
}

const pages: HappyWindow[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.happyDOM.close()));
});

function setUp(options: { url?: string; site?: SiteAdapter | null; navigation?: boolean; prepareUnload?: () => () => void; nearCall?: () => void } = {}) {
  const page = new HappyWindow({ url: options.url ?? 'https://video.example.org/room/abc' });
  pages.push(page);
  const win = page as unknown as Window;
  // happy-dom has no Navigation API; Chromium's is an EventTarget on the window.
  const navigation = options.navigation ? new page.EventTarget() : undefined;
  if (navigation) Object.defineProperty(win, 'navigation', { value: navigation });
  const time = fakeClock();
  const sent: SessionMessage[] = [];
  const site = options.site === null ? undefined : (options.site ?? exampleSite());
  const stop = watchCalls(win, () => site, (message) => sent.push(message), time.clock, options.prepareUnload, options.nearCall);
  // What the probe does: postMessage from the page's own window.
  const probe = (event: ProbeEvent, source: unknown = win) =>
    win.dispatchEvent(new page.MessageEvent('message', { data: { source: 'debrief-probe', v: 1, event }, source: source as never }) as unknown as Event);
  const post = (data: unknown, source: unknown = win) =>
    win.dispatchEvent(new page.MessageEvent('message', { data, source: source as never }) as unknown as Event);
  return { page, win, time, sent, stop, probe, post, site, navigation: navigation as unknown as EventTarget | undefined };
}

function exampleSite(postCall: (url: URL) => boolean = (url) => url.pathname === '/left'): SiteAdapter & { postCallHint: ReturnType<typeof vi.fn> } {
  return {
    id: 'example',
    name: 'Example Video',
    kind: 'therapy',
    hosts: ['video.example.org'],
    isRoom: (url) => url.pathname.startsWith('/room/'),
    postCallHint: vi.fn((url: URL) => postCall(url)),
  };
}

const joinCall = (probe: (event: ProbeEvent) => void) => {
  probe({ type: 'gum-track', trackId: 'cam', kind: 'video' });
  probe({ type: 'pc-created', pcId: 'pc' });
  probe({ type: 'pc-state', pcId: 'pc', state: 'connected' });
};

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
    const otherFrame = new HappyWindow();
    pages.push(otherFrame);
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

  it('checks the post-call hint every POLL_MS while a session is in progress', () => {
    const { sent, probe, time, site, page } = setUp();
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' });
    time.advance(60_000);
    expect(site!.postCallHint).not.toHaveBeenCalled(); // lobby: no session, no checks
    probe({ type: 'pc-created', pcId: 'pc' });
    probe({ type: 'pc-state', pcId: 'pc', state: 'connected' });
    time.advance(10 * POLL_MS);
    expect(site!.postCallHint).toHaveBeenCalledTimes(10);
    page.history.pushState(null, '', '/left'); // the view changes with no event the watcher hears
    time.advance(POLL_MS);
    expect(sent[1]).toMatchObject({ type: 'session-ended', reason: 'site-signal' });
    time.advance(60_000);
    expect(site!.postCallHint).toHaveBeenCalledTimes(11);
    expect(time.pending()).toBe(0);
  });

  it('looks again moments after a click in the page, where leaving starts', () => {
    const { sent, probe, time, site, page, win } = setUp();
    joinCall(probe);
    time.advance(POLL_MS / 2);
    const calls = vi.mocked(site!.postCallHint!).mock.calls.length;
    win.dispatchEvent(new page.MouseEvent('click', { bubbles: true }) as unknown as Event);
    page.history.pushState(null, '', '/left'); // the site draws its post-call view after the click
    time.advance(FOLLOW_UP_MS[0]!);
    expect(site!.postCallHint).toHaveBeenCalledTimes(calls + 1);
    expect(sent[1]).toMatchObject({ type: 'session-ended', reason: 'site-signal', at: time.now() });
  });

  it('follows a click with a few checks, then only the poll; clicks do not pile checks up', () => {
    const { sent, probe, time, site, page, win } = setUp();
    joinCall(probe);
    const click = () => win.dispatchEvent(new page.MouseEvent('click', { bubbles: true }) as unknown as Event);
    const before = vi.mocked(site!.postCallHint!).mock.calls.length;
    for (let i = 0; i < 20; i++) click(); // a burst of clicks (typing in the chat, say)
    time.advance(FOLLOW_UP_MS.at(-1)!);
    expect(site!.postCallHint).toHaveBeenCalledTimes(before + FOLLOW_UP_MS.length);
    time.advance(POLL_MS);
    expect(site!.postCallHint).toHaveBeenCalledTimes(before + FOLLOW_UP_MS.length + 1);
    expect(sent.map((message) => message.type)).toEqual(['session-started']);
  });

  it('ignores clicks outside a session: no checks, no timers', () => {
    const { probe, time, site, page, win } = setUp();
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' }); // lobby
    win.dispatchEvent(new page.MouseEvent('click', { bubbles: true }) as unknown as Event);
    expect(time.pending()).toBe(0);
    time.advance(60_000);
    expect(site!.postCallHint).not.toHaveBeenCalled();
  });

  it('checks at once when the media changes mid-call (leaving stops the camera)', () => {
    const { sent, probe, time, page } = setUp();
    joinCall(probe);
    time.advance(60_000);
    page.history.pushState(null, '', '/left');
    // The camera stops with the connection still up: on its own, "camera off" is no end.
    probe({ type: 'track-stopped', trackId: 'cam' });
    expect(sent[1]).toMatchObject({ type: 'session-ended', reason: 'site-signal', at: time.now() });
  });

  it('without a hint, a click or a media change sets no timer beyond the grace period', () => {
    const { sent, probe, time, page, win } = setUp({ site: null, url: 'https://clinic.example.net/visit' });
    joinCall(probe);
    win.dispatchEvent(new page.MouseEvent('click', { bubbles: true }) as unknown as Event);
    probe({ type: 'track-stopped', trackId: 'cam' });
    expect(time.pending()).toBe(0);
    expect(sent.map((message) => message.type)).toEqual(['session-started']);
  });

  it('sees a post-call URL as soon as the page moves there', () => {
    const { sent, probe, time, page, win } = setUp();
    joinCall(probe);
    time.advance(1000);
    page.history.pushState(null, '', '/left');
    win.dispatchEvent(new page.PopStateEvent('popstate') as unknown as Event);
    expect(sent[1]).toMatchObject({ type: 'session-ended', reason: 'site-signal' });
  });

  it('sees a pushState to a post-call URL through the Navigation API', () => {
    const { sent, probe, time, page, navigation } = setUp({ navigation: true });
    joinCall(probe);
    time.advance(1000);
    page.history.pushState(null, '', '/left');
    navigation!.dispatchEvent(new page.Event('currententrychange') as unknown as Event);
    expect(sent[1]).toMatchObject({ type: 'session-ended', reason: 'site-signal', at: time.now() });
  });

  it('sets no timer in a call on a site whose hint reads only the address, where the Navigation API reports every change of it', () => {
    const site = { ...exampleSite(), postCallHintReads: 'url' as const };
    const { sent, probe, time, page, win, navigation } = setUp({ navigation: true, site });
    joinCall(probe);
    win.dispatchEvent(new page.MouseEvent('click', { bubbles: true }) as unknown as Event);
    probe({ type: 'track-stopped', trackId: 'cam' });
    expect(time.pending()).toBe(0);
    time.advance(10 * POLL_MS);
    expect(sent.map((message) => message.type)).toEqual(['session-started']);
    page.history.pushState(null, '', '/left');
    navigation!.dispatchEvent(new page.Event('currententrychange') as unknown as Event);
    expect(sent[1]).toMatchObject({ type: 'session-ended', reason: 'site-signal', at: time.now() });
  });

  it('keeps the poll for a hint that reads only the address in a browser without the Navigation API, where no event reports pushState', () => {
    const site = { ...exampleSite(), postCallHintReads: 'url' as const };
    const { sent, probe, time, page } = setUp({ site });
    joinCall(probe);
    page.history.pushState(null, '', '/left'); // popstate does not fire for pushState
    time.advance(POLL_MS);
    expect(sent[1]).toMatchObject({ type: 'session-ended', reason: 'site-signal' });
  });

  it('keeps detecting when the site adapter throws (the site changed)', () => {
    const broken = exampleSite(() => {
      throw new Error('selector gone');
    });
    const { sent, probe, time } = setUp({ site: broken });
    joinCall(probe);
    time.advance(5 * POLL_MS);
    probe({ type: 'pc-closed', pcId: 'pc' });
    expect(sent.map((message) => message.type)).toEqual(['session-started', 'session-ended']);
    expect(sent[1]).toMatchObject({ reason: 'call-ended' });
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
