import { useEffect, useRef, useState } from 'preact/hooks';
import { SyncFolder, type SyncFolderState } from '@/components/SyncFolder';
import { deviceIdIn } from '@/utils/db/meta';
import { t, uiLocale } from '@/utils/i18n';
import type { DebriefDb } from '@/utils/db/open';
import type { CryptoOptions } from '@/utils/sync/crypto';
import {
  changeStamp,
  defaultDeviceName,
  folderAccess,
  forgetSyncFolder,
  loadSyncFolder,
  pickSyncFolder,
  saveSyncFolder,
  supportsSyncFolder,
  syncFileName,
  syncWithFolder,
  watchForChanges,
  writeOwnSyncFile,
  type FolderOptions,
  type SyncFolderHandle,
} from '@/utils/sync/folder';
import { syncDeviceName, syncEncrypt, syncPassphrase } from '@/utils/storage';
import { messageOf } from '@/utils/errors';

/** Where the chosen folder's handle is kept; IndexedDB by default (tests pass a memory one). */
export interface FolderStore {
  load(db: DebriefDb): Promise<SyncFolderHandle | null>;
  save(db: DebriefDb, folder: SyncFolderHandle): Promise<void>;
  forget(db: DebriefDb): Promise<void>;
}

const idbFolderStore: FolderStore = { load: loadSyncFolder, save: saveSyncFolder, forget: forgetSyncFolder };

// One folder operation at a time across this page: two writers must not race on our file.
let folderTurn: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = folderTurn.then(work, work);
  folderTurn = next.catch(() => undefined);
  return next;
}

const written = new Set<(at: Date) => void>();
let lastWrittenAt: Date | null = null;
function noteWritten(at: Date): void {
  lastWrittenAt = at;
  written.forEach((listener) => listener(at));
}

async function deviceIdOf(db: DebriefDb): Promise<string> {
  const tx = db.transaction(['meta'], 'readwrite');
  const id = await deviceIdIn(tx);
  await tx.done;
  return id;
}

async function folderOptions(db: DebriefDb, crypto?: CryptoOptions): Promise<FolderOptions & { defaultName: string }> {
  const [name, encrypt, passphrase, deviceId] = await Promise.all([
    syncDeviceName.getValue(),
    syncEncrypt.getValue(),
    syncPassphrase.getValue(),
    deviceIdOf(db),
  ]);
  const defaultName = defaultDeviceName(deviceId);
  return { deviceName: name || defaultName, defaultName, encrypt, passphrase, crypto };
}

async function writeNow(db: DebriefDb, folder: SyncFolderHandle, crypto?: CryptoOptions): Promise<void> {
  const options = await folderOptions(db, crypto);
  if (options.encrypt && !options.passphrase) return;
  await inTurn(() => writeOwnSyncFile(db, folder, options));
  noteWritten(new Date());
}

let autoWriting = false;

/**
 * Writes this device's file after every change while the page is open (only a page holds
 * the folder permission). Idempotent: a second start while one runs is a no-op.
 */
export function startSyncFolderAutoWrite(
  openDb: () => Promise<DebriefDb>,
  { crypto, win = globalThis, intervalMs, store = idbFolderStore }: { crypto?: CryptoOptions; win?: object; intervalMs?: number; store?: FolderStore } = {},
): () => void {
  if (!supportsSyncFolder(win) || autoWriting) return () => undefined;
  autoWriting = true;
  const stop = watchForChanges(
    async () => changeStamp(await openDb()),
    async () => {
      const db = await openDb();
      const folder = await store.load(db);
      if (folder && (await folderAccess(folder, false)) === 'granted') await writeNow(db, folder, crypto);
    },
    { intervalMs, onError: (error) => console.error('Debrief sync folder:', error) },
  );
  return () => {
    stop();
    autoWriting = false;
  };
}

function folderProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotFoundError') return t('sync.folder.notFound');
  if (name === 'NotAllowedError' || name === 'SecurityError') return t('sync.folder.notAllowed');
  return t('sync.folder.failed', { error: messageOf(error) });
}

