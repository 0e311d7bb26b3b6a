import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncView } from '@/entrypoints/options/views/Sync';
import { SyncFolderSection } from '@/entrypoints/options/views/SyncFolderSection';
import { storedFolderSettings } from '@/entrypoints/options/services';
import { createSyncFolderService, type FolderStore } from '@/utils/sync/folder-service';
import { emptyNotes } from '@/utils/checkin/instrument';
import { saveCheckIn } from '@/utils/db/checkins';
import { getDb, resetSharedDb, type DebriefDb } from '@/utils/db/open';
import { DB_NAME } from '@/utils/db/schema';
import { exportData, exportText, serializeExport } from '@/utils/sync/export';
import { isOtherDeviceFile, syncFileName, type SyncFolderHandle } from '@/utils/sync/folder';
import { parseExport, type DebriefExport } from '@/utils/sync/format';
import { readExportText } from '@/utils/sync/read';
import { syncDeviceName, syncEncrypt, syncPassphrase } from '@/utils/storage';
import { checkIn, stamp } from '../../support/sync-fixtures';
import { newCheckIn } from '../../support/db-fixture';

const FAST = { iterations: 1_000, minIterations: 1_000 };

/** A folder in memory with the File System Access methods Debrief uses. */
function memoryFolder(files: Map<string, string>, access: PermissionState = 'granted') {
  const state = { access, asked: 0 };
  const fileHandle = (name: string) => ({
    kind: 'file' as const,
    name,
    getFile: async () => new File([files.get(name) ?? ''], name),
    createWritable: async () => {
      let text = '';
      return { write: async (chunk: string) => void (text += chunk), close: async () => void files.set(name, text) };
    },
  });
  const folder = {
    kind: 'directory',
    name: 'Dropbox',
    async *values() {
      for (const name of [...files.keys()]) yield fileHandle(name);
    },
    getFileHandle: async (name: string, { create = false } = {}) => {
      if (!files.has(name) && !create) throw new DOMException('missing', 'NotFoundError');
      return fileHandle(name);
    },
    removeEntry: async (name: string) => void files.delete(name),
    queryPermission: async () => state.access,
    requestPermission: async () => {
      state.asked++;
      state.access = 'granted';
      return state.access;
    },
  };
  return { folder: folder as unknown as SyncFolderHandle, state };
}

function memoryStore(initial: SyncFolderHandle | null = null): FolderStore & { held: SyncFolderHandle | null } {
  const store = {
    held: initial,
    load: async () => store.held,
    save: async (_db: DebriefDb, folder: SyncFolderHandle) => void (store.held = folder),
    forget: async () => void (store.held = null),
  };
  return store;
}

function otherDevice(checkIns: ReturnType<typeof checkIn>[]): DebriefExport {
  return {
    format: 'debrief',
    version: 2,
    exportedAt: '2026-11-20T10:00:00.000+01:00',
    deviceId: 'laptop-0000-4000-8000-000000000000',
    checkIns,
    sessions: [],
    goals: [],
    tombstones: [],
    rooms: [],
  };
}

let db: DebriefDb;
let deviceId: string;
beforeEach(async () => {
  db = await getDb();
  deviceId = (await exportData(db)).deviceId;
});
afterEach(async () => {
  cleanup();
  db.close();
  resetSharedDb();
  await deleteDB(DB_NAME);
});

/** The lines of the last sync's report, as read out. */
function reportItems(): string[] {
  return [...document.querySelectorAll('.sync-report li')].map((item) => item.textContent ?? '');
}

function renderFolder(store: FolderStore, win: object) {
  const service = createSyncFolderService({ openDb: getDb, settings: storedFolderSettings, store, crypto: FAST, now: () => new Date(2026, 10, 26, 9, 30) });
  render(<SyncFolderSection openDb={getDb} win={win} service={service} />);
}

