import { watchCalls, type SessionMessage } from '@/utils/session/call-watcher';
import { idleSteps } from '@/utils/session/idle-steps';
import { siteForUrl } from '@/utils/sites/registry';

type Runtime = (typeof import('wxt/browser'))['browser']['runtime'];
type ApiHolder = { runtime?: Runtime } | undefined;

/** The copy of this script running in this frame's isolated world, so a newer one can stop it. */
const RUNNING = Symbol.for('debrief.call-watcher');
/** How long each step of getting the extension API ready may wait for the page to be idle, ms. */
const IDLE_TIMEOUT_MS = 250;

// Isolated world, once the page has loaded (its own task, not the page's first): reads the media
// probe's events, those before it held by the probe, and tells the background when a session
// starts and ends. Declared in wxt.config.ts, not through WXT's content-script context, which
// dispatches a DOM event and reads the extension API at every page load: the main cost a call
// page would pay on a browser's first visit.
export default defineUnlistedScript(() => {
  const global = globalThis as typeof globalThis & { [RUNNING]?: () => void; browser?: ApiHolder; chrome?: ApiHolder };
  // Firefox builds the extension API from its schemas the first time a content script touches it
  // (about 20 ms): the namespace, then `runtime`, then its `id` each cost a part. Not while the page
  // loads: at the probe's first event (a camera turned on, a connection made), a step per idle
  // callback, so the call's start only sends. A page element named "browser" also shows up as a
  // global, hence the check for a real runtime.
  let holder: ApiHolder;
  let runtime: Runtime | undefined;
  let send: Runtime['sendMessage'] | undefined;
  const ready = idleSteps(
    [
      () => (holder = global.browser),
      () => (runtime = holder?.runtime),
      () => {
        if (!runtime?.id) runtime = global.chrome?.runtime;
        // The browser's own function, bound, so the page going away sends with no JavaScript call.
        send = runtime?.sendMessage.bind(runtime);
      },
    ],
    IDLE_TIMEOUT_MS,
  );
  const sender = (): Runtime['sendMessage'] => {
    ready.finish();
    return send as Runtime['sendMessage'];
  };

  const stop = watchCalls(
    window,
    () => siteForUrl(new URL(location.href)),
    (message: SessionMessage) => {
      // A failed send must never disturb the call page: the worker may be restarting (a rejected
      // promise), or Debrief was updated or removed while the page stayed open (a thrown error).
      try {
        sender()(message).catch(() => undefined);
      } catch {
        stop();
      }
    },
    undefined,
    sender,
    // Chromium's API is ready-made: nothing to spread out, and no idle callback asked of the page.
    () => import.meta.env.FIREFOX && ready.start(),
  );
  // Debrief's scripts were injected again into this open page (it was just chosen for watching, or
  // Debrief was updated): the newest copy watches alone.
  global[RUNNING]?.();
  global[RUNNING] = stop;
});
