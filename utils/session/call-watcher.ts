import type { SiteAdapter } from '@/utils/sites/types';
import { initialCallState, reduceCall, unloadEnd, type CallEffect, type CallInput, type EndReason, type PendingEnd } from './machine';
import { isProbeMessage, WATCHER_LISTENING } from './probe-events';
import { hintSaysPostCall, hintSchedule } from './hint-schedule';

/** Where the session happened, as seen by the frame the watcher runs in. */
interface SessionPlace {
  /** The site adapter's id, or null on a custom site the user added. */
  siteId: string | null;
  host: string;
}

/** What the call watcher tells the background. Times are epoch milliseconds. */
export type SessionMessage =
  /** `room`: the adapter recognises the URL as a room page (always true on custom sites). */
  | ({ type: 'session-started'; at: number; room: boolean } & SessionPlace)
  | ({ type: 'session-ended'; at: number; startedAt: number; reason: EndReason } & SessionPlace);

/** The clock and timer the watcher uses; tests pass a fake one. */
export interface WatcherClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: WatcherClock = {
  // Date.now itself, not a wrapper: the pagehide handler reads it without a JavaScript call.
  now: Date.now,
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The Navigation API, where the browser has it: it reports every change of the page's address, pushState included. */
const navigationOf = (win: Window): EventTarget | undefined => (win as Window & { navigation?: EventTarget }).navigation;

function isRoom(site: SiteAdapter | undefined, win: Window): boolean {
  try {
    return site ? site.isRoom(new URL(win.location.href)) : true;
  } catch {
    return false;
  }
}

/**
 * Runs the call state machine on the media probe's events in `win`, on the platform `siteOf`
 * names (asked at the probe's first event), and reports each session's start and end through
 * `send`; the end when the page goes away through the function
 * `prepareUnload` returns, which must be the browser's own (see `unloadEnd`). It is asked for once
 * a session is in progress, so a page that never holds a call never touches the extension API;
 * `nearCall` is told at each of the probe's events, so what `send` needs can be made ready before.
 * Returns a function that stops watching.
 */
export function watchCalls(
  win: Window,
  siteOf: () => SiteAdapter | undefined,
  send: (message: SessionMessage) => void,
  clock: WatcherClock = systemClock,
  prepareUnload: () => (message: SessionMessage) => unknown = () => send,
  nearCall: () => void = () => undefined,
): () => void {
  // Looked up at the probe's first message rather than while the page loads: most pages on a
  // platform's host never hold a call. Custom sites and adapters without a hint have nothing to
  // check: no timers beyond the grace period.
  let where: { site: SiteAdapter | undefined; place: SessionPlace; hinted: SiteAdapter | undefined; timed: boolean } | undefined;
  const located = () => {
    if (where) return where;
    const found = siteOf();
    const hinted = found?.postCallHint ? found : undefined;
    // A hint that reads only the address is checked at every change of it, where the Navigation API
    // reports them all: no poll and no follow-ups, which would only read the same address again.
    const timed = hinted !== undefined && !(hinted.postCallHintReads === 'url' && navigationOf(win));
    return (where = { site: found, place: { siteId: found?.id ?? null, host: win.location.hostname }, hinted, timed });
  };
  let state = initialCallState();
  let wakeAt: number | null = null;
  const hints = hintSchedule();
  let timer: unknown;
  let listening = false;
  /** The session's end if the page went away now, kept ready for `pagehide`. */
  let leaving: (PendingEnd & SessionPlace) | null = null;
  /** The page went away: a page in a call is never kept in the back-forward cache, so nothing follows. */
  let gone = false;
  let sendOnUnload: ((message: SessionMessage) => unknown) | undefined;

  const toMessage = (effect: CallEffect): SessionMessage =>
    effect.type === 'session-started' ? { ...effect, room: isRoom(located().site, win), ...located().place } : { ...effect, ...located().place };

  // One timer serves the grace period, the poll and the follow-ups: whichever is due first.
  const schedule = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    const due = Math.min(wakeAt ?? Infinity, hints.due());
    if (due !== Infinity) timer = clock.setTimeout(onTimer, Math.max(0, due - clock.now()));
  };

