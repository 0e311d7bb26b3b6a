/**
 * "Ask me after calls on this site" when the popup is gone before the browser's answer (Firefox
 * closes it as its prompt opens): the background finishes the offer on the grant, and says so.
 * Chromium's path, with the popup still open, is proven in tests/e2e/watch-site.e2e.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { resetSharedDb } from '@/utils/db/open';
import { askToWatch } from '@/utils/sites/watch-site';
import { customSites, pendingWatch } from '@/utils/storage';

const HOST = 'video.example-clinic.org';
const TAB = 42;

type Grant = (permissions: Browser.permissions.Permissions) => void;

describe('the toolbar’s offer finished by the background', () => {
  let grant: Grant;
  let executeScript: ReturnType<typeof vi.fn>;
  let registered: Browser.scripting.RegisteredContentScript[];
  let tabUrl: string;
  /** Debrief's own open views; a popup among them shows the result itself. */
  let contexts: { contextType: string }[];

  beforeEach(async () => {
    contexts = [];
    Object.assign(fakeBrowser.runtime, { getContexts: vi.fn(() => Promise.resolve(contexts)) });
    resetSharedDb();
    registered = [];
    tabUrl = `https://${HOST}/session/4821`;
    executeScript = vi.fn(() => Promise.resolve([]));
    const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
    Object.assign(scripting, {
      executeScript,
      getRegisteredContentScripts: vi.fn(() => Promise.resolve(registered)),
      unregisterContentScripts: vi.fn(() => Promise.resolve((registered = []))),
      registerContentScripts: vi.fn((scripts: Browser.scripting.RegisteredContentScript[]) => Promise.resolve(void (registered = scripts))),
    });
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((id) => Promise.resolve({ id, url: tabUrl } as Browser.tabs.Tab));
    // Firefox: the popup closes and the prompt's answer never reaches it.
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => new Promise(() => undefined));
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((listener) => void (grant = listener as Grant));
    await background.main();
  });

  afterEach(() => {
    resetSharedDb();
    vi.restoreAllMocks();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('watches the site, runs the watcher and then the probe in the open tab, and tells the person', async () => {
    void askToWatch(HOST, TAB);
    await settle();
    expect(await pendingWatch.getValue()).toEqual({ host: HOST, tabId: TAB });

    grant({ origins: [`https://${HOST}/*`] });
    await settle();
    expect(await customSites.getValue()).toEqual([HOST]);
    // For its next visits: the probe before the page's scripts, the watcher once the page has loaded.
    expect(registered.map((script) => [script.js?.[0], script.runAt, script.world ?? 'ISOLATED', script.matches])).toEqual([
      ['content-scripts/media-probe.js', 'document_start', 'MAIN', [`https://${HOST}/*`]],
      ['call-watcher.js', 'document_idle', 'ISOLATED', [`https://${HOST}/*`]],
    ]);
    expect(executeScript.mock.calls.map(([injection]) => [injection.files[0], injection.world ?? 'ISOLATED'])).toEqual([
      ['/call-watcher.js', 'ISOLATED'],
      ['/content-scripts/media-probe.js', 'MAIN'],
    ]);
    expect(executeScript.mock.calls[0]?.[0].target).toEqual({ tabId: TAB, allFrames: true });
    const notices = await fakeBrowser.notifications.getAll();
    expect(Object.keys(notices)).toEqual([`watching:${HOST}`]);
    expect(await pendingWatch.getValue()).toBeNull();

    // The same grant reported twice (the popup's message too) does it once.
    grant({ origins: [`https://${HOST}/*`] });
    await settle();
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('with the popup still open (Chromium keeps it), the popup shows it: no notification', async () => {
    contexts = [{ contextType: 'POPUP' }];
    void askToWatch(HOST, TAB);
    await settle();
    grant({ origins: [`https://${HOST}/*`] });
    await settle();
    expect(await customSites.getValue()).toEqual([HOST]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('a grant for another site, or one nobody asked for from the toolbar (Settings), adds nothing here', async () => {
    void askToWatch(HOST, TAB);
    await settle();
    grant({ origins: ['https://other.example.org/*', 'https://*/*'] });
    await settle();
    expect(await customSites.getValue()).toEqual([]);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('a tab that has moved to another site gets no scripts; the site is watched from its next visit', async () => {
    void askToWatch(HOST, TAB);
    await settle();
    tabUrl = 'https://elsewhere.example.org/';
    grant({ origins: [`https://${HOST}/*`] });
    await settle();
    expect(await customSites.getValue()).toEqual([HOST]);
    expect(registered).toHaveLength(2);
    expect(executeScript).not.toHaveBeenCalled();
  });
});
