import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CheckIn, Tombstone } from '../../utils/db/schema';
import { test } from './fixtures';
import { openExtensionPage } from './harness';
import { readRecord } from './page-db';
import { makeCheckIns, saveScreenshot, writeCheckIns, writtenText } from './seed';

const COUNT = 10_000;
/** Words written in exactly one seeded check-in each, by its age (0 = newest). */
const EDIT_WORD = 'marzipan';
const EDIT_AGE = 2718;
const DELETE_WORD = 'quokka';
const DELETE_AGE = 7001;
const OLDEST_WORD = 'zeppelin';

const checkIns = makeCheckIns(COUNT, {
  notesAt: new Map([
    [EDIT_AGE, `the ${EDIT_WORD} argument at the bakery`],
    [DELETE_AGE, `a ${DELETE_WORD} on the ferry, of all things`],
    [COUNT - 1, `the ${OLDEST_WORD} dream again`],
  ]),
});

/** The history's "n of m check-ins match" line (not the undo notice, which is a status too). */
function countLine(page: Page) {
  return page.getByRole('status').filter({ hasText: /check-ins? match$|^[\d,]+ check-ins?$|Reading older|found so far/ });
}

async function countText(page: Page): Promise<string> {
  return ((await countLine(page).textContent()) ?? '').trim();
}

/**
 * Clears the search box, waits for the whole history to come back, then searches: so a
 * new search whose count equals the last one's is never mistaken for its result.
 */
async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search notes' });
  await box.fill('');
  await expect.poll(() => countText(page)).toMatch(/^[\d,]+ check-ins?$/);
  await box.fill(text);
}

const rows = (page: Page) => page.getByRole('list', { name: 'Check-ins' }).getByRole('listitem');

async function openOnlyRow(page: Page): Promise<void> {
  await expect.poll(() => rows(page).count()).toBe(1);
  await rows(page).getByRole('link').click();
  await page.getByRole('heading', { name: /^Check-in from / }).waitFor();
}

/** The text of the open entry's "Most helpful moment". */
async function helpfulNote(page: Page): Promise<string> {
  const fact = page.getByRole('article').locator('.checkin-fact').filter({ hasText: 'Most helpful moment' });
  return ((await fact.locator('dd').textContent()) ?? '').trim();
}

/** An options page on the history with the 10,000 check-ins seeded and loaded. */
async function seededHistory(page: Page): Promise<void> {
  await page.getByText('No check-ins yet').waitFor();
  await writeCheckIns(page, checkIns);
  await page.reload();
  await expect.poll(() => countText(page), { timeout: 20_000 }).toBe('10,000 check-ins');
}

test('with 10,000 check-ins the history shows its newest first screen and pages the rest', { timeout: 120_000 }, async ({ debrief }) => {
  const page = await openExtensionPage(debrief, 'options.html#/history');
  await seededHistory(page);

  // The first screen: the newest check-ins, in order, on screen; only a page of rows in the document.
  const list = rows(page);
  expect(await list.count()).toBe(50);
  expect(await list.first().isVisible()).toBe(true);
  const hrefs = await list.getByRole('link').evaluateAll((links) => links.slice(0, 5).map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(checkIns.slice(0, 5).map((c) => `#/history/${c.id}`));
  const newest = checkIns[0]!;
  const firstRow = (await list.first().textContent()) ?? '';
  expect(firstRow).toContain(newest.notes.helpful);
  const more = page.getByRole('button', { name: /^Show more check-ins/ });
  expect(await more.textContent()).toContain('9,950 more');
  await saveScreenshot(page, 'history-10000-first-screen', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'history-10000-first-screen-dark', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });

  await more.click();
  await expect.poll(() => list.count()).toBe(100);
  expect(await more.textContent()).toContain('9,900 more');
  expect(debrief.pageErrors).toEqual([]);
});

