/**
 * Helpers for the detection tests: the fixture call page (tests/e2e/fixtures/call.html) served at
 * real telehealth URLs, the check-in windows Debrief opens, and what it stored about each session.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { openExtensionPage, type Debrief } from './harness';
import type { UdpRelay } from './fixtures/udp-relay';

export const CALL_PAGE = readFileSync(new URL('./fixtures/call.html', import.meta.url), 'utf8');

/** What the fixture page recorded about its own call (epoch ms, the same clock as Node's). */
export interface CallLog {
  connectedAt: number | null;
  endedAt: number | null;
  /** When the "Leave call" button drew the post-call view. */
  leftAt: number | null;
  states: { who: 'me' | 'therapist'; state: RTCPeerConnectionState; at: number }[];
}

/** `window.call` in the fixture page. */
interface CallApi {
  log: CallLog;
  preview(): Promise<number>;
  start(): Promise<number>;
  prepareRelayed(): Promise<{ address: string; port: number }[]>;
  connectThroughRelay(host: string, port: number): Promise<number>;
  end(): number;
  cameraOff(): Promise<void>;
  cameraOn(): Promise<void>;
  therapistVanishes(): void;
  states(): { me: RTCPeerConnectionState | null; therapist: RTCPeerConnectionState | null };
}

type FixtureWindow = Window & { call: CallApi };

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

/** Serves the fixture call page for every https URL this browser opens (no network involved). */
export async function serveCallPages(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.protocol === 'https:',
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: CALL_PAGE }),
  );
}

/** A fixture call page open in a tab at a real telehealth URL. */
export class CallPage {
  constructor(readonly page: Page) {}

  /** Opens `url` in a new tab of `context`; the caller must have served the call page there. */
  static async open(context: BrowserContext, url: string): Promise<CallPage> {
    const page = await context.newPage();
    await page.goto(url);
    if (page.url() !== url) throw new Error(`expected the call page at ${url}, got ${page.url()}`);
    return new CallPage(page);
  }

  /** Camera preview only, as in a waiting room. */
  preview(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.preview());
  }

  /** Connects the call; resolves with the time it connected. */
  start(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.start());
  }

  /** Connects the call with my side reaching the therapist only through `relay`. */
  async startThroughRelay(relay: UdpRelay): Promise<number> {
    const candidates = await this.page.evaluate(() => (window as unknown as FixtureWindow).call.prepareRelayed());
    const therapist = candidates.find((candidate) => candidate.address.includes('.'));
    if (!therapist) throw new Error(`no IPv4 host candidate to relay to: ${JSON.stringify(candidates)}`);
    relay.forwardTo(therapist);
    return this.page.evaluate(
      ([host, port]) => (window as unknown as FixtureWindow).call.connectThroughRelay(host, port),
      [therapist.address, relay.port] as const,
    );
  }

  /** Hangs up as the site would; resolves with the time the hang-up began. */
  end(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.end());
  }

  /** Presses "Leave call": the post-call view appears, connections stay up. Resolves with when it appeared. */
  async leave(): Promise<number> {
    await this.page.getByRole('button', { name: 'Leave call' }).click();
    const leftAt = await this.page.evaluate(() => (window as unknown as FixtureWindow).call.log.leftAt);
    if (leftAt === null) throw new Error('the Leave call button drew no post-call view');
    return leftAt;
  }

  /** Both sides' connection states now. */
  states(): Promise<ReturnType<CallApi['states']>> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.states());
  }

  cameraOff(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.cameraOff());
  }

  cameraOn(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.cameraOn());
  }

  /** The therapist's side goes away without a word (no hang-up on my side). */
  therapistVanishes(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.therapistVanishes());
  }

  log(): Promise<CallLog> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.log);
  }
}

/** The first moment either side of the call was connected, as the page saw it. */
export function firstConnected(log: CallLog): number {
  const times = log.states.filter((entry) => entry.state === 'connected').map((entry) => entry.at);
  if (times.length === 0) throw new Error('the call never connected');
  return Math.min(...times);
}

/** How long each stretch of `state` lasted for one side of the call, in ms. */
export function stretchesOf(log: CallLog, who: CallLog['states'][number]['who'], state: RTCPeerConnectionState): number[] {
  const mine = log.states.filter((entry) => entry.who === who);
  return mine.flatMap((entry, index) => {
    const next = mine[index + 1];
    return entry.state === state && next ? [next.at - entry.at] : [];
  });
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

/** Waits `ms` milliseconds (a quiet period in which nothing must happen). */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads one session straight from Debrief's IndexedDB through one of its pages. */
export function readSession(extensionPage: Page, sessionId: string): Promise<StoredSession | null> {
  return extensionPage.evaluate(
    (id) =>
      new Promise<StoredSession | null>((resolve, reject) => {
        const open = indexedDB.open('debrief');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('sessions').objectStore('sessions').get(id);
          request.onsuccess = () => resolve((request.result as StoredSession | undefined) ?? null);
          request.onerror = () => reject(request.error);
        };
      }),
    sessionId,
  );
}

/** Every session Debrief has stored. */
export function readSessions(extensionPage: Page): Promise<StoredSession[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<StoredSession[]>((resolve, reject) => {
        const open = indexedDB.open('debrief');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('sessions').objectStore('sessions').getAll();
          request.onsuccess = () => resolve(request.result as StoredSession[]);
          request.onerror = () => reject(request.error);
        };
      }),
  );
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

/** When the check-in page first painted (epoch ms), from its own paint timing. */
export function firstPaintAt(checkIn: Page): Promise<number> {
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

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
