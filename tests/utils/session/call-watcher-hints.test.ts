/** When the call watcher looks for the site's post-call view: the poll, the follow-ups of a click or a media change, the address. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FOLLOW_UP_MS, POLL_MS } from '@/utils/session/hint-schedule';
import { closeWatchedPages, exampleSite, joinCall, setUp } from '../../support/call-watcher-page';

afterEach(closeWatchedPages);

describe('call watcher: the post-call hint', () => {
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
});
