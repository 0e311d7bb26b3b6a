/**
 * `DEBRIEF_BENCH_LOCK=1 npm run bench` (after `npx wxt build`): the lock with 10,000 check-ins in
 * real Chromium. History (every entry read and counted) and Trends (every chart drawn) with the lock
 * off, then on and unlocked; unlocking; setting and turning off the lock. Prints medians, min–max.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { test } from '../e2e/fixtures';
import { openExtensionPage } from '../e2e/harness';
import { seedCheckIns } from './options';

const ENTRIES = 10_000;
const RUNS = Number(process.env.DEBRIEF_BENCH_RUNS ?? 5);
const PASSPHRASE = 'blue kettle at dawn';
const ALL_READ = /^[\d,.\s]+ check-ins?$/;

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
  await page.reload();
}

async function historyRead(page: Page): Promise<number> {
  const start = Date.now();
  await go(page, '#/history');
  await page.locator('.history-count').filter({ hasText: ALL_READ }).waitFor({ timeout: 120_000 });
  return Date.now() - start;
}

async function trendsDrawn(page: Page): Promise<number> {
  const start = Date.now();
  await go(page, '#/trends');
  await expect.poll(() => page.locator('.uplot canvas').count(), { timeout: 120_000, interval: 20 }).toBe(7);
  return Date.now() - start;
}

async function unlockToHistory(page: Page): Promise<number> {
  await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { remove(key: string): Promise<void> } } } }).chrome.storage.session.remove('unlockedLock'));
  await go(page, '#/history');
  await page.getByLabel('Passphrase or recovery key').fill(PASSPHRASE);
  const start = Date.now();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('.history-count').filter({ hasText: ALL_READ }).waitFor({ timeout: 120_000 });
  return Date.now() - start;
}

async function times(runs: number, measure: () => Promise<number>): Promise<number[]> {
  const found: number[] = [];
  for (let run = 0; run < runs; run++) found.push(await measure());
  return found;
}

const RATIO_TARGET = 1.3;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** A row; given the same rows with no lock, the ratio of the medians beside it, judged against the target. */
function row(name: string, values: number[], noLock?: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ratio = noLock ? median(values) / median(noLock) : null;
  const judged = ratio === null ? '' : `    ${ratio.toFixed(2)}× (target ≤ ${RATIO_TARGET}×: ${ratio <= RATIO_TARGET ? 'met' : 'not met'})`;
  return `${name.padEnd(44)} | ${String(median(values)).padStart(6)} ms | ${sorted[0]}–${sorted.at(-1)} ms | ${values.length}${judged}`;
}

test('the lock with 10,000 check-ins', { timeout: 30 * 60_000 }, async ({ debrief }) => {
  const page = await openExtensionPage(debrief, 'options.html#/history');
  await page.locator('.history-count').waitFor();
  await seedCheckIns(page, ENTRIES);
  const plainHistory = await times(RUNS, () => historyRead(page));
  const plainTrends = await times(RUNS, () => trendsDrawn(page));

  await go(page, '#/settings');
  await page.getByRole('button', { name: 'Lock Debrief with a passphrase' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  const setAt = Date.now();
  await page.getByRole('button', { name: 'Set the lock' }).click();
  await page.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 600_000 });
  const setMs = Date.now() - setAt;
  await page.getByRole('button', { name: 'I have saved it' }).click();

  const lockedHistory = await times(RUNS, () => historyRead(page));
  const lockedTrends = await times(RUNS, () => trendsDrawn(page));
  const unlock = await times(RUNS, () => unlockToHistory(page));

  await go(page, '#/settings');
  const offAt = Date.now();
  await page.getByRole('button', { name: 'Turn the lock off' }).click();
  await page.getByRole('status').filter({ hasText: 'The lock is off' }).waitFor({ timeout: 600_000 });
  const offMs = Date.now() - offAt;

  console.log(
    [
      `the lock, ${ENTRIES.toLocaleString('en')} check-ins | median | min–max | runs`,
      row('history, all read: lock off', plainHistory),
      row('history, all read: lock on, unlocked', lockedHistory, plainHistory),
      row('trends, every chart: lock off', plainTrends),
      row('trends, every chart: lock on, unlocked', lockedTrends, plainTrends),
      row('unlock (passphrase) → history all read', unlock),
      row('set the lock (PBKDF2 + sealing all)', [setMs]),
      row('turn the lock off (opening all)', [offMs]),
    ].join('\n'),
  );
});
