/** The Sync view driven as a person would: export through its button, import through its file chooser. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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
