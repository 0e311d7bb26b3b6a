/**
 * Sync & backup in real Chromium with the built extension: export through the UI (plain and
 * encrypted), import into fresh profiles through the file chooser, bad files refused with
 * nothing changed; the sync folder with a real directory handle kept in IndexedDB; and the
 * background's automatic backup through the downloads API from its service worker.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import type { CheckIn } from '../../utils/db/schema';
import { wrongPassphrase } from '../../utils/sync/crypto';
import { serializeExport } from '../../utils/sync/export';
import { parseExport, type DebriefExport } from '../../utils/sync/format';
import { storedCheckIn } from '../seed/records';
import { readStore } from './page-db';
import { test } from './fixtures';
import { downloadsIn } from './downloads';
import { checkInFromPopup, chooseImport, confirmImport, exportThroughUi, historyShows } from './sync-ui';
import { closeExtension, launchExtension, openExtensionPage, screenshot } from './harness';

const files = mkdtempSync(join(tmpdir(), 'debrief-sync-e2e-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

const NOTES = ['Naming the pattern behind my Sunday dread', 'Practising saying no out loud'];
const PASSPHRASE = 'blue heron at dawn';

/** Every record in the synced stores and drafts, read straight from IndexedDB: "nothing changed" means this is equal. */
async function snapshot(page: Page): Promise<string> {
  const stores = ['checkIns', 'sessions', 'goals', 'tombstones', 'drafts'] as const;
  return JSON.stringify(await Promise.all(stores.map((store) => readStore(page, store))));
}

describe('export and import through the UI', () => {
  test('entries exported plain and encrypted come back in fresh profiles; a corrupted file and a wrong passphrase change nothing', { timeout: 240_000 }, async ({ debrief }) => {
    await checkInFromPopup(debrief, NOTES[0]!, 6);
    await checkInFromPopup(debrief, NOTES[1]!, 8);

    const sync = await openExtensionPage(debrief, 'options.html#/sync');
    await sync.getByRole('heading', { name: 'Sync & backup', level: 2 }).waitFor();
    const plainPath = await exportThroughUi(sync, join(files, 'plain.json'));
    const plain = parseExport(readFileSync(plainPath, 'utf8'));
    expect(plain.ok && plain.file.checkIns.map((checkIn) => checkIn.notes.helpful).sort()).toEqual([...NOTES].sort());

    await sync.getByLabel('Encrypt with a passphrase').check();
    await sync.getByText(/nobody can open the file, not even you/).waitFor();
    await sync.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await sync.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    const encryptedPath = await exportThroughUi(sync, join(files, 'encrypted.json'));
    const encryptedText = readFileSync(encryptedPath, 'utf8');
    expect(JSON.parse(encryptedText)).toMatchObject({ format: 'debrief-encrypted', kdf: { iterations: 600_000 } });
    for (const note of NOTES) expect(encryptedText).not.toContain(note);
    await screenshot(sync, 'sync-export-encrypted');

    // A fresh profile: a corrupted file and a wrong passphrase are refused, then the right one imports.
    const fresh = await launchExtension();
    try {
      const page = await openExtensionPage(fresh, 'options.html#/sync');
      await page.getByLabel('Import a file').waitFor();
      const empty = await snapshot(page);

      const corruptPath = join(files, 'corrupt.json');
      writeFileSync(corruptPath, readFileSync(plainPath, 'utf8').slice(0, 300));
      await chooseImport(page, corruptPath);
      await page.getByRole('alert').filter({ hasText: 'This file is incomplete' }).waitFor();
      expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
      expect(await snapshot(page)).toBe(empty);

      await chooseImport(page, encryptedPath);
      const passphrase = page.getByLabel('Passphrase for this file');
      await passphrase.fill('blue heron at dusk');
      await page.getByRole('button', { name: 'Open file' }).click();
      await page.getByRole('alert').filter({ hasText: wrongPassphrase() }).waitFor();
      await screenshot(page, 'sync-import-wrong-passphrase');
      expect(await snapshot(page)).toBe(empty);

      await passphrase.fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Open file' }).click();
      await confirmImport(page, 2);
      await screenshot(page, 'sync-import-done');
      await historyShows(fresh, NOTES);
    } finally {
      await closeExtension(fresh);
    }

    // Another fresh profile gets the plain file, and ends with exactly the exported records.
    const second = await launchExtension();
    try {
      const page = await openExtensionPage(second, 'options.html#/sync');
      await chooseImport(page, plainPath);
      await confirmImport(page, 2);
      await historyShows(second, NOTES);
      const [checkIns] = JSON.parse(await snapshot(page)) as [CheckIn[]];
      const byId = (list: CheckIn[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(plain.ok && byId(checkIns)).toEqual(plain.ok && byId(plain.file.checkIns));
    } finally {
      await closeExtension(second);
    }
  });
});

/** Another device's file, as its Debrief would have written it. */
function laptopFile(note: string): string {
  const wall = Date.now() - 3 * 86_400_000;
  const checkIn = storedCheckIn('laptop-check-in-1', { createdMs: wall, startedMs: wall, deviceId: 'laptop' }, null, {
    ratings: { relief: 5, insight: 6, trust: 7, goals: null, resilience: 5, integration: 4 },
    overall: 7,
    notes: { helpful: note, unhelpful: '', takeaway: '', nextTime: '' },
    goalProgress: [],
    tags: [],
    provider: '',
  });
  const file: DebriefExport = {
    format: 'debrief',
    version: 2,
    exportedAt: new Date().toISOString(),
    deviceId: 'laptop',
    checkIns: [checkIn],
    sessions: [],
    goals: [],
    tombstones: [],
    rooms: [],
  };
  return serializeExport(file);
}

/** The sync folder is a real directory handle: Chromium's origin-private file system stands in for the picked folder. */
async function folderFiles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('Sync', { create: true });
    const out: Record<string, string> = {};
    for await (const [name, handle] of folder as unknown as AsyncIterable<[string, FileSystemFileHandle]>) out[name] = await (await handle.getFile()).text();
    return out;
  });
}

