import type { RenderableProps } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/sync.css';
import { BackupSettings } from '@/components/BackupSettings';
import { DeleteEverything } from '@/components/DeleteEverything';
import { SyncExport } from '@/components/SyncExport';
import { SyncFolderSection } from './SyncFolderSection';
import { SyncImport, type ImportReading } from '@/components/SyncImport';
import { formatDateTime } from '@/utils/checkin/format';
import { listAllCheckIns } from '@/utils/db/history';
import { listAllGoals } from '@/utils/db/goals';
import { formatNumber, t } from '@/utils/i18n';
import { getDb, type DebriefDb } from '@/utils/db/open';
import { deleteEverything } from '@/utils/db/wipe';
import { importFile, previewImport, takeFileLock, undoImport } from '@/utils/sync/apply';
import { lastImport } from '../services';
import { backUpNow as runBackUpNow, latestBackup, type BackupDownloads, type BackupFrequency } from '@/utils/sync/backup';
import type { CryptoOptions } from '@/utils/sync/crypto';
import { checkInsToCsv, CSV_MIME } from '@/utils/sync/csv';
import { exportData, exportText } from '@/utils/sync/export';
import type { DebriefExport } from '@/utils/sync/format';
import { checkInCount, goalCount, sessionCount } from '@/utils/sync/count-words';
import { readMeta } from '@/utils/db/meta';
import type { MergeCounts } from '@/utils/sync/plan';
import { readImport } from '@/utils/sync/read';
import { backupError, backupFrequency, backupKeep, backupRecords, backupSettings } from '@/utils/storage';
import { localDate } from '@/utils/db/time';