  const feed = (input: CallInput, now = clock.now()) => {
    if (gone) return;
    const step = reduceCall(state, input, now);
    state = step.state;
    const end = unloadEnd(state);
    leaving = end && { ...end, ...located().place };
    if (leaving) sendOnUnload ??= prepareUnload();
    wakeAt = step.wakeAt;
    if (state.session && located().timed) hints.poll(now);
    else hints.stop();
    schedule();
    listenDuringSession(state.session !== null);
    for (const effect of step.effects) send(toMessage(effect));
  };

  /** Ends the session in progress if the site shows that the call is over; true when it did. */
  const checkHint = (): boolean => {
    const { hinted } = located();
    if (!state.session || !hinted || !hintSaysPostCall(hinted, win)) return false;
    feed({ type: 'site-post-call' });
    return true;
  };

  const followUp = () => {
    if (!state.session || !located().timed) return;
    hints.followUp(clock.now());
    schedule();
  };

  function onTimer() {
    timer = undefined;
    const now = clock.now();
    if (hints.take(now) && checkHint()) return;
    // The state machine only needs waking when a grace period runs out.
    if (wakeAt !== null && now >= wakeAt) return feed({ type: 'tick' });
    schedule();
  }

  const onMessage = (event: MessageEvent) => {
    // Only the probe in this same frame posts from this window; other frames and shapes are ignored.
    if (event.source !== win || !isProbeMessage(event.data)) return;
    nearCall();
    const during = state.session !== null;
    // Held by the probe until now: it happened then (never later than now, whatever a page posts).
    const heldAt = event.data.at;
    feed(event.data.event, heldAt === undefined ? clock.now() : Math.min(heldAt, clock.now()));
    // Leaving stops the camera or closes a connection, sometimes just before the post-call view.
    if (during && !checkHint()) followUp();
  };
  // Nothing about the click is read: it only means the leave button may just have been pressed.
  const onClick = () => followUp();
  // No JavaScript function call before the send (Firefox may stop the script at the first one):
  // the end is ready, the clock and the send are the browser's own functions.
  const onPageHide = () => {
    const message = leaving;
    if (!message || gone || !sendOnUnload) return;
    gone = true;
    message.at ??= clock.now();
    try {
      sendOnUnload(message as SessionMessage);
    } catch {
      // Debrief was updated or removed while the page stayed open: nothing to tell.
    }
  };
  // A post-call URL (Zoom's /wc/leave) is seen as soon as the page moves there, not at the next poll.
  const onUrlChange = () => {
    if (!checkHint()) followUp();
  };
  const passive = { capture: true, passive: true };

  // Only the probe's messages are listened for at load: the call page pays for the other listeners
  // only while a session is in progress, which is when they can matter.
  function listenDuringSession(on: boolean): void {
    if (on === listening) return;
    listening = on;
    const toggle = (target: EventTarget, type: string, listener: () => void, options?: AddEventListenerOptions) =>
      on ? target.addEventListener(type, listener, options) : target.removeEventListener(type, listener, options);
    toggle(win, 'pagehide', onPageHide);
    if (!located().hinted) return;
    if (located().timed) toggle(win, 'click', onClick, passive);
    const navigation = navigationOf(win);
    // The Navigation API's event also fires for pushState and replaceState, which popstate does not.
    if (navigation) toggle(navigation, 'currententrychange', onUrlChange);
    else {
      toggle(win, 'popstate', onUrlChange);
      toggle(win, 'hashchange', onUrlChange);
    }
  }

  win.addEventListener('message', onMessage);
  // The probe holds what it saw until the watcher listens (the watcher runs once the page has loaded).
  win.dispatchEvent(new (win as Window & typeof globalThis).Event(WATCHER_LISTENING));
  return () => {
    win.removeEventListener('message', onMessage);
    listenDuringSession(false);
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
}
