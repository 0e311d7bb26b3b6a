/** A happy-dom page with the call watcher running in it on a fake clock, for the call watcher's tests. */
import { Window as HappyWindow } from 'happy-dom';
import { vi } from 'vitest';
import { watchCalls, type SessionMessage, type WatcherClock } from '@/utils/session/call-watcher';
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

/** Another page (a window that is not the watched one), closed with the rest. */
export function otherPage(): HappyWindow {
  const page = new HappyWindow();
  pages.push(page);
  return page;
}

/** Closes every page `setUp` and `otherPage` opened; call it after each test. */
export async function closeWatchedPages(): Promise<void> {
  await Promise.all(pages.splice(0).map((page) => page.happyDOM.close()));
}

export function setUp(options: { url?: string; site?: SiteAdapter | null; navigation?: boolean; prepareUnload?: () => () => void; nearCall?: () => void } = {}) {
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

export function exampleSite(postCall: (url: URL) => boolean = (url) => url.pathname === '/left'): SiteAdapter & { postCallHint: ReturnType<typeof vi.fn> } {
  return {
    id: 'example',
    name: 'Example Video',
    kind: 'therapy',
    hosts: ['video.example.org'],
    isRoom: (url) => url.pathname.startsWith('/room/'),
    postCallHint: vi.fn((url: URL) => postCall(url)),
  };
}

export const joinCall = (probe: (event: ProbeEvent) => void) => {
  probe({ type: 'gum-track', trackId: 'cam', kind: 'video' });
  probe({ type: 'pc-created', pcId: 'pc' });
  probe({ type: 'pc-state', pcId: 'pc', state: 'connected' });
};
