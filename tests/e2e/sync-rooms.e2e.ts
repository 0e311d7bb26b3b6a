/**
 * Rooms travel with the data, in real Chromium with the built extension: rooms taught in Settings
 * on one profile are listed in Settings on another after an export and an import through the Sync
 * view; a room muted on one profile and made a therapy room later on the other ends as a therapy
 * room on both once they exchange files (the newest answer wins, whichever file comes first).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Room } from '../../utils/db/schema';
import { parseExport } from '../../utils/sync/format';
import { readStore } from './page-db';
import { closeExtension, launchExtension, openExtensionPage, screenshot, type Debrief } from './harness';
import { chooseImport, confirmImport, exportThroughUi } from './sync-ui';

const files = mkdtempSync(join(tmpdir(), 'debrief-sync-rooms-e2e-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

const THERAPY_LINK = 'https://us06web.zoom.us/j/81234567890?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1';
const THERAPY_ROOM = 'Zoom meeting 812 3456 7890';
/** Room lists are read whole each time: give a slow machine time. */
const POLL = { timeout: 20_000, interval: 250 };
const WORK_LINK = 'https://meet.google.com/abc-mnop-xyz';

async function openSettings(debrief: Debrief): Promise<Page> {
  const page = await openExtensionPage(debrief, 'options.html#/settings');
  await page.getByRole('heading', { name: 'Meeting rooms' }).waitFor();
  return page;
}

/** The rooms listed once the page is opened again: what was stored, not what the fields hold. */
async function reread(page: Page): Promise<string[]> {
  await page.reload();
  await page.getByRole('heading', { name: 'Meeting rooms' }).waitFor();
  return listedRooms(page);
}

/** Pastes a meeting link in Settings and adds it as a therapy room or mutes it, as a person would. */
async function addRoom(page: Page, link: string, button: 'Add as a therapy room' | 'Mute this meeting'): Promise<void> {
  await page.getByLabel('Paste a meeting link').fill(link);
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.getByLabel('Paste a meeting link').inputValue()).toBe('');
}

/** The rooms Settings lists, as "list: room (name)" lines. */
async function listedRooms(page: Page): Promise<string[]> {
  const lines: string[] = [];
  const section = page.getByRole('region', { name: 'Meeting rooms' });
  for (const list of await section.getByRole('list').all()) {
    const name = await list.getAttribute('aria-label');
    for (const item of await list.getByRole('listitem').all()) {
      const room = (await item.locator('span').first().textContent()) ?? '';
      const given = await item.getByRole('textbox', { name: /^Name of / }).inputValue({ timeout: 2_000 });
      lines.push(`${name}: ${room}${given ? ` (${given})` : ''}`);
    }
  }
  return lines.sort();
}

async function exportFrom(debrief: Debrief, name: string): Promise<string> {
  const sync = await openExtensionPage(debrief, 'options.html#/sync');
  const path = await exportThroughUi(sync, join(files, name));
  await sync.close();
  return path;
}

async function importInto(debrief: Debrief, path: string, expectedNew: number): Promise<void> {
  const sync = await openExtensionPage(debrief, 'options.html#/sync');
  await chooseImport(sync, path);
  await confirmImport(sync, expectedNew);
  await sync.close();
}

describe('rooms in the export file', () => {
  it('rooms taught in Settings on one profile, with their names, are listed on another after export and import', { timeout: 240_000 }, async () => {
    const [laptop, phone] = [await launchExtension(), await launchExtension()];
    try {
      const settings = await openSettings(laptop);
      await addRoom(settings, THERAPY_LINK, 'Add as a therapy room');
      await addRoom(settings, WORK_LINK, 'Mute this meeting');
      await expect.poll(async () => (await listedRooms(settings)).length, POLL).toBe(2);
      // The name is kept when the field is left, as a person moves on.
      await settings.getByRole('textbox', { name: `Name of ${THERAPY_ROOM}` }).fill('Dr. Rivera');
      await settings.keyboard.press('Tab');
      await expect.poll(async () => (await readStore<Room>(settings, 'rooms')).map((room) => room.name), POLL).toContain('Dr. Rivera');
      expect(await reread(settings)).toContain(`Therapy rooms on Zoom: ${THERAPY_ROOM} (Dr. Rivera)`);
      const taught = await listedRooms(settings);
      expect(taught).toHaveLength(2);

      const path = await exportFrom(laptop, 'laptop.json');
      const file = parseExport(readFileSync(path, 'utf8'));
      expect(file.ok && file.file.rooms.map((room) => [room.kind, room.name])).toEqual(expect.arrayContaining([['therapy', 'Dr. Rivera'], ['muted', '']]));

      await importInto(phone, path, 2);
      const other = await openSettings(phone);
      await expect.poll(() => listedRooms(other), POLL).toEqual(taught);
      await screenshot(other, 'sync-rooms-imported');
    } finally {
      await closeExtension(laptop);
      await closeExtension(phone);
    }
  });

  it('a room muted on one profile and made a therapy room later on the other is a therapy room on both after they exchange files', { timeout: 240_000 }, async () => {
    const [one, two] = [await launchExtension(), await launchExtension()];
    try {
      const first = await openSettings(one);
      await addRoom(first, THERAPY_LINK, 'Mute this meeting');
      await expect.poll(() => listedRooms(first), POLL).toEqual([`Muted meetings on Zoom: ${THERAPY_ROOM}`]);
      // The later answer: the stamps' wall clock must move on between the two profiles.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = await openSettings(two);
      await addRoom(second, THERAPY_LINK, 'Add as a therapy room');
      const [fromOne, fromTwo] = [await exportFrom(one, 'one.json'), await exportFrom(two, 'two.json')];
      await importInto(one, fromTwo, 0);
      await importInto(two, fromOne, 0);
      for (const debrief of [one, two]) {
        const page = await openSettings(debrief);
        await expect.poll(() => listedRooms(page), POLL).toEqual([`Therapy rooms on Zoom: ${THERAPY_ROOM}`]);
      }
    } finally {
      await closeExtension(one);
      await closeExtension(two);
    }
  });
});
