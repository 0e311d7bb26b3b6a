import { useEffect, useRef, useState } from 'preact/hooks';
import { SyncFolder, type SyncFolderState } from '@/components/SyncFolder';
import { t, uiLocale } from '@/utils/i18n';
import type { DebriefDb } from '@/utils/db/open';
import { folderAccess, pickSyncFolder, supportsSyncFolder, syncFileName, type SyncFolderHandle } from '@/utils/sync/folder';
import type { SyncFolderService } from '@/utils/sync/folder-service';
import { syncDeviceName, syncEncrypt, syncPassphrase } from '@/utils/storage';
import { messageOf } from '@/utils/errors';
import { pageSyncFolder } from '../services';

function folderProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotFoundError') return t('sync.folder.notFound');
  if (name === 'NotAllowedError' || name === 'SecurityError') return t('sync.folder.notAllowed');
  return t('sync.folder.failed', { error: messageOf(error) });
}

export interface SyncFolderSectionProps {
  openDb: () => Promise<DebriefDb>;
  win: object;
  /** The page's sync folder service (tests pass their own). */
  service?: SyncFolderService;
}

/** Wires the sync folder: merge on open, Sync now, choose/allow/forget, device name and encryption. */
export function SyncFolderSection({ openDb, win, service = pageSyncFolder }: SyncFolderSectionProps) {
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
      const result = await service.sync(folder.current);
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
    const stopListening = service.onWritten((at) => patch({ lastWritten: format(at) }));
    void guard(async () => {
      const db = await openDb();
      const [saved, options] = await Promise.all([service.store.load(db), service.options(db)]);
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
        lastWritten: service.lastWrittenAt() ? format(service.lastWrittenAt()!) : null,
      });
      // Opening the view merges what the other devices wrote since.
      if (saved && access === 'granted') await runSync();
    })();
    return stopListening;
  }, [openDb, service]);

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
        await service.store.save(await openDb(), picked);
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
        await service.store.forget(await openDb());
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
        await service.removeFile(target, state.ownFile);
        await service.writeNow(await openDb(), target);
      })}
      onEncrypt={guard(async (encrypt: boolean) => {
        await syncEncrypt.setValue(encrypt);
        patch({ encrypt });
        if (folder.current && ready()) await service.writeNow(await openDb(), folder.current);
      })}
      onPassphrase={guard(async (passphrase: string) => {
        await syncPassphrase.setValue(passphrase);
        patch({ hasPassphrase: passphrase !== '' });
        if (ready()) await runSync();
      })}
    />
  );
}