export interface SyncFolderSectionProps {
  openDb: () => Promise<DebriefDb>;
  crypto?: CryptoOptions;
  win: object;
  now: () => Date;
  store?: FolderStore;
}

/** Wires the sync folder: merge on open, Sync now, choose/allow/forget, device name and encryption. */
export function SyncFolderSection({ openDb, crypto, win, now, store = idbFolderStore }: SyncFolderSectionProps) {
  const supported = supportsSyncFolder(win);
  const folder = useRef<SyncFolderHandle | null>(null);
  const [state, setState] = useState<SyncFolderState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const format = (at: Date) => at.toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  const patch = (changes: Partial<SyncFolderState>) => setState((current) => (current ? { ...current, ...changes } : current));

  const runSync = async () => {
    if (!folder.current) return;
    setBusy(true);
    setError(null);
    try {
      const db = await openDb();
      const options = await folderOptions(db, crypto);
      const target = folder.current;
      const result = await inTurn(() => syncWithFolder(db, target, options));
      if (result.wrote) noteWritten(now());
      patch({ report: result.files });
    } catch (err) {
      setError(folderProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const guard = <A extends unknown[]>(work: (...args: A) => Promise<void>) => (...args: A) => {
    work(...args).catch((err: unknown) => {
      setBusy(false);
      setError(folderProblem(err));
    });
  };

  useEffect(() => {
    if (!supported) return;
    const onWritten = (at: Date) => patch({ lastWritten: format(at) });
    written.add(onWritten);
    void guard(async () => {
      const db = await openDb();
      const [saved, options] = await Promise.all([store.load(db), folderOptions(db, crypto)]);
      folder.current = saved;
      const access = saved ? await folderAccess(saved, false) : null;
      setState({
        folderName: saved?.name ?? null,
        access,
        deviceName: options.deviceName === options.defaultName ? '' : options.deviceName,
        defaultDeviceName: options.defaultName,
        ownFile: syncFileName(options.deviceName),
        encrypt: options.encrypt,
        hasPassphrase: options.passphrase !== '',
        report: null,
        lastWritten: lastWrittenAt ? format(lastWrittenAt) : null,
      });
      // Opening the view merges what the other devices wrote since.
      if (saved && access === 'granted') await runSync();
    })();
    return () => written.delete(onWritten);
  }, [openDb]);

  const ready = () => folder.current !== null && state?.access === 'granted';

  return (
    <SyncFolder
      supported={supported}
      state={state}
      busy={busy}
      error={error}
      onChoose={guard(async () => {
        const picked = await pickSyncFolder(win);
        if (!picked) return;
        const access = await folderAccess(picked, true);
        await store.save(await openDb(), picked);
        folder.current = picked;
        patch({ folderName: picked.name, access, report: null });
        if (access === 'granted') await runSync();
      })}
      onAllow={guard(async () => {
        if (!folder.current) return;
        const access = await folderAccess(folder.current, true);
        patch({ access });
        if (access === 'granted') await runSync();
        else setError(t('sync.folder.denied'));
      })}
      onSyncNow={() => void runSync()}
      onForget={guard(async () => {
        await store.forget(await openDb());
        folder.current = null;
        patch({ folderName: null, access: null, report: null });
      })}
      onDeviceName={guard(async (name: string) => {
        if (!state) return;
        await syncDeviceName.setValue(name);
        const ownFile = syncFileName(name || state.defaultDeviceName);
        patch({ deviceName: name, ownFile });
        const target = folder.current;
        if (!target || !ready() || ownFile === state.ownFile) return;
        // Renamed: the old file would otherwise be merged back as if another device wrote it.
        await inTurn(() => target.removeEntry(state.ownFile).catch(() => undefined));
        await writeNow(await openDb(), target, crypto);
      })}
      onEncrypt={guard(async (encrypt: boolean) => {
        await syncEncrypt.setValue(encrypt);
        patch({ encrypt });
        if (folder.current && ready()) await writeNow(await openDb(), folder.current, crypto);
      })}
      onPassphrase={guard(async (passphrase: string) => {
        await syncPassphrase.setValue(passphrase);
        patch({ hasPassphrase: passphrase !== '' });
        if (ready()) await runSync();
      })}
    />
  );
}
