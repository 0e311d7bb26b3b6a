/**
 * "Ask me after calls on this site" from the toolbar: the popup asks for the open tab's site, and
 * the background finishes once the browser grants it (registers the content scripts there and
 * injects them into the open tab at once, so a call already under way is caught without a reload).
 */
import { browser } from 'wxt/browser';
import { pendingWatch } from '../storage';
import { customMatchPattern } from './custom';
import { PROBE_FILE, WATCHER_FILE } from '../session/content-scripts';
import { watchHost } from './custom-scripts';

/**
 * Asks the browser for `host` (call it synchronously in the click: browsers only prompt for a
 * person's gesture). The offer is noted first, so the background can finish it if the popup closes.
 * Resolves whether the person allowed it.
 */
export function askToWatch(host: string, tabId: number): Promise<boolean> {
  const noted = pendingWatch.setValue({ host, tabId });
  const asked = browser.permissions.request({ origins: [customMatchPattern(host)] });
  return Promise.all([noted, asked]).then(([, granted]) => granted);
}

/**
 * Finishes the toolbar's offer for `host` once its permission is granted. Resolves false when no
 * offer for `host` was waiting (already finished, or the permission came from somewhere else).
 */
export async function finishWatching(host: string): Promise<boolean> {
  const pending = await pendingWatch.getValue();
  if (pending?.host !== host) return false;
  await pendingWatch.removeValue();
  await watchHost(host);
  await injectIntoTab(pending.tabId, host);
  return true;
}

/**
 * Runs the call watcher, then the media probe, in every frame of the tab still open on `host`. The
 * watcher goes first so that it hears the probe from its first message. A tab that moved elsewhere
 * gets nothing: the registered scripts take over from its next page on `host`.
 */
async function injectIntoTab(tabId: number, host: string): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab?.url || new URL(tab.url).hostname !== host) return;
  const target = { tabId, allFrames: true };
  await browser.scripting.executeScript({ target, files: [`/${WATCHER_FILE}`] });
  await browser.scripting.executeScript({ target, files: [`/${PROBE_FILE}`], world: 'MAIN' });
}
