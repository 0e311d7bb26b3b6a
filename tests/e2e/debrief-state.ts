/**
 * What Debrief did, read from outside: the check-in windows it opens, the sessions it stored, its
 * settings and toolbar badge, and its service worker stopped on demand.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { wait } from './call-fixture';
import { openExtensionPage, type Debrief } from './harness';
import { readRecord, readStore, type DbPage } from './page-db';

/** The slice of the extension API used inside extension pages (wxt/browser cannot be passed into evaluate). */
interface ExtensionApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: object): Promise<string> };
}

/** The session record Debrief keeps in IndexedDB (the fields these tests look at). */
export interface StoredSession {
  id: string;
  platform: string;
  host: string;
  startedMs: number;
  endedMs: number | null;
  endReason: string | null;
  status: string;
  lastSeenMs: number;
}

/** A check-in window Debrief opened, with when the test saw it open. */
export interface CheckInWindow {
  page: Page;
  sessionId: string;
  seenAt: number;
}

const CHECK_IN = /\/check-in\.html\?session=([^&#]+)/;

/** Every check-in window opened in a browser, in order, from when it is called (pages already open included). */
export class CheckInWindows {
  readonly opened: CheckInWindow[] = [];
  private waiters: (() => void)[] = [];

  constructor(context: BrowserContext) {
    for (const page of context.pages()) this.consider(page);
    context.on('page', (page) => {
      this.consider(page);
      // A window may be created blank and navigated after the event.
      page.once('domcontentloaded', () => this.consider(page));
    });
  }

  private consider(page: Page): void {
    const match = CHECK_IN.exec(page.url());
    if (!match?.[1] || this.opened.some((window) => window.page === page)) return;
    this.opened.push({ page, sessionId: decodeURIComponent(match[1]), seenAt: Date.now() });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** How many have opened so far; pass it to `after` or `next`. */
  mark(): number {
    return this.opened.length;
  }

  /** The windows opened after `mark`. */
  after(mark: number): CheckInWindow[] {
    return this.opened.slice(mark);
  }

  /** The first window opened after `mark`, waiting up to `timeoutMs` for it. */
  async next(mark: number, timeoutMs = 15_000): Promise<CheckInWindow> {
    const deadline = Date.now() + timeoutMs;
    while (this.opened.length <= mark) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no check-in window opened within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.opened[mark] as CheckInWindow;
  }

  /** Closes every check-in window still open, so the next case starts clean. */
  async closeAll(): Promise<void> {
    await Promise.all(this.opened.map(({ page }) => page.close().catch(() => undefined)));
  }
}

/** One session Debrief stored, or null. */
export async function readSession(extensionPage: DbPage, sessionId: string): Promise<StoredSession | null> {
  return (await readRecord<StoredSession>(extensionPage, 'sessions', sessionId)) ?? null;
}

/** Every session Debrief has stored. */
export function readSessions(extensionPage: DbPage): Promise<StoredSession[]> {
  return readStore<StoredSession>(extensionPage, 'sessions');
}

/**
 * Sets "Minimum session length" as the options page would (key `minSessionMinutes` in
 * storage.local, where @wxt-dev/storage keeps `local:minSessionMinutes`), through an extension page
 * so it works whether or not the service worker is running.
 */
export async function setMinSessionMinutes(debrief: Debrief, minutes: number): Promise<void> {
  const page = await openExtensionPage(debrief, 'popup.html');
  try {
    const stored = await page.evaluate(async (value) => {
      const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      await api.storage.local.set({ minSessionMinutes: value });
      return (await api.storage.local.get('minSessionMinutes')).minSessionMinutes;
    }, minutes);
    if (stored !== minutes) throw new Error(`minSessionMinutes is ${String(stored)}, wanted ${minutes}`);
  } finally {
    await page.close();
  }
}

/** The number on Debrief's toolbar icon ('' when none). */
export function badgeText(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.action.getBadgeText({}));
}

/**
 * Stops every service worker through CDP (`ServiceWorker.stopAllWorkers`) and records the running
 * status of Debrief's worker from then on, so a test can show it was stopped and started again.
 * Playwright's handle on a stopped worker hangs when used: read storage through pages afterwards.
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page, extensionId: string) {
  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const from = statuses.length;
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 5000;
  while (!statuses.slice(from).includes('stopped')) {
    if (Date.now() > deadline) throw new Error(`the service worker did not stop: ${statuses.join(', ')}`);
    await wait(50);
  }
  return {
    /** Running statuses seen since the stop was asked for, e.g. stopping, stopped, starting, running. */
    statusesSinceStop: () => statuses.slice(from),
    detach: () => cdp.detach(),
  };
}

/** When the check-in page first painted (epoch ms), from its own paint timing (any page that evaluates: Firefox's too, through dbPage). */
export function firstPaintAt(checkIn: DbPage): Promise<number> {
  return checkIn.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const paint = list.getEntriesByName('first-contentful-paint')[0];
          if (!paint) return;
          observer.disconnect();
          resolve(performance.timeOrigin + paint.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