describe('sync folder', () => {
  it('says plainly when the browser has no File System Access API and points to export and import', async () => {
    render(<SyncView win={{}} downloads={null} saveFile={() => undefined} />);
    const notice = await screen.findByText(/This browser cannot use a sync folder/);
    expect(notice.textContent).toContain('Export all data');
    expect(notice.textContent).toContain('Import a file');
    expect(screen.queryByRole('button', { name: 'Choose sync folder' })).toBeNull();
  });

  it('once chosen, merges the other devices’ files, reports what it merged and writes its own file', async () => {
    await saveCheckIn(db, newCheckIn({ overall: 6, notes: { ...emptyNotes(), helpful: 'Written here' } }));
    const files = new Map([
      ['debrief-laptop.json', serializeExport(otherDevice([checkIn('from-laptop', stamp(5, 0, 'laptop'))]))],
      ['debrief-old-phone.json', '{"format":"debrief","version":1,'],
      ['notes.txt', 'not ours'],
    ]);
    const { folder } = memoryFolder(files);
    const store = memoryStore();
    renderFolder(store, { showDirectoryPicker: async () => folder });

    fireEvent.click(await screen.findByRole('button', { name: 'Choose sync folder' }));
    await screen.findByText(/Synced with 2 other device files/);
    const [laptop, phone] = reportItems();
    expect(laptop).toBe('debrief-laptop.json: merged, 1 new');
    expect(phone).toMatch(/^debrief-old-phone\.json: not merged\. This file is incomplete/);
    expect(store.held).toBe(folder);
    expect(screen.getByText('Dropbox')).toBeTruthy();

    expect(await db.get('checkIns', 'from-laptop')).toBeTruthy();
    const own = parseExport(files.get(`debrief-${deviceId.slice(0, 8)}.json`)!);
    expect(own.ok && own.file.checkIns.map((c) => c.notes.helpful).sort()).toEqual(['Naming the pattern', 'Written here']);
    expect(files.get('notes.txt')).toBe('not ours');
  });

  it('after a browser restart asks for access with a click before touching the folder', async () => {
    const files = new Map([['debrief-laptop.json', serializeExport(otherDevice([checkIn('from-laptop', stamp(5))]))]]);
    const { folder, state } = memoryFolder(files, 'prompt');
    renderFolder(memoryStore(folder), { showDirectoryPicker: async () => folder });
    const allow = await screen.findByRole('button', { name: 'Allow access to the sync folder' });
    expect(await db.count('checkIns')).toBe(0);
    expect(files.size).toBe(1);
    fireEvent.click(allow);
    await screen.findByText(/Synced with 1 other device file:/);
    expect(state.asked).toBe(1);
    expect(await db.count('checkIns')).toBe(1);
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
  });

  it('writes an encrypted file with the session passphrase, and opens encrypted files from other devices with it', async () => {
    await syncEncrypt.setValue(true);
    await syncDeviceName.setValue('Work laptop');
    const files = new Map([
      ['debrief-home.json', await exportText(otherDevice([checkIn('from-home', stamp(5))]), 'our shared secret', FAST)],
    ]);
    const { folder } = memoryFolder(files);
    renderFolder(memoryStore(folder), { showDirectoryPicker: async () => folder });

    await waitFor(() =>
      expect(reportItems()).toEqual(['debrief-home.json: not merged. This file is encrypted: enter the sync passphrase to merge it.']),
    );
    expect(screen.getByText(/until you do, this device's encrypted file is not written/)).toBeTruthy();
    expect(files.has('debrief-work-laptop.json')).toBe(false);

    fireEvent.input(screen.getByLabelText('Sync passphrase'), { target: { value: 'our shared secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use passphrase' }));
    await waitFor(() => expect(reportItems()).toEqual(['debrief-home.json: merged, 1 new']));
    expect(await syncPassphrase.getValue()).toBe('our shared secret');
    const ours = files.get('debrief-work-laptop.json')!;
    expect(ours).not.toContain('from-home');
    const opened = await readExportText(ours, 'our shared secret', FAST);
    expect(opened.ok && opened.file.checkIns.map((c) => c.id)).toEqual(['from-home']);
  });

  it('renaming the device renames its file, so the old one is not merged back as another device', async () => {
    const files = new Map<string, string>();
    const { folder } = memoryFolder(files);
    renderFolder(memoryStore(folder), { showDirectoryPicker: async () => folder });
    await screen.findByText(/No other device has written a file/);
    expect([...files.keys()]).toEqual([`debrief-${deviceId.slice(0, 8)}.json`]);
    const name = screen.getByLabelText('Device name');
    fireEvent.change(name, { target: { value: 'Home PC' } });
    await waitFor(() => expect([...files.keys()]).toEqual(['debrief-home-pc.json']));
  });

  it('writes its file again after every change while the page is open', async () => {
    const files = new Map<string, string>();
    const { folder } = memoryFolder(files);
    const service = createSyncFolderService({ openDb: getDb, settings: storedFolderSettings, store: memoryStore(folder) });
    const stop = service.startAutoWrite({ win: { showDirectoryPicker: async () => folder }, intervalMs: 20 });
    try {
      const ownName = `debrief-${deviceId.slice(0, 8)}.json`;
      await new Promise((resolve) => setTimeout(resolve, 60));
      await saveCheckIn(db, newCheckIn({ overall: 3, notes: { ...emptyNotes(), helpful: 'Just saved' } }));
      await waitFor(() => expect(files.get(ownName) ?? '').toContain('Just saved'));
    } finally {
      stop();
    }
  });
});

describe('sync file names', () => {
  it.each([
    ['Work laptop', 'debrief-work-laptop.json'],
    ['Café Über PC', 'debrief-cafe-uber-pc.json'],
    ['../../etc/passwd', 'debrief-etc-passwd.json'],
    ['   ', 'debrief-device.json'],
    ['📱', 'debrief-device.json'],
    ['a'.repeat(60), `debrief-${'a'.repeat(40)}.json`],
  ])('%j → %s', (name, file) => {
    expect(syncFileName(name)).toBe(file);
  });

  it.each([
    ['debrief-laptop.json', true],
    ['Debrief-Laptop.JSON', true],
    ['debrief-me.json', false],
    ['debrief-backup-2026-11-26.json', false],
    ['debrief-laptop.json.tmp', false],
    ['notes.json', false],
  ])('%s is another device’s file: %s', (name, other) => {
    expect(isOtherDeviceFile(name, 'debrief-me.json')).toBe(other);
  });
});
