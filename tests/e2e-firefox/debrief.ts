/**
 * What Debrief did in Firefox, read from outside: the check-in windows it opened, its database
 * (through the Chromium suite's page-db helpers), its settings and alarms; and the fixture call
 * page (tests/e2e/fixtures/call.html) served at real telehealth URLs.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { CALL_PAGE, type CallLog } from '../e2e/call-fixture';
import type { DbPage } from '../e2e/page-db';
import { byRole } from './dom';
import { locationOf, navigate, openExtensionPage, type Firefox } from './harness';

/** A Firefox page as the Chromium suite's database helpers take it (they only call `evaluate`). */
export function dbPage(page: Page): DbPage {
  const evaluate = (fn: (arg: unknown) => unknown, arg: unknown) => page.evaluate(fn, arg);
  return { evaluate: evaluate as PlaywrightPage['evaluate'] };
}

/** The slice of the extension API the tests use inside Debrief's pages (the `browser` global there). */
export interface ExtensionApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]>; create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, unknown>>; clear(id: string): Promise<boolean> };
  extension: { getViews(): Window[] };
  action: { getBadgeText(details: object): Promise<string> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean>; request(p: { origins: string[] }): Promise<boolean> };
}
export type ApiWindow = { browser: ExtensionApi };

/** Sets storage.local items (settings as @wxt-dev/storage keeps them) from an extension page. */
export async function setLocal(firefox: Firefox, items: Record<string, unknown>): Promise<void> {
  const page = await openExtensionPage(firefox, 'popup.html');
  try {
    await page.evaluate((items) => (globalThis as unknown as ApiWindow).browser.storage.local.set(items), items);
  } finally {
    await page.close();
  }
}

const CHECK_IN = /\/check-in\.html\?(session|reflect)=([^&#]+)/;

export interface OpenedWindow {
  page: Page;
  kind: 'session' | 'reflect';
  id: string;
}

/** Every check-in or reflection window open now (Firefox lists the extension's windows among the pages). */
export async function openWindows(firefox: Firefox): Promise<OpenedWindow[]> {
  const found: OpenedWindow[] = [];
  for (const page of await firefox.browser.pages()) {
    const match = CHECK_IN.exec(await locationOf(page).catch(() => ''));
    if (match?.[1] && match[2]) found.push({ page, kind: match[1] as OpenedWindow['kind'], id: decodeURIComponent(match[2]) });
  }
  return found;
}

/** Waits for a window that was not open in `before`, and returns it. */
export async function nextWindow(firefox: Firefox, before: readonly OpenedWindow[], timeout = 15_000): Promise<OpenedWindow> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const fresh = (await openWindows(firefox)).filter((window) => !before.some((old) => old.page === window.page));
    if (fresh[0]) return fresh[0];
    if (Date.now() > deadline) throw new Error(`no check-in window opened within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Closes every check-in or reflection window. */
export async function closeWindows(firefox: Firefox): Promise<void> {
  for (const { page } of await openWindows(firefox)) await page.close().catch(() => undefined);
}

/** The fixture call page in a tab at a real telehealth URL, answered by request interception (no network). */
export class FirefoxCall {
  private constructor(readonly page: Page) {}

  static async open(firefox: Firefox, url: string): Promise<FirefoxCall> {
    const page = await firefox.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      if (request.url().startsWith('https://')) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: CALL_PAGE });
      } else void request.continue();
    });
    await navigate(page, url);
    const at = await locationOf(page);
    if (at !== url) throw new Error(`expected the call page at ${url}, got ${at}`);
    return new FirefoxCall(page);
  }

  /** Connects the call (a real loopback WebRTC call with the fake camera); resolves when connected. */
  start(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { call: { start(): Promise<number> } }).call.start());
  }

  /** Hangs up as the site would. */
  end(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { call: { end(): number } }).call.end());
  }

  /** Presses "Leave call": the post-call view appears, connections stay up. Resolves with when it appeared. */
  async leave(): Promise<number> {
    await (await byRole(this.page, 'button', 'Leave call')).click();
    const { leftAt } = await this.log();
    if (leftAt === null) throw new Error('the Leave call button drew no post-call view');
    return leftAt;
  }

  log(): Promise<CallLog> {
    return this.page.evaluate(() => (window as unknown as { call: { log: CallLog } }).call.log);
  }
}
