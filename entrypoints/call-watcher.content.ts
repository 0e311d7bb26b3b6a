import { browser } from 'wxt/browser';
import { watchCalls } from '@/utils/session/call-watcher';
import { siteForUrl, siteMatchPatterns } from '@/utils/sites/registry';

// Isolated world: reads the media probe's events and tells the background when a session starts and ends.
export default defineContentScript({
  matches: siteMatchPatterns(),
  runAt: 'document_start',
  allFrames: true,
  // WXT tells an older copy of this script to stop with a DOM event; its extra window.postMessage
  // would only wake the call site's own message listeners at every page load.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const site = siteForUrl(new URL(location.href));
    const stop = watchCalls(
      window,
      site,
      (message) => {
        // A failed send must never disturb the call page: the worker may be restarting (a rejected
        // promise), or Debrief was updated or removed while the page stayed open (a thrown error).
        try {
          browser.runtime.sendMessage(message).catch(() => undefined);
        } catch {
          stop();
        }
      },
      undefined,
      // The browser's own function, bound, so the page going away sends with no JavaScript call.
      browser.runtime.sendMessage.bind(browser.runtime),
    );
    ctx.onInvalidated(stop);
  },
});
