/**
 * Devices converge, in real Chromium with the built extension: the check-in form holds a note at
 * its limit and refuses a longer one (from a kept draft) with a count and a message, losing
 * nothing; two profiles that imported a check-in and a goal sharing one id in opposite orders
 * take each other's exports through the Sync view and end with the same data.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { emptyNotes, emptyRatings } from '../../utils/checkin/instrument';
import { MAX_NOTE_LENGTH } from '../../utils/checkin/limits';
import { formatHlc } from '../../utils/db/hlc';
import { serializeExport } from '../../utils/sync/export';
import type { DebriefExport } from '../../utils/sync/format';
import { storedCheckIn } from '../seed/records';
import { readStore } from './page-db';
import { test } from './fixtures';
import { chooseImport, confirmImport, exportThroughUi } from './sync-ui';
import { closeExtension, launchExtension, openExtensionPage, showMoreNotes, type Debrief } from './harness';

const files = mkdtempSync(join(tmpdir(), 'debrief-converge-e2e-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

async function startManualCheckIn(debrief: Debrief): Promise<Page> {
  const popup = await openExtensionPage(debrief, 'popup.html');
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
  await showMoreNotes(popup);
  return popup;
}

/** A draft kept from before the form held notes at the limit, written as Debrief keeps drafts. */
async function keepDraft(page: Page, helpful: string): Promise<void> {
  const draft = { key: 'manual', savedAt: new Date().toISOString(), ratings: emptyRatings(), overall: 6, notes: { ...emptyNotes(), helpful }, goalProgress: [], tags: [], provider: '' };
  await page.evaluate(async (json: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('debrief');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('could not open the debrief database'));
    });
    const tx = db.transaction('drafts', 'readwrite');
    tx.objectStore('drafts').put(JSON.parse(json));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the draft was not written'));
    });
    db.close();
  }, JSON.stringify(draft));
}

describe('the check-in form and the note limit', () => {
  test('holds a note at the limit with a count, and refuses a longer kept draft with a message, losing nothing', { timeout: 120_000 }, async ({ debrief }) => {
    const popup = await startManualCheckIn(debrief);
    const note = popup.getByLabel('Most helpful moment');
    await note.fill('a'.repeat(MAX_NOTE_LENGTH - 10));
    await popup.getByText('10 characters left').waitFor();
    await note.press('End');
    await note.pressSequentially('bcdefghijklmnop');
    expect((await note.inputValue()).length).toBe(MAX_NOTE_LENGTH);
    await popup.getByText('0 characters left').waitFor();
    await popup.close();

    const page = await openExtensionPage(debrief, 'options.html');
    const long = 'c'.repeat(MAX_NOTE_LENGTH + 50);
    await keepDraft(page, long);
    // With a kept draft the popup opens on the check-in, as it was left.
    const again = await openExtensionPage(debrief, 'popup.html');
    await showMoreNotes(again);
    const kept = again.getByLabel('Most helpful moment');
    await again.getByText('50 characters too many').waitFor();
    await again.getByRole('button', { name: 'Save check-in' }).click();
    await again.getByRole('alert').filter({ hasText: '“Most helpful moment” is 20,050 characters long; it can hold 20,000.' }).waitFor();
    expect(await readStore(page, 'checkIns')).toEqual([]);
    expect(await kept.inputValue()).toBe(long);
  });
});

/** A file another device could have written, holding one record under `id`: a check-in or a goal. */
function fileWith(kind: 'checkIn' | 'goal', id: string, minutesAgo: number): string {
  const wall = Date.now() - minutesAgo * 60_000;
  const deviceId = kind === 'checkIn' ? 'laptop' : 'phone';
  const updatedAt = formatHlc({ wall, counter: 0, deviceId });
  const file: DebriefExport = { format: 'debrief', version: 2, exportedAt: new Date().toISOString(), deviceId, checkIns: [], sessions: [], goals: [], tombstones: [], rooms: [] };
  if (kind === 'goal') {
    file.goals.push({ id, createdAt: new Date(wall).toISOString(), createdMs: wall, updatedAt, deviceId, title: 'Walk every morning', status: 'active' });
  } else {
    const checkIn = storedCheckIn(id, { createdMs: wall, startedMs: wall, deviceId }, null, {
      ratings: { ...emptyRatings(), trust: 8 },
      overall: 7,
      notes: { ...emptyNotes(), helpful: 'The pause before answering' },
      goalProgress: [],
      tags: [],
      provider: '',
    });
    file.checkIns.push({ ...checkIn, updatedAt });
  }
  return serializeExport(file);
}

async function importThroughUi(debrief: Debrief, path: string, expectedNew: number): Promise<void> {
  const page = await openExtensionPage(debrief, 'options.html#/sync');
  await chooseImport(page, path);
  await confirmImport(page, expectedNew);
  await page.close();
}

/** Everything that syncs, sorted, read straight from IndexedDB. */
async function syncedData(debrief: Debrief): Promise<string> {
  const page = await openExtensionPage(debrief, 'options.html');
  const stores = await Promise.all((['checkIns', 'sessions', 'goals', 'tombstones'] as const).map((store) => readStore<{ id: string }>(page, store)));
  await page.close();
  return JSON.stringify(stores.map((records) => [...records].sort((a, b) => a.id.localeCompare(b.id))));
}

describe('a check-in and a goal with one id', () => {
  test('two profiles that took them in opposite orders take each other’s exports and end equal', { timeout: 240_000 }, async ({ debrief }) => {
    const id = 'shared-0f3c9a';
    const checkInPath = join(files, 'check-in.json');
    const goalPath = join(files, 'goal.json');
    writeFileSync(checkInPath, fileWith('checkIn', id, 30));
    writeFileSync(goalPath, fileWith('goal', id, 20));
    const other = await launchExtension();
    try {
      await importThroughUi(debrief, checkInPath, 1);
      await importThroughUi(debrief, goalPath, 1);
      await importThroughUi(other, goalPath, 1);
      // The goal here moves to a new id as the check-in takes its own: the preview says so.
      const page = await openExtensionPage(other, 'options.html#/sync');
      await chooseImport(page, checkInPath);
      await page.locator('.sync-preview').getByText('Kept under a new id').waitFor();
      await confirmImport(page, 1);
      await page.close();
      expect(await syncedData(other)).toBe(await syncedData(debrief));

      const first = await openExtensionPage(debrief, 'options.html#/sync');
      const second = await openExtensionPage(other, 'options.html#/sync');
      const fromFirst = await exportThroughUi(first, join(files, 'first.json'));
      const fromSecond = await exportThroughUi(second, join(files, 'second.json'));
      await chooseImport(first, fromSecond);
      await confirmImport(first, 0);
      await chooseImport(second, fromFirst);
      await confirmImport(second, 0);
      const [one, two] = [await syncedData(debrief), await syncedData(other)];
      expect(two).toBe(one);
      const [checkIns, , goals] = JSON.parse(one) as { id: string; title?: string }[][];
      expect(checkIns!.map((c) => c.id)).toEqual([id]);
      expect(goals!.map((g) => g.title)).toEqual(['Walk every morning']);
    } finally {
      await closeExtension(other);
    }
  });
});
