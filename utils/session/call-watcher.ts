import type { SiteAdapter } from '@/utils/sites/types';
import { initialCallState, reduceCall, type CallEffect, type CallInput, type EndReason } from './machine';
import { isProbeMessage } from './probe-events';

/**
 * How often the site adapter's post-call hint is polled while a session is in progress, for
 * views that keep their URL (Meet); post-call URLs are checked the moment the page moves there.
 * A 10-s poll cost the same per minute in traces (the wake-ups are not where the time goes) and
 * made Meet's post-call view take 9 s to notice, so the poll stays at 2 s.
 */
export const POLL_MS = 2000;

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
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

// An adapter that throws (its site changed) must not stop detection: the media probe still decides.
function hintSaysPostCall(site: SiteAdapter, win: Window): boolean {
  try {
    return site.postCallHint?.(new URL(win.location.href), win.document) === true;
  } catch {
    return false;
  }
}

function isRoom(site: SiteAdapter | undefined, win: Window): boolean {
  try {
    return site ? site.isRoom(new URL(win.location.href)) : true;
  } catch {
    return false;
  }
}

/**
 * Runs the call state machine on the media probe's events in `win` and reports each session's
 * start and end through `send`. Returns a function that stops watching.
 */
export function watchCalls(
  win: Window,
  site: SiteAdapter | undefined,
  send: (message: SessionMessage) => void,
  clock: WatcherClock = systemClock,
): () => void {
  const place: SessionPlace = { siteId: site?.id ?? null, host: win.location.hostname };
  let state = initialCallState();
  let wakeAt: number | null = null;
  let nextPollAt: number | null = null;
  let timer: unknown;

  const toMessage = (effect: CallEffect): SessionMessage =>
    effect.type === 'session-started' ? { ...effect, room: isRoom(site, win), ...place } : { ...effect, ...place };

  // One timer serves both the grace period and the hint polling: whichever is due first.
  const schedule = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    const due = Math.min(wakeAt ?? Infinity, nextPollAt ?? Infinity);
    if (due !== Infinity) timer = clock.setTimeout(onTimer, Math.max(0, due - clock.now()));
  };

  const feed = (input: CallInput) => {
    const now = clock.now();
    const step = reduceCall(state, input, now);
    state = step.state;
    wakeAt = step.wakeAt;
    // Poll only while a session is in progress, and only if the site has a hint at all.
    nextPollAt = state.session && site?.postCallHint ? (nextPollAt ?? now + POLL_MS) : null;
    schedule();
    for (const effect of step.effects) send(toMessage(effect));
  };

  function onTimer() {
    timer = undefined;
    const now = clock.now();
    if (site && nextPollAt !== null && now >= nextPollAt) {
      nextPollAt = now + POLL_MS;
      if (hintSaysPostCall(site, win)) return feed({ type: 'site-post-call' });
    }
    feed({ type: 'tick' });
  }

  const onMessage = (event: MessageEvent) => {
    // Only the probe in this same frame posts from this window; other frames and shapes are ignored.
    if (event.source !== win || !isProbeMessage(event.data)) return;
    feed(event.data.event);
  };
  const onPageHide = () => feed({ type: 'page-unload' });
  // A post-call URL (Zoom's /wc/leave) is seen as soon as the page moves there, not at the next poll.
  const onUrlChange = () => {
    if (state.session && site?.postCallHint && hintSaysPostCall(site, win)) feed({ type: 'site-post-call' });
  };
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;

  win.addEventListener('message', onMessage);
  win.addEventListener('pagehide', onPageHide);
  win.addEventListener('popstate', onUrlChange);
  win.addEventListener('hashchange', onUrlChange);
  navigation?.addEventListener('navigatesuccess', onUrlChange);
  return () => {
    win.removeEventListener('message', onMessage);
    win.removeEventListener('pagehide', onPageHide);
    win.removeEventListener('popstate', onUrlChange);
    win.removeEventListener('hashchange', onUrlChange);
    navigation?.removeEventListener('navigatesuccess', onUrlChange);
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
}
