/**
 * The check-in page as the window after a call opens it: first paint, the moment the form is on
 * screen and the main thread free to take input, and the time from clicking "Save check-in" to
 * its confirmation on screen; beside them, when the page first rendered anything (scripts done)
 * and one bare IndexedDB transaction (the floor under a save).
 */
import { SIGNS } from '@/utils/checkin/instrument';
import { extensionUrl } from '../e2e/harness';
import type { BenchBrowser } from './browser';
import { blankTab, RATIO_TARGETS } from './floors';
import { arm, firstContentfulPaint, installMarks, lastInput, markTime } from './marks';
import { figureOf, ratios, type Figure } from './stats';

interface CheckInSample {
  shell: number;
  paint: number;
  ready: number;
  save: number;
  floor: number;
  /** A blank extension page's first paint, opened the same way just before. */
  blank: number;
}

/** One small readwrite transaction in a scratch database of the same page: what a save cannot beat. */
function oneTransaction(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('bench-floor', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const start = performance.now();
          const tx = db.transaction('records', 'readwrite');
          tx.objectStore('records').put({ id: crypto.randomUUID(), notes: 'x'.repeat(500), at: Date.now() });
          tx.oncomplete = () => {
            db.close();
            resolve(performance.now() - start);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export async function benchCheckIn(bench: BenchBrowser, runs: number, sessionIds: readonly string[]): Promise<Figure[]> {
  const { debrief } = bench;
  const samples: CheckInSample[] = [];
  const firstSign = SIGNS[0]!.name;
  for (let run = 0; run < runs; run++) {
    const sessionId = sessionIds[run];
    const blank = await blankTab(debrief);
    await blank.page.close();
    const page = await debrief.context.newPage();
    try {
      await installMarks(page, [
        { name: 'shell', selector: '.check-in-page h1', armed: true },
        { name: 'ready', selector: 'button[type="submit"]', pattern: '^Save check-in$', armed: true },
        { name: 'saved', selector: '.status-line', pattern: '^Check-in saved' },
      ]);
      await page.goto(extensionUrl(debrief.extensionId, sessionId ? `check-in.html?session=${encodeURIComponent(sessionId)}` : 'check-in.html'));
      const paint = await firstContentfulPaint(page);
      const shell = await markTime(page, 'shell');
      const ready = await markTime(page, 'ready');
      await page.getByRole('radiogroup', { name: firstSign }).getByRole('radio', { name: '7', exact: true }).check();
      await arm(page, 'saved');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      const saved = await markTime(page, 'saved');
      const { click } = await lastInput(page);
      if (click === null) throw new Error('the click on "Save check-in" did not reach the page');
      samples.push({ shell: shell.dom, paint, ready: ready.drawn, save: saved.drawn - click, floor: await oneTransaction(page), blank: blank.paint });
    } finally {
      await page.close();
    }
  }
  const area = 'check-in page';
  const note = sessionIds.length >= runs ? 'opened for a detected session' : 'manual check-in (no session)';
  return [
    figureOf(area, 'first render (scripts loaded and run)', samples.map((s) => s.shell), { note: 'heading in the DOM; explains first paint' }),
    figureOf(area, 'first paint', samples.map((s) => s.paint), { note }),
    figureOf(area, 'floor: blank extension page, first paint', samples.map((s) => s.blank), { note: 'in a tab, as the page above' }),
    figureOf(area, 'first paint ÷ blank page', ratios(samples.map((s) => s.paint), samples.map((s) => s.blank)), {
      unit: '×',
      target: `≤ ${RATIO_TARGETS.checkInTab}×`,
      max: RATIO_TARGETS.checkInTab,
    }),
    figureOf(area, 'ready for input (form drawn, thread free)', samples.map((s) => s.ready), { target: '≤ 250 ms', max: 250 }),
    figureOf(area, 'save: click → "saved" on screen', samples.map((s) => s.save), { target: '≤ 50 ms', max: 50 }),
    figureOf(area, 'floor: one small IndexedDB transaction', samples.map((s) => s.floor), { note: 'same page, scratch database' }),
  ];
}
