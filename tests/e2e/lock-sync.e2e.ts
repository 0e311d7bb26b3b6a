/**
 * Two profiles sync through files while locked, in real Chromium. Profile A sets the lock and its
 * automatic backup is made while locked, so the file travels sealed with A's lock. Profile B (no
 * lock, a check-in of its own) imports it: asked once for the passphrase the file was locked with,
 * a wrong one refused with an alert and nothing changed, the right one locks B the same way and
 * imports (axe finds nothing on the form); B's History shows both entries and its IndexedDB holds none of either note's words.
 * B's own export then imports back into A, which shows B's entry.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { downloadsIn } from './downloads';
import { test } from './fixtures';
import { closeExtension, launchExtension, openExtensionPage, screenshot, type Debrief } from './harness';
import { readStore } from './page-db';
import { checkInFromPopup, chooseImport, confirmImport, exportThroughUi, historyShows } from './sync-ui';

const files = mkdtempSync(join(tmpdir(), 'debrief-lock-sync-e2e-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

const PASSPHRASE = 'blue kettle at dawn';
const A_NOTE = 'Naming the pattern behind my Sunday dread';
const B_NOTE = 'Practising saying no out loud';
const WORDS = ['pattern', 'Sunday', 'dread', 'Practising', 'loud'];

/** Sets the lock in Settings, as a person would, and locks at once from the popup. */
async function setLockAndLockNow(debrief: Debrief): Promise<void> {
  const settings = await openExtensionPage(debrief, 'options.html#/settings');
  await settings.getByRole('button', { name: 'Lock Debrief with a passphrase' }).click();
  await settings.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await settings.getByLabel('Passphrase again').fill(PASSPHRASE);
  await settings.getByRole('button', { name: 'Set the lock' }).click();
  await settings.getByRole('heading', { name: 'Your recovery key' }).waitFor();
  await settings.getByRole('button', { name: 'I have saved it' }).click();
  await settings.close();
  const popup = await openExtensionPage(debrief, 'popup.html');
  await popup.getByRole('button', { name: 'Lock now' }).click();
  await popup.getByText('Debrief is locked: check-ins are still saved.', { exact: false }).waitFor();
  await popup.close();
}

/** Every record Debrief stores, as read straight from IndexedDB. */
async function onDisk(page: Page): Promise<string> {
  const stores = ['checkIns', 'sessions', 'goals', 'tombstones', 'drafts', 'rooms', 'meta'] as const;
  return JSON.stringify(await Promise.all(stores.map((store) => readStore(page, store))));
}

test('two profiles sync through files while locked: the second asks once for the passphrase, then reads both', { timeout: 300_000 }, async ({ debrief: a }) => {
  await checkInFromPopup(a, A_NOTE, 6);
  await setLockAndLockNow(a);

  // A's automatic backup, made while locked: sealed, carrying A's lock.
  await a.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ backupFrequency: 'daily' }));
  await expect.poll(async () => (await downloadsIn(a.serviceWorker)).filter((item) => item.state === 'complete').length, { timeout: 60_000 }).toBe(1);
  const [backup] = await downloadsIn(a.serviceWorker);
  const fromA = backup!.filename;
  const text = readFileSync(fromA, 'utf8');
  for (const word of WORDS) expect(text).not.toContain(word);
  expect(text).toContain('"lock"');

  const b = await launchExtension();
  try {
    await checkInFromPopup(b, B_NOTE, 8);
    const sync = await openExtensionPage(b, 'options.html#/sync');
    await sync.getByRole('heading', { name: 'Sync & backup', level: 2 }).waitFor();
    const before = await onDisk(sync);

    await chooseImport(sync, fromA);
    const field = sync.getByLabel('Passphrase this file was locked with');
    await field.waitFor();
    await sync.getByText(/Debrief on this device will then be locked with the same passphrase/).waitFor();
    expect(await sync.getByRole('alert').count()).toBe(0);
    expect((await new AxeBuilder({ page: sync }).include('.sync-passphrase').analyze()).violations).toEqual([]);

    await field.fill('blue kettle at dusk');
    await sync.getByRole('button', { name: 'Unlock and import' }).click();
    await sync.getByRole('alert').filter({ hasText: 'That passphrase or recovery key does not open this file. Nothing was changed.' }).waitFor();
    expect(await onDisk(sync)).toBe(before);
    expect((await new AxeBuilder({ page: sync }).include('.sync-passphrase').analyze()).violations).toEqual([]);
    await screenshot(sync, 'lock-sync-wrong-passphrase');

    await field.fill(PASSPHRASE);
    await field.press('Enter');
    await confirmImport(sync, 1);

    await historyShows(b, [A_NOTE, B_NOTE]);
    const disk = await onDisk(sync);
    for (const word of WORDS) expect(disk).not.toContain(word);
    const lockOfB = (await readStore<{ key: string; value: unknown }>(sync, 'meta')).find((entry) => entry.key === 'lock')?.value;
    expect(lockOfB).toEqual(JSON.parse(text).lock);

    // B's own export (made unlocked) goes back to A.
    const fromB = await exportThroughUi(sync, join(files, 'from-b.json'));

    const history = await openExtensionPage(a, 'options.html#/history');
    await history.getByRole('heading', { name: 'Debrief is locked' }).waitFor();
    await history.getByLabel('Passphrase or recovery key').fill(PASSPHRASE);
    await history.getByRole('button', { name: 'Unlock' }).click();
    await history.getByRole('list', { name: 'Check-ins' }).waitFor();
    await history.goto(history.url().replace(/#.*$/, '#/sync'));
    await chooseImport(history, fromB);
    await confirmImport(history, 1);
    await historyShows(a, [A_NOTE, B_NOTE]);
    const diskA = await onDisk(history);
    for (const word of WORDS) expect(diskA).not.toContain(word);
  } finally {
    await closeExtension(b);
  }
});
