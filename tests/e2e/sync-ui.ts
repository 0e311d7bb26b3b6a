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

/** Checks the preview's "New" count, then imports. */
export async function confirmImport(page: Page, expectedNew: number): Promise<void> {
  const preview = page.locator('.sync-preview');
  await preview.getByRole('heading', { name: /^What importing/ }).waitFor();
  expect(await preview.locator('div', { hasText: /^New:?/ }).locator('strong').textContent()).toBe(String(expectedNew));
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Imported: / }).waitFor();
}
