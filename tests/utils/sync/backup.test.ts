import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyNotes } from '@/utils/checkin/instrument';
import { saveCheckIn } from '@/utils/db/checkins';
import { getDb, resetSharedDb, type DebriefDb } from '@/utils/db/open';
import { DB_NAME } from '@/utils/db/schema';
import {
  backupFileName,
  backupsToPrune,
  isBackupDue,
  jsonDataUrl,
  latestBackup,
  parseBackupKeep,
  runBackup,
  type BackupDownloads,
  type BackupFrequency,
  type BackupRecord,
} from '@/utils/sync/backup';
import { parseExport } from '@/utils/sync/format';
import { newCheckIn } from '../../support/db-fixture';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T = new Date(2026, 10, 26, 9, 0).getTime();

describe('backup file name', () => {
  it.each([
    [new Date(2026, 10, 26, 9, 0), 'Debrief backups/debrief-backup-2026-11-26.json'],
    // Local calendar, not UTC: a backup just after midnight is dated that day.
    [new Date(2026, 0, 1, 0, 5), 'Debrief backups/debrief-backup-2026-01-01.json'],
    [new Date(2027, 11, 31, 23, 59), 'Debrief backups/debrief-backup-2027-12-31.json'],
  ])('%s → %s', (date, name) => {
    expect(backupFileName(date)).toBe(name);
  });
});

describe('when a backup is due', () => {
  it.each<[BackupFrequency, number | null, number, boolean]>([
    ['off', null, T, false],
    ['off', T - 30 * DAY, T, false],
    ['daily', null, T, true],
    ['daily', T - DAY, T, true],
    // The hourly check may land a little before the same time tomorrow.
    ['daily', T - DAY + 30 * 60 * 1000, T, true],
    ['daily', T - 20 * HOUR, T, false],
    ['daily', T - 5 * 60 * 1000, T, false],
    ['weekly', null, T, true],
    ['weekly', T - 6 * DAY, T, false],
    ['weekly', T - 7 * DAY, T, true],
    ['weekly', T - 30 * DAY, T, true],
    // The clock was set back by more than a period: do not wait that long.
    ['daily', T + 3 * DAY, T, true],
    ['weekly', T + 2 * DAY, T, false],
  ])('%s, last %s, now %s → %s', (frequency, last, now, due) => {
    expect(isBackupDue(frequency, last, now)).toBe(due);
  });
});

const record = (downloadId: number, daysAgo: number): BackupRecord => ({
  downloadId,
  filename: backupFileName(new Date(T - daysAgo * DAY)),
  createdMs: T - daysAgo * DAY,
});

describe('keeping the last N backups', () => {
  const nine = [3, 0, 8, 1, 7, 2, 6, 4, 5].map((daysAgo) => record(100 + daysAgo, daysAgo));

  it.each([
    [7, [108, 107]],
    [3, [108, 107, 106, 105, 104, 103]],
    [9, []],
    [20, []],
    // Keeping zero would delete the backup just made: at least one always stays.
    [0, [108, 107, 106, 105, 104, 103, 102, 101]],
  ])('keep %i removes %j, oldest first', (keep, removed) => {
    expect(backupsToPrune(nine, keep).map((old) => old.downloadId)).toEqual(removed);
  });

  it('finds the newest backup', () => {
    expect(latestBackup(nine)?.downloadId).toBe(100);
    expect(latestBackup([])).toBeNull();
  });

  it.each([
    ['7', 7],
    [' 12 ', 12],
    ['1', 1],
    ['100', 100],
    ['0', null],
    ['101', null],
    ['2.5', null],
    ['', null],
    ['-3', null],
  ])('"%s" as a number to keep → %s', (text, keep) => {
    expect(parseBackupKeep(text)).toBe(keep);
  });
});

/** The text inside a base64 data: URL, decoded here independently of the code under test. */
function dataUrlText(url: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (char) => char.charCodeAt(0)));
}

describe('data: URL for the service worker', () => {
  it.each(['{"a":1}', '{"note":"Überlegung — café 😊"}', ''])('round-trips %j as UTF-8', (text) => {
    const url = jsonDataUrl(text);
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    expect(dataUrlText(url)).toBe(text);
  });

  it('encodes a file larger than one chunk', () => {
    const text = JSON.stringify({ notes: 'x'.repeat(200_000) + 'é' });
    expect(dataUrlText(jsonDataUrl(text))).toBe(text);
  });
});

describe('running a backup', () => {
  let db: DebriefDb;
  beforeEach(async () => {
    db = await getDb();
  });
  afterEach(async () => {
    db.close();
    resetSharedDb();
    await deleteDB(DB_NAME);
  });

  function fakeDownloads(missing: number[] = []) {
    const saved: { id: number; url: string; filename: string }[] = [];
    const removed: number[] = [];
    const erased: number[] = [];
    let next = 500;
    const downloads: BackupDownloads = {
      download: async ({ url, filename }) => {
        saved.push({ id: next, url, filename });
        return next++;
      },
      removeFile: async (id) => {
        if (missing.includes(id)) throw new Error('Download file not found');
        removed.push(id);
      },
      erase: async ({ id }) => {
        erased.push(id);
        return [id];
      },
    };
    return { downloads, saved, removed, erased };
  }

  it('saves everything under a dated name and removes only its own backups beyond the last N', async () => {
    await saveCheckIn(db, newCheckIn({ overall: 8, notes: { ...emptyNotes(), helpful: 'Backed up' } }));
    // Day 5 was deleted by hand from the downloads folder: it is still forgotten.
    const fake = fakeDownloads([105]);
    let stored = [1, 2, 3, 4, 5].map((daysAgo) => record(100 + daysAgo, daysAgo));
    const result = await runBackup({
      db,
      downloads: fake.downloads,
      records: { get: async () => stored, set: async (records) => void (stored = records) },
      keep: 3,
      now: new Date(T),
    });

    expect(fake.saved).toHaveLength(1);
    expect(fake.saved[0]!.filename).toBe('Debrief backups/debrief-backup-2026-11-26.json');
    expect(fake.saved[0]!.url.startsWith('data:application/json;base64,')).toBe(true);
    const parsed = parseExport(dataUrlText(fake.saved[0]!.url));
    expect(parsed.ok && parsed.file.checkIns.map((checkIn) => checkIn.notes.helpful)).toEqual(['Backed up']);

    expect(result.removed.map((old) => old.downloadId)).toEqual([105, 104, 103]);
    expect(fake.removed).toEqual([104, 103]);
    expect(fake.erased).toEqual([105, 104, 103]);
    expect(stored.map((kept) => kept.downloadId).sort()).toEqual([101, 102, 500]);
  });

  it('records nothing when the download fails', async () => {
    const fake = fakeDownloads();
    fake.downloads.download = async () => {
      throw new Error('Invalid filename');
    };
    let stored = [record(101, 1)];
    await expect(
      runBackup({ db, downloads: fake.downloads, records: { get: async () => stored, set: async (r) => void (stored = r) }, keep: 1 }),
    ).rejects.toThrow('Invalid filename');
    expect(stored.map((kept) => kept.downloadId)).toEqual([101]);
    expect(fake.erased).toEqual([]);
  });
});
