/**
 * The options page with thousands of check-ins, written straight into Debrief's own IndexedDB:
 * the history's first screen, a search keystroke to its result, and the trends drawn.
 */
import type { Page } from 'playwright-core';
import { SIGNS } from '@/utils/checkin/instrument';
import { extensionUrl, openExtensionPage } from '../e2e/harness';
import type { BenchBrowser } from './browser';
import { blankTab, readFloor, RATIO_TARGETS } from './floors';
import { arm, installMarks, lastInput, markTime } from './marks';
import { writeRecords } from '../e2e/page-db';
import { makeCheckIns } from './seed';
import { figureOf, ratios, type Figure } from './stats';

/** Writes `count` bench check-ins into the `debrief` database in one transaction, from one of Debrief's pages; returns how many it holds. */
export function seedCheckIns(page: Page, count: number): Promise<number> {
  return writeRecords(page, { checkIns: makeCheckIns(count) });
}

/** The status line once every check-in is read and nothing is filtered, e.g. "10,010 check-ins". */
const ALL_READ = '^[\\d,.\\s]+ check-ins?$';

export async function benchOptions(bench: BenchBrowser, runs: number, entries: number): Promise<Figure[]> {
  const { debrief } = bench;
  // Opening the history creates the database with Debrief's own schema before the seed writes into it.
  const seeder = await openExtensionPage(debrief, 'options.html#/history');
  await seeder.locator('.history-count').waitFor();
  const stored = await seedCheckIns(seeder, entries);
  const hasTrends = (await seeder.locator('a[href="#/trends"]').count()) > 0;
  await seeder.close();

  const history: { shell: number; first: number; complete: number; search: number; matched: string }[] = [];
  const trends: number[] = [];
  let chartsInView = 0;
  let tabSize = '';
  // Each view's floor: a blank extension page's first paint plus the bare read of what the view reads.
  const floors = { history: [] as { paint: number; read: number }[], trends: [] as { paint: number; read: number }[] };
  const floor = async (view: 'history' | 'trends') => {
    const blank = await blankTab(debrief);
    try {
      floors[view].push({ paint: blank.paint, read: await readFloor(blank.page, view) });
    } finally {
      await blank.page.close();
    }
  };
  const open = async (hash: string) => {
    const page = await debrief.context.newPage();
    await installMarks(page, [
      { name: 'shell', selector: 'nav[aria-label="Sections"]', armed: true },
      { name: 'first', selector: 'ul.history-rows > li', armed: true },
      { name: 'complete', selector: '.history-count', pattern: ALL_READ, armed: true },
      { name: 'search', selector: '.history-count', pattern: ' match$' },
      // Charts below the fold draw as they come near the screen: judged is what the tab shows unscrolled.
      { name: 'charts', selector: '.trend-chart', inViewHolds: '.uplot canvas', armed: true },
    ]);
    await page.goto(extensionUrl(debrief.extensionId, `options.html${hash}`));
    return page;
  };
  for (let run = 0; run < runs; run++) {
    const page = await open('#/history');
    try {
      const shell = await markTime(page, 'shell');
      const first = await markTime(page, 'first');
      const complete = await markTime(page, 'complete');
      await page.getByLabel('Search notes').focus();
      await arm(page, 'search');
      await page.keyboard.press('z');
      const search = await markTime(page, 'search');
      const { key } = await lastInput(page);
      if (key === null) throw new Error('the keystroke did not reach the search box');
      const matched = (await page.locator('.history-count').textContent()) ?? '';
      history.push({ shell: shell.dom, first: first.drawn, complete: complete.drawn, search: search.drawn - key, matched });
    } finally {
      await page.close();
    }
    await floor('history');
    if (!hasTrends) continue;
    const chartsPage = await open('#/trends');
    try {
      trends.push((await markTime(chartsPage, 'charts', 60_000)).drawn);
      chartsInView = await chartsPage.locator('.uplot canvas').count();
      tabSize = await chartsPage.evaluate(() => `${innerWidth}×${innerHeight}`);
    } finally {
      await chartsPage.close();
    }
    await floor('trends');
  }
  const area = `options, ${stored.toLocaleString('en')} check-ins`;
  const sum = (view: 'history' | 'trends') => floors[view].map((f) => f.paint + f.read);
  const viewRows = (view: 'history' | 'trends', name: string, times: number[], reads: string): Figure[] => [
    figureOf(area, `floor: ${view} read, bare IndexedDB`, floors[view].map((f) => f.read), { note: reads }),
    figureOf(area, `floor: blank page paint + ${view} read`, sum(view), { note: 'a blank extension page in a tab, then the read in it' }),
    figureOf(area, `${name} ÷ floor`, ratios(times, sum(view)), { unit: '×', target: `≤ ${RATIO_TARGETS[view]}×`, max: RATIO_TARGETS[view] }),
  ];
  return [
    figureOf(area, 'first render (scripts loaded and run)', history.map((h) => h.shell), { note: 'navigation in the DOM' }),
    figureOf(area, 'history: first screen drawn', history.map((h) => h.first), { note: 'from navigation start' }),
    ...viewRows('history', 'history: first screen', history.map((h) => h.first), 'from opening the database: newest 50 check-ins, sessions awaiting, goals'),
    figureOf(area, 'history: all entries read and counted', history.map((h) => h.complete)),
    figureOf(area, 'search: keystroke → result drawn', history.map((h) => h.search), {
      target: '≤ 100 ms',
      max: 100,
      note: `"z": ${history[0]?.matched ?? ''}; includes the page's pause after typing`,
    }),
    hasTrends
      ? figureOf(area, 'trends: charts in view drawn', trends, {
          note: `${chartsInView} of ${SIGNS.length + 1} uPlot charts drawn in a ${tabSize} tab, from navigation start`,
        })
      : figureOf(area, 'trends: charts in view drawn', [], { note: 'no #/trends route in this build' }),
    ...(hasTrends ? viewRows('trends', 'trends: charts in view drawn', trends, 'from opening the database: check-ins counted, every packed month') : []),
  ];
}
