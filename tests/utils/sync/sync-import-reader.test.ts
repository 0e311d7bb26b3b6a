/** One import reader: the Sync page, the sync folder and importText read a file the same way, with the same messages. */
import { describe, expect, it } from 'vitest';
import { importText } from '@/utils/sync/apply';
import { syncWithFolder } from '@/utils/sync/folder';
import { exportData, serializeExport } from '@/utils/sync/export';
import { deleteDB } from 'idb';
import { saveCheckIn } from '@/utils/db/checkins';
import { readLock } from '@/utils/db/lock';
import { turnLockOn } from '@/utils/db/lock-turn';
import { openDebriefDb } from '@/utils/db/open';
import { forgetUnlocked } from '@/utils/lock/session';
import { readImport, type ImportSource } from '@/utils/sync/read';
import { checkIn, exportOf, stamp } from '../../support/sync-fixtures';
import { newCheckIn, useTestDb } from '../../support/db-fixture';

const currentDb = useTestDb('sync-import-reader-test');
const good = serializeExport(exportOf({ checkIns: [checkIn('c1', stamp(1))] }));

/** A file as the browser hands it over; `size` may claim more than its text, as a huge file would. */
function source(text: string, size = new TextEncoder().encode(text).length): ImportSource & { name: string } {
  return { name: 'debrief-laptop.json', size, text: async () => text };
}

/** A sync folder holding one other device's file. */
function folderWith(file: ImportSource & { name: string }): FileSystemDirectoryHandle {
  const handle = { kind: 'file', name: file.name, getFile: async () => file };
  const folder = {
    kind: 'directory',
    async *values() {
      yield handle;
    },
    getFileHandle: async () => ({ createWritable: async () => ({ write: async () => undefined, close: async () => undefined }) }),
  };
  return folder as unknown as FileSystemDirectoryHandle;
}

describe('every import reads a file the one way', () => {
  it.each([
    ['larger than the limit', source(good, 210 * 1024 * 1024), 'This file is 210 MB, larger than the 200.1 MB Debrief can import.'],
    ['not JSON', source('hello, I am a note'), expect.stringContaining('it is not valid JSON')],
    ['empty', source(''), 'This file is empty.'],
    ['from another app', source(JSON.stringify({ app: 'moodtracker', entries: [] })), expect.stringContaining('not a Debrief export')],
  ])('a file %s: the same message from the reader and from the sync folder, and nothing written', async (_case, file, message) => {
    const db = currentDb();
    const read = await readImport(file);
    expect(read).toEqual({ ok: false, error: message, needsPassphrase: false });

    const synced = await syncWithFolder(db, folderWith(file), { deviceName: 'desk', passphrase: '', encrypt: false });
    expect(synced.files).toEqual([{ name: file.name, ok: false, error: read.ok ? null : read.error }]);
    expect(await db.count('checkIns')).toBe(0);
  });

  it.each([
    ['not JSON', 'hello, I am a note'],
    ['empty', ''],
    ['from another app', JSON.stringify({ app: 'moodtracker', entries: [] })],
  ])('text %s: importText answers what the reader answers', async (_case, text) => {
    const read = await readImport(source(text));
    expect(await importText(currentDb(), text)).toEqual(read);
  });

  it('a good file reads whole and imports', async () => {
    const read = await readImport(source(good));
    expect(read).toMatchObject({ ok: true, encrypted: false, file: { checkIns: [{ id: 'c1' }] } });
    const synced = await syncWithFolder(currentDb(), folderWith(source(good)), { deviceName: 'desk', passphrase: '', encrypt: false });
    expect(synced.files).toMatchObject([{ ok: true }]);
    expect(await currentDb().count('checkIns')).toBe(1);
  });

  it('a file saved locked on another device: the sync folder leaves it, says it waits for its passphrase, and takes on no lock', async () => {
    const other = await openDebriefDb('sync-import-reader-locked');
    await saveCheckIn(other, newCheckIn());
    await turnLockOn(other, 'blue kettle at dawn', 1_000);
    await forgetUnlocked();
    const locked = serializeExport(await exportData(other));
    other.close();
    await deleteDB('sync-import-reader-locked');

    const db = currentDb();
    const synced = await syncWithFolder(db, folderWith(source(locked)), { deviceName: 'desk', passphrase: '', encrypt: false });
    expect(synced.files).toEqual([
      { name: 'debrief-laptop.json', ok: false, error: expect.stringMatching(/locked on another device\. Import it .* The file was left as it is\.$/) },
    ]);
    expect(await db.count('checkIns')).toBe(0);
    expect(await readLock(db)).toBeUndefined();
  });
});
