/**
 * The sync folder as a service for one page: one folder operation at a time (two writers must not
 * race on this device's file), who is told when the file was written, and the automatic write after
 * every change. Everything it reads comes in through its dependencies.
 */
import { deviceIdIn } from '../db/meta';
import type { DebriefDb } from '../db/open';
import type { CryptoOptions } from './crypto';
import {
  changeStamp,
  defaultDeviceName,
  folderAccess,
  forgetSyncFolder,
  loadSyncFolder,
  saveSyncFolder,
  supportsSyncFolder,
  syncWithFolder,
  writeOwnSyncFile,
  type FolderOptions,
  type SyncFolderHandle,
} from './folder';
import { watchForChanges } from '../watch-changes';

/** Where the chosen folder's handle is kept: IndexedDB in the extension, memory in tests. */
export interface FolderStore {
  load(db: DebriefDb): Promise<SyncFolderHandle | null>;
  save(db: DebriefDb, folder: SyncFolderHandle): Promise<void>;
  forget(db: DebriefDb): Promise<void>;
}

export const idbFolderStore: FolderStore = { load: loadSyncFolder, save: saveSyncFolder, forget: forgetSyncFolder };

/** The person's sync settings. */
export interface FolderSettings {
  deviceName(): Promise<string>;
  encrypt(): Promise<boolean>;
  passphrase(): Promise<string>;
}

export interface SyncFolderServiceDeps {
  openDb: () => Promise<DebriefDb>;
  settings: FolderSettings;
  store?: FolderStore;
  crypto?: CryptoOptions;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

export type SyncFolderService = ReturnType<typeof createSyncFolderService>;

/** A sync folder service; a page makes one and shares it between its views. */
export function createSyncFolderService({
  openDb,
  settings,
  store = idbFolderStore,
  crypto,
  now = () => new Date(),
  onError = (error) => console.error('Debrief sync folder:', error),
}: SyncFolderServiceDeps) {
  let turn: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(at: Date) => void>();
  let lastWrittenAt: Date | null = null;
  let stopAutoWrite: (() => void) | null = null;

  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = turn.then(work, work);
    turn = next.catch(() => undefined);
    return next;
  }

  function noteWritten(at: Date): void {
    lastWrittenAt = at;
    listeners.forEach((listener) => listener(at));
  }

  async function deviceIdOf(db: DebriefDb): Promise<string> {
    const tx = db.transaction(['meta'], 'readwrite');
    const id = await deviceIdIn(tx);
    await tx.done;
    return id;
  }

  /** This device's file options, and the name it has before the person names it. */
  async function options(db: DebriefDb): Promise<FolderOptions & { defaultName: string }> {
    const [name, encrypt, passphrase, deviceId] = await Promise.all([
      settings.deviceName(),
      settings.encrypt(),
      settings.passphrase(),
      deviceIdOf(db),
    ]);
    const defaultName = defaultDeviceName(deviceId);
    return { deviceName: name || defaultName, defaultName, encrypt, passphrase, crypto };
  }

  /** Writes this device's file now (not when encryption waits for its passphrase). */
  async function writeNow(db: DebriefDb, folder: SyncFolderHandle): Promise<void> {
    const opts = await options(db);
    if (opts.encrypt && !opts.passphrase) return;
    await inTurn(() => writeOwnSyncFile(db, folder, opts));
    noteWritten(now());
  }

  return {
    store,
    options,
    writeNow,
    /** Merges the other devices' files and writes ours. */
    async sync(folder: SyncFolderHandle) {
      const db = await openDb();
      const opts = await options(db);
      const result = await inTurn(() => syncWithFolder(db, folder, opts));
      if (result.wrote) noteWritten(now());
      return result;
    },
    /** Removes one of our own files (after a rename), in turn with every other operation. */
    removeFile(folder: SyncFolderHandle, name: string): Promise<void> {
      return inTurn(() => folder.removeEntry(name).catch(() => undefined));
    },
    /** Called with the time whenever this device's file was written; returns the unsubscribe. */
    onWritten(listener: (at: Date) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastWrittenAt: () => lastWrittenAt,
    /**
     * Writes this device's file after every change while the page is open (only a page holds the
     * folder permission). A second start while one runs is a no-op.
     */
    startAutoWrite({ win = globalThis, intervalMs }: { win?: object; intervalMs?: number } = {}): () => void {
      if (!supportsSyncFolder(win) || stopAutoWrite) return () => undefined;
      const stop = watchForChanges(
        async () => changeStamp(await openDb()),
        async () => {
          const db = await openDb();
          const folder = await store.load(db);
          if (folder && (await folderAccess(folder, false)) === 'granted') await writeNow(db, folder);
        },
        { intervalMs, onError },
      );
      stopAutoWrite = () => {
        stop();
        stopAutoWrite = null;
      };
      return stopAutoWrite;
    },
  };
}
