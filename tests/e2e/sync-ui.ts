/** The Sync view driven as a person would: export through its button, import through its file chooser. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { OVERALL } from '../../utils/checkin/instrument';
import { openExtensionPage, showMoreNotes, type Debrief } from './harness';

/** Clicks "Export all data" and saves the download at `path`. */
export async function exportThroughUi(page: Page, path: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all data' }).click()]);
  await download.saveAs(path);
  await page.getByRole('status').filter({ hasText: /^Saved debrief-export-/ }).waitFor();
  return path;
}

export async function chooseImport(page: Page, path: string): Promise<void> {
  await page.getByLabel('Import a file').setInputFiles(path);
}

/** Checks how many records the preview calls new (it says them by kind: "2 check-ins, 1 goal"), then imports; a file with nothing new is closed. */
export async function confirmImport(page: Page, expectedNew: number): Promise<void> {
  const preview = page.locator('.sync-preview');
  await preview.getByRole('heading', { name: /^What importing/ }).waitFor();
  const nothingNew = preview.getByText(/^Nothing new in this file/);
  if (await nothingNew.isVisible()) {
    expect(expectedNew).toBe(0);
    await preview.getByRole('button', { name: 'Close' }).click();
    return;
  }
  const words = (await preview.locator('div', { hasText: /^New:?/ }).locator('strong').textContent()) ?? '';
  const total = [...words.matchAll(/\d+/g)].reduce((sum, [count]) => sum + Number(count), 0);
  expect(total, words).toBe(expectedNew);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Imported: / }).waitFor();
}

/** Saves a manual check-in from the toolbar popup, as a person would. */
export async function checkInFromPopup(debrief: Debrief, note: string, overall: number): Promise<void> {
  const popup = await openExtensionPage(debrief, 'popup.html');
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
  await popup.getByRole('radiogroup', { name: OVERALL.name, exact: true }).getByRole('radio', { name: String(overall), exact: true }).check();
  await showMoreNotes(popup);
  await popup.getByLabel('Most helpful moment').fill(note);
  await popup.getByRole('button', { name: 'Save check-in' }).click();
  await popup.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  await popup.close();
}

/** History lists exactly these notes. */
export async function historyShows(debrief: Debrief, notes: string[]): Promise<void> {
  const history = await openExtensionPage(debrief, 'options.html#/history');
  const list = history.getByRole('list', { name: 'Check-ins' });
  await list.waitFor();
  for (const note of notes) await list.getByRole('link').filter({ hasText: note }).waitFor();
  expect(await list.getByRole('link').count()).toBe(notes.length);
  await history.close();
}