describe('sync folder', () => {
  test('merges another device’s file, writes its own after a change, and remembers the folder across reloads', { timeout: 120_000 }, async ({ debrief }) => {
    // No one can click a native folder picker in a test: it returns a real handle instead.
    await debrief.context.addInitScript(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('Sync', { create: true });
    });
    const page = await openExtensionPage(debrief, 'options.html#/sync');
    const laptopNote = 'Written on the laptop, merged here';
    await page.evaluate(async (text) => {
      const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('Sync', { create: true });
      const writable = await (await folder.getFileHandle('debrief-laptop.json', { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }, laptopFile(laptopNote));

    await page.getByRole('button', { name: 'Choose sync folder' }).click();
    await page.locator('.sync-report li').filter({ hasText: 'debrief-laptop.json: merged, 1 new' }).waitFor();
    await screenshot(page, 'sync-folder-merged');
    const own = Object.keys(await folderFiles(page)).find((name) => name !== 'debrief-laptop.json')!;
    expect(own).toMatch(/^debrief-[0-9a-f]{8}\.json$/);

    // A check-in saved elsewhere while the options page is open is written to our file.
    await checkInFromPopup(debrief, NOTES[0]!, 5);
    await expect.poll(async () => (await folderFiles(page))[own] ?? '', { timeout: 20_000 }).toContain(NOTES[0]);
    const ownFile = parseExport((await folderFiles(page))[own]!);
    expect(ownFile.ok && ownFile.file.checkIns.map((checkIn) => checkIn.notes.helpful).sort()).toEqual([NOTES[0], laptopNote].sort());

    // The handle was kept in IndexedDB: after a reload the view syncs again on opening.
    await page.reload();
    await page.locator('.sync-report li').filter({ hasText: 'debrief-laptop.json: merged, nothing new' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).waitFor();
    await historyShows(debrief, [NOTES[0]!, laptopNote]);
  });
});

describe('automatic backup', () => {
  test('the service worker saves a dated backup through the downloads API (data: URL) and removes its own beyond the last N', { timeout: 120_000 }, async ({ debrief }) => {
    await checkInFromPopup(debrief, NOTES[1]!, 7);
    const page = await openExtensionPage(debrief, 'options.html#/sync');
    await page.getByLabel('Backups to keep').fill('1');
    await page.getByRole('group', { name: 'Back up automatically' }).getByRole('radio', { name: 'Daily' }).check();

    // Turning it on makes the first backup at once, from the service worker.
    await expect.poll(async () => (await downloadsIn(debrief.serviceWorker)).filter((item) => item.state === 'complete').length, { timeout: 30_000 }).toBe(1);
    const [first] = await downloadsIn(debrief.serviceWorker);
    expect(first!.url).toBe('data:application/json;base64,');
    const backup = parseExport(readFileSync(first!.filename, 'utf8'));
    expect(backup.ok && backup.file.checkIns.map((checkIn) => checkIn.notes.helpful)).toEqual([NOTES[1]]);
    await page.getByText(/^Last backup: .*Debrief backups\/debrief-backup-\d{4}-\d{2}-\d{2}\.json\.$/).waitFor();
    await screenshot(page, 'sync-backup');

    // Keeping 1: the next backup removes the first file and forgets its download.
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved Debrief backups\/debrief-backup-.*removed 1 older backup/ }).waitFor();
    await expect.poll(async () => (await downloadsIn(debrief.serviceWorker)).map((item) => item.id)).not.toContain(first!.id);
    expect(existsSync(first!.filename)).toBe(false);
  });
});

describe('delete everything', () => {
  test('a modal dialog offers a last export, deletes only after DELETE is typed, and keeps the settings', { timeout: 60_000 }, async ({ debrief }) => {
    await checkInFromPopup(debrief, NOTES[0]!, 4);
    const page = await openExtensionPage(debrief, 'options.html#/sync');
    await page.getByRole('radio', { name: 'Weekly' }).check();
    const opener = page.getByRole('button', { name: 'Delete everything…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Export first' }).evaluate((button) => button === document.activeElement)).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export first' }).click()]);
    const lastCopy = join(files, 'last-copy.json');
    await download.saveAs(lastCopy);
    expect(parseExport(readFileSync(lastCopy, 'utf8')).ok).toBe(true);

    const confirm = dialog.getByRole('button', { name: 'Delete everything', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
    await screenshot(page, 'sync-delete-dialog');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Deleted 1 check-in' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(JSON.parse(await snapshot(page))).toEqual([[], [], [], [], []]);

    await page.reload();
    expect(await page.getByRole('radio', { name: 'Weekly' }).isChecked()).toBe(true);
  });
});
