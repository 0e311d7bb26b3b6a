import { watchCalls, type SessionMessage } from '@/utils/session/call-watcher';
import { siteForUrl } from '@/utils/sites/registry';

type Runtime = (typeof import('wxt/browser'))['browser']['runtime'];
type ApiHolder = { runtime?: Runtime } | undefined;

/** The copy of this script running in this frame's isolated world, so a newer one can stop it. */
const RUNNING = Symbol.for('debrief.call-watcher');

// Isolated world, once the page has loaded (its own task, not the page's first): reads the media
// probe's events, those before it held by the probe, and tells the background when a session
// starts and ends. Declared in wxt.config.ts, not through WXT's content-script context, which
// dispatches a DOM event and reads the extension API at every page load: the main cost a call
// page would pay on a browser's first visit.
export default defineUnlistedScript(() => {
  const global = globalThis as typeof globalThis & { [RUNNING]?: () => void; browser?: ApiHolder; chrome?: ApiHolder };
  let runtime: Runtime | undefined;
  // Looked up when a session starts, not while the page loads. A page element named "browser"
  // also shows up as a global, hence the check for a real runtime.
  const api = (): Runtime => (runtime ??= (global.browser?.runtime?.id ? global.browser.runtime : global.chrome?.runtime) as Runtime);

  const stop = watchCalls(
    window,
    () => siteForUrl(new URL(location.href)),
    (message: SessionMessage) => {
      // A failed send must never disturb the call page: the worker may be restarting (a rejected
      // promise), or Debrief was updated or removed while the page stayed open (a thrown error).
      try {
        api().sendMessage(message).catch(() => undefined);
      } catch {
        stop();
      }
    },
    undefined,
    // The browser's own function, bound, so the page going away sends with no JavaScript call.
    () => api().sendMessage.bind(api()),
  );
  // Debrief's scripts were injected again into this open page (it was just chosen for watching, or
  // Debrief was updated): the newest copy watches alone.
  global[RUNNING]?.();
  global[RUNNING] = stop;
});