/** Offers a file to the person: an <a download> with a blob URL, no downloads permission needed. */
export function downloadFile(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface SyncViewProps {
  openDb?: () => Promise<DebriefDb>;
  saveFile?: (name: string, text: string, mime: string) => void;
  /** For tests: fewer PBKDF2 iterations. */
  crypto?: CryptoOptions;
  /** Where to look for `showDirectoryPicker`. */
  win?: object;
  now?: () => Date;
  /** The downloads API for backups; null where the browser has none. */
  downloads?: BackupDownloads | null;
}

const systemNow = () => new Date();

/** "2 check-ins, 1 session, 0 goals". */
function contents(file: Pick<DebriefExport, 'checkIns' | 'sessions' | 'goals'>): string {
  return t('sync.contents', {
    checkIns: checkInCount(file.checkIns.length),
    sessions: sessionCount(file.sessions.length),
    goals: goalCount(file.goals.length),
  });
}

/** What an import changed, with the note that it can be undone. */
function imported(counts: MergeCounts): string {
  return t('sync.import.done', {
    new: formatNumber(counts.new),
    updated: formatNumber(counts.updated),
    deleted: formatNumber(counts.deleted),
    unchanged: formatNumber(counts.unchanged),
    kept: formatNumber(counts.keptAsHistory),
  });
}

function defaultDownloads(): BackupDownloads | null {
  return (browser.downloads as BackupDownloads | undefined) ?? null;
}

/** The Sync & backup view: export, import with preview and undo, sync folder, automatic backup, delete everything. */
export function SyncView({
  openDb = getDb,
  saveFile = downloadFile,
  crypto,
  win = globalThis,
  now = systemNow,
  downloads = defaultDownloads(),
}: RenderableProps<SyncViewProps>) {
  const pending = useRef<DebriefExport | null>(null);
  const lockedFile = useRef<{ file: DebriefExport; encrypted: boolean } | null>(null);
  const [canUndo, setCanUndo] = useState(lastImport.undo !== null);
  const [backup, setBackup] = useState<{ frequency: BackupFrequency; keep: number; last: string | null; failure: string | null } | null>(null);

  useEffect(() => {
    const load = async () => {
      const [frequency, keep, records, failure] = await Promise.all([
        backupFrequency.getValue(),
        backupKeep.getValue(),
        backupRecords.getValue(),
        backupError.getValue(),
      ]);
      const last = latestBackup(records);
      const when = last && formatDateTime(new Date(last.createdMs).toISOString());
      setBackup({ frequency, keep, failure, last: last && when ? t('backup.lastDetail', { when, file: last.filename }) : null });
    };
    void load();
    // The background makes the scheduled backups; show them as they happen.
    const unwatch = [backupRecords.watch(() => void load()), backupError.watch(() => void load())];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  const exportAll = async (passphrase: string) => {
    const at = now();
    const file = await exportData(await openDb(), at);
    const text = await exportText(file, passphrase, crypto);
    const name = `debrief-export-${localDate(at)}${passphrase ? '-encrypted' : ''}.json`;
    saveFile(name, text, 'application/json');
    return passphrase ? t('sync.export.savedEncrypted', { file: name, contents: contents(file) }) : t('sync.export.saved', { file: name, contents: contents(file) });
  };

  const exportCsv = async () => {
    const db = await openDb();
    const [checkIns, goals] = await Promise.all([listAllCheckIns(db), listAllGoals(db)]);
    const name = `debrief-check-ins-${localDate(now())}.csv`;
    saveFile(name, checkInsToCsv(checkIns, goals), CSV_MIME);
    return t('sync.export.savedCsv', { file: name, checkIns: checkInCount(checkIns.length) });
  };

  /** What the file would change here, kept for Import; or why not (a locked file waits for its passphrase). */
  const previewOf = async (file: DebriefExport, encrypted: boolean): Promise<ImportReading> => {
    const db = await openDb();
    const checked = await previewImport(db, file);
    if (!checked.ok) {
      if (checked.needsLock) lockedFile.current = { file, encrypted };
      return { ...checked, needsPassphrase: false };
    }
    pending.current = file;
    // Exports carry no device name, and a raw id means nothing to a person.
    const own = await readMeta(db.transaction('meta').objectStore('meta'), 'deviceId');
    const device = own === file.deviceId ? t('sync.import.thisDevice') : t('sync.import.anotherDevice');
    const about = { when: formatDateTime(file.exportedAt), device, contents: contents(file) };
    const summary = encrypted ? t('sync.import.summaryEncrypted', about) : t('sync.import.summary', about);
    return { ok: true, preview: checked.preview, summary };
  };

  const readFile = async (file: File, passphrase: string): Promise<ImportReading> => {
    pending.current = null;
    lockedFile.current = null;
    const read = await readImport(file, passphrase, crypto);
    return read.ok ? previewOf(read.file, read.encrypted) : read;
  };

  /** The passphrase a file from another device was locked with: this profile takes on that lock, then the file previews as usual. */
  const unlockFile = async (secret: string): Promise<ImportReading> => {
    const locked = lockedFile.current;
    if (!locked) throw new Error(t('sync.import.notKept'));
    const refused = await takeFileLock(await openDb(), locked.file, secret);
    if (refused) return refused;
    lockedFile.current = null;
    return previewOf(locked.file, locked.encrypted);
  };

  const importPending = async () => {
    if (!pending.current) throw new Error(t('sync.import.notKept'));
    const { preview, undo } = await importFile(await openDb(), pending.current, now());
    pending.current = null;
    lastImport.undo = undo;
    setCanUndo(true);
    return imported(preview);
  };

  const undoLast = async () => {
    if (!lastImport.undo) throw new Error(t('sync.import.nothingToUndo'));
    const { restored, notUndone } = await undoImport(await openDb(), lastImport.undo);
    lastImport.undo = null;
    setCanUndo(false);
    const changed = notUndone.filter((record) => record.why === 'changed').length;
    const deleted = notUndone.length - changed;
    return [
      t('sync.import.undone', restored, [formatNumber(restored)]),
      changed ? t('sync.import.undoKept', changed, [formatNumber(changed)]) : '',
      deleted ? t('sync.import.undoDeleted', deleted, [formatNumber(deleted)]) : '',
    ].filter(Boolean).join(' ');
  };

  const backUpNow = async () => {
    if (!downloads) throw new Error(t('backup.noDownloads'));
    const { record, removed } = await runBackUpNow(await openDb(), downloads, backupSettings, now());
    if (!removed.length) return t('backup.saved', { file: record.filename });
    return t('backup.savedRemoved', removed.length, [formatNumber(removed.length)], { file: record.filename });
  };

  const wipe = async () => {
    const deleted = await deleteEverything(await openDb());
    lastImport.undo = null;
    setCanUndo(false);
    return t('wipe.done', { checkIns: checkInCount(deleted.checkIns), sessions: sessionCount(deleted.sessions), goals: goalCount(deleted.goals) });
  };

  return (
    <div class="sync">
      <SyncExport onExport={exportAll} onExportCsv={exportCsv} />
      <SyncImport
        onRead={readFile}
        onUnlockFile={unlockFile}
        onImport={importPending}
        onCancel={() => {
          pending.current = null;
          lockedFile.current = null;
        }}
        canUndo={canUndo}
        onUndo={undoLast}
      />
      <SyncFolderSection openDb={openDb} win={win} />
      {backup && (
        <BackupSettings
          frequency={backup.frequency}
          keep={backup.keep}
          lastBackup={backup.last}
          failure={backup.failure}
          available={downloads !== null}
          onFrequency={(frequency) => {
            setBackup({ ...backup, frequency });
            void backupFrequency.setValue(frequency);
          }}
          onKeep={(keep) => void backupKeep.setValue(keep)}
          onBackUpNow={backUpNow}
        />
      )}
      <DeleteEverything onExportFirst={() => exportAll('')} onDelete={wipe} />
    </div>
  );
}
