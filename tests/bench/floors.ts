/**
 * The floors Debrief's page figures are judged against, measured in the same browser and run:
 * a blank extension page (one line of text, no script) opened as the check-in window is, or in a
 * tab as the bench opens Debrief's pages, and the IndexedDB reads the history's first screen and
 * the trends make, done with the bare API in that blank page. The blank page is a bench fixture
 * copied into the bench's own build, never into the product.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHECK_IN_WINDOW } from '@/utils/session/check-in-window';
import { HISTORY_PAGE_SIZE } from '@/components/HistoryPage';
import { extensionUrl, type Debrief } from '../e2e/harness';
import { firstContentfulPaint } from './marks';

const BLANK_PAGE = 'bench-floor/blank.html';

/**
 * Targets as ratios to the floors: each is 1.15× the median of the ratios measured quiet on this
 * machine in the round of 7–8 December 2026 (the README's Figures), so today's figures pass and a
 * regression of 30% does not.
 * `checkInWindow`: the check-in window's first paint ÷ the blank page's, opened alike (cold, warm);
 * `checkInTab`: the same in a tab; `history`, `trends`: the view drawn ÷ (blank page paint + the view's read).
 */
export const RATIO_TARGETS = { checkInWindowCold: 2.3, checkInWindowWarm: 2.3, checkInTab: 2.0, history: 3.6, trends: 3.2 };

/** Copies the blank page into a built extension folder (a subfolder: the size table lists only the root's pages). */
export function addBlankPage(extensionDir: string): void {
  cpSync(new URL('./fixtures/blank.html', import.meta.url), join(extensionDir, BLANK_PAGE));
}

/** The blank page in a new tab, and its first paint from navigation (ms). */
export async function blankTab(debrief: Debrief): Promise<{ page: Page; paint: number }> {
  const page = await debrief.context.newPage();
  await page.goto(extensionUrl(debrief.extensionId, BLANK_PAGE));
  return { page, paint: await firstContentfulPaint(page) };
}

/** Opens the blank page exactly as Debrief opens a check-in (windows.create, a popup of the same size) and returns its first paint. */
export async function blankWindowPaint(debrief: Debrief): Promise<number> {
  const url = extensionUrl(debrief.extensionId, BLANK_PAGE);
  const opened = debrief.context.waitForEvent('page', { timeout: 15_000 });
  await debrief.serviceWorker.evaluate(
    ([address, size]) => {
      const api = (globalThis as unknown as { chrome: { windows: { create(details: object): Promise<unknown> } } }).chrome;
      return api.windows.create({ url: address, type: 'popup', focused: true, ...size }).then(() => undefined);
    },
    [url, CHECK_IN_WINDOW] as const,
  );
  const page = await opened;
  try {
    // A window may be created blank and navigated after the event.
    await page.waitForURL(url);
    return await firstContentfulPaint(page);
  } finally {
    await page.close();
  }
}

/**
 * A read floor, with the bare API, timed from opening Debrief's database: `history` reads what the
 * history's first screen reads (the newest page of check-ins, the sessions awaiting a check-in and
 * which this device recorded, the goals); `trends` what the trends read (the check-ins counted on
 * their index, every packed month).
 */
export function readFloor(page: Page, which: 'history' | 'trends'): Promise<number> {
  return page.evaluate(
    async ([view, pageSize]) => {
      const done = (request: IDBRequest | IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          if (request instanceof IDBTransaction) request.oncomplete = () => resolve();
          else request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        });
      const start = performance.now();
      const open = indexedDB.open('debrief');
      await done(open);
      const db = open.result;
      if (view === 'history') {
        const tx = db.transaction(['checkIns', 'sessions', 'meta', 'goals']);
        let rows = 0;
        const cursor = tx.objectStore('checkIns').index('by-created').openCursor(null, 'prev');
        cursor.onsuccess = () => {
          if (!cursor.result) return;
          // Each row's value is read, as the history reads it.
          if (cursor.result.value !== undefined && ++rows < pageSize) cursor.result.continue();
        };
        const sessions = tx.objectStore('sessions').index('by-status');
        sessions.getAll('pending');
        sessions.getAll('snoozed');
        tx.objectStore('meta').getAll(IDBKeyRange.bound('recorded:', 'recorded:\uffff'));
        tx.objectStore('goals').getAll();
        await done(tx);
      } else {
        const tx = db.transaction(['checkIns', 'trendMonths']);
        tx.objectStore('checkIns').index('by-created').count();
        tx.objectStore('trendMonths').getAll();
        await done(tx);
      }
      db.close();
      return performance.now() - start;
    },
    [which, HISTORY_PAGE_SIZE] as const,
  );
}
