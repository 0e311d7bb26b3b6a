import { installProbe } from '@/utils/session/install-probe';
import { siteMatchPatterns } from '@/utils/sites/registry';

// Runs in the page's own JavaScript world (MAIN) before any page script, in every frame, so it
// sees the page's calls. It only posts events to the isolated call watcher; no `wxt/browser` here.
export default defineContentScript({
  // `matches` is read when WXT loads this file in Node (SSR) to write the manifest. In the page
  // bundle it is folded to [] so the site registry stays out of the ≤ 4 KB probe.
  matches: import.meta.env.SSR ? siteMatchPatterns() : [],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  main() {
    // Still loading: registered at document_start, before the page's scripts. Otherwise Debrief was
    // just told to watch this open page, which may already be in a call.
    installProbe({ late: document.readyState !== 'loading' });
  },
});