test('search narrows 10,000 check-ins; an edit persists after reload; a delete is undone', { timeout: 120_000 }, async ({ debrief }) => {
  const page = await openExtensionPage(debrief, 'options.html#/history');
  await seededHistory(page);

  // A word many notes share narrows the list to exactly those check-ins.
  const sister = checkIns.filter((c) => writtenText(c).includes('sister')).length;
  expect(sister).toBeGreaterThan(100);
  expect(sister).toBeLessThan(COUNT);
  await search(page, 'Sister');
  await expect.poll(() => countText(page)).toBe(`${sister.toLocaleString('en-US')} of 10,000 check-ins match`);

  // A word written once, in the oldest check-in, finds just that one.
  await search(page, OLDEST_WORD);
  await expect.poll(() => countText(page)).toBe('1 of 10,000 check-ins match');
  expect(await rows(page).textContent()).toContain(`the ${OLDEST_WORD} dream again`);

  // Edit: open the entry, change a note, save; the change is there after a reload.
  const original = checkIns[EDIT_AGE]!;
  await search(page, EDIT_WORD);
  await expect.poll(() => countText(page)).toBe('1 of 10,000 check-ins match');
  await openOnlyRow(page);
  expect(await helpfulNote(page)).toBe(original.notes.helpful);
  await page.getByRole('button', { name: 'Edit' }).click();
  const edited = 'Rewritten: the marzipan argument was really about being listened to';
  await page.getByLabel('Most helpful moment').fill(edited);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
  expect(await helpfulNote(page)).toBe(edited);

  await page.reload();
  await page.getByRole('heading', { name: /^Check-in from / }).waitFor({ timeout: 20_000 });
  expect(page.url()).toContain(`#/history/${original.id}`);
  expect(await helpfulNote(page)).toBe(edited);
  await page.getByText('Edited since it was first saved.').waitFor();
  // The edit moved the clock on and kept the replaced version (DESIGN §4).
  const stored = await readRecord<CheckIn>(page, 'checkIns', original.id);
  if (!stored) throw new Error('the edited check-in is not stored');
  expect(stored.updatedAt > original.updatedAt).toBe(true);
  expect(stored.history.map((version) => version.notes.helpful)).toEqual([original.notes.helpful]);
  await saveScreenshot(page, 'history-entry-edited');

  // The new words are searchable at once; the replaced ones no longer find it.
  await page.getByRole('link', { name: 'Back to history' }).click();
  await search(page, 'listened marzipan');
  await expect.poll(() => countText(page)).toBe('1 of 10,000 check-ins match');
  await search(page, 'bakery');
  await expect.poll(() => countText(page)).toBe('0 of 10,000 check-ins match');

  // Delete, then undo within the notice's few seconds: the check-in comes back and stays.
  const doomed = checkIns[DELETE_AGE]!;
  await search(page, DELETE_WORD);
  await expect.poll(() => countText(page)).toBe('1 of 10,000 check-ins match');
  await openOnlyRow(page);
  await page.getByRole('button', { name: 'Delete' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.waitFor();
  await page.getByText(/^Deleted the check-in from /).waitFor();
  await expect.poll(() => countText(page)).toBe('0 of 9,999 check-ins match');
  expect(await readRecord<Tombstone>(page, 'tombstones', doomed.id)).toMatchObject({ id: doomed.id, store: 'checkIns' });
  await saveScreenshot(page, 'history-delete-undo-notice');

  await undo.click();
  await expect.poll(() => countText(page)).toBe('1 of 10,000 check-ins match');
  expect(await rows(page).textContent()).toContain(DELETE_WORD);
  await expect.poll(() => undo.count()).toBe(0);

  await page.reload();
  await expect.poll(() => countText(page), { timeout: 20_000 }).toBe('10,000 check-ins');
  await search(page, DELETE_WORD);
  await expect.poll(() => countText(page)).toBe('1 of 10,000 check-ins match');
  await openOnlyRow(page);
  expect(await helpfulNote(page)).toBe(doomed.notes.helpful);
  expect(await readRecord<Tombstone>(page, 'tombstones', doomed.id)).toBeUndefined();
  expect(debrief.pageErrors).toEqual([]);
});
