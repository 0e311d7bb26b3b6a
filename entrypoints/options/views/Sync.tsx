import type { RenderableProps } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/sync.css';
import { BackupSettings } from '@/components/BackupSettings';
import { DeleteEverything } from '@/components/DeleteEverything';
import { SyncExport } from '@/components/SyncExport';
import { SyncFolderSection, startSyncFolderAutoWrite } from './SyncFolderSection';
import { SyncImport, type ImportReading } from '@/components/SyncImport';
import { formatDateTime } from '@/utils/checkin/format';
import { listAllCheckIns, listAllGoals } from '@/utils/db/history';
import { getDb, type DebriefDb } from '@/utils/db/open';
import { deleteEverything } from '@/utils/db/wipe';
import { importFile, previewImport, undoImport, type ImportUndo } from '@/utils/sync/apply';
import { latestBackup, runBackup, type BackupDownloads, type BackupFrequency } from '@/utils/sync/backup';
import type { CryptoOptions } from '@/utils/sync/crypto';
import { checkInsToCsv, CSV_MIME } from '@/utils/sync/csv';
import { exportData, exportText } from '@/utils/sync/export';
import type { DebriefExport } from '@/utils/sync/format';
import { checkImportSize } from '@/utils/sync/json';
import type { MergeCounts } from '@/utils/sync/plan';
import { readExportText } from '@/utils/sync/read';
import { backupError, backupFrequency, backupKeep, backupRecords } from '@/utils/storage';

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
  /** How often the sync folder checks for changes to write. */
  autoWriteMs?: number;
}

/** The last import, undoable until the page closes or another import replaces it (kept across views). */
let lastImport: ImportUndo | null = null;

const systemNow = () => new Date();
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const dateStamp = (now: Date) => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

function contents(file: Pick<DebriefExport, 'checkIns' | 'sessions' | 'goals'>): string {
  return `${plural(file.checkIns.length, 'check-in')}, ${plural(file.sessions.length, 'session')}, ${plural(file.goals.length, 'goal')}`;
}

function changesOf(counts: MergeCounts): string {
  return `${counts.new} new, ${counts.updated} updated, ${counts.deleted} deleted, ${counts.unchanged} unchanged, ${counts.keptAsHistory} kept as history`;
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
  autoWriteMs,
}: RenderableProps<SyncViewProps>) {
  const pending = useRef<DebriefExport | null>(null);
  const [canUndo, setCanUndo] = useState(lastImport !== null);
  const [backup, setBackup] = useState<{ frequency: BackupFrequency; keep: number; last: string | null; failure: string | null } | null>(null);

  // Once started it runs for the page's life, so changes made in other views are written too.
  useEffect(() => void startSyncFolderAutoWrite(openDb, { crypto, win, intervalMs: autoWriteMs }), []);

  useEffect(() => {
    const load = async () => {
      const [frequency, keep, records, failure] = await Promise.all([
        backupFrequency.getValue(),
        backupKeep.getValue(),
        backupRecords.getValue(),
        backupError.getValue(),
      ]);
      const last = latestBackup(records);
      setBackup({ frequency, keep, failure, last: last ? `${formatDateTime(new Date(last.createdMs).toISOString())}, ${last.filename}` : null });
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
    const name = `debrief-export-${dateStamp(at)}${passphrase ? '-encrypted' : ''}.json`;
    saveFile(name, text, 'application/json');
    return `Saved ${name}${passphrase ? ', encrypted' : ''}: ${contents(file)}.`;
  };

  const exportCsv = async () => {
    const db = await openDb();
    const [checkIns, goals] = await Promise.all([listAllCheckIns(db), listAllGoals(db)]);
    const name = `debrief-check-ins-${dateStamp(now())}.csv`;
    saveFile(name, checkInsToCsv(checkIns, goals), CSV_MIME);
    return `Saved ${name}: ${plural(checkIns.length, 'check-in')}.`;
  };

  const readFile = async (file: File, passphrase: string): Promise<ImportReading> => {
    pending.current = null;
    const tooLarge = checkImportSize(file.size);
    if (tooLarge) return { ok: false, error: tooLarge, needsPassphrase: false };
    const read = await readExportText(await file.text(), passphrase, crypto);
    if (!read.ok) return read;
    const preview = await previewImport(await openDb(), read.file);
    pending.current = read.file;
    const summary = `Exported ${formatDateTime(read.file.exportedAt)} by device ${read.file.deviceId.slice(0, 8)}${read.encrypted ? ' (encrypted)' : ''}: ${contents(read.file)}.`;
    return { ok: true, preview, summary };
  };

  const importPending = async () => {
    if (!pending.current) throw new Error('Choose the file again: it was not kept.');
    const { preview, undo } = await importFile(await openDb(), pending.current, now());
    pending.current = null;
    lastImport = undo;
    setCanUndo(true);
    return `Imported: ${changesOf(preview)}. You can undo this import until you close this page or import another file.`;
  };

  const undoLast = async () => {
    if (!lastImport) throw new Error('There is no import to undo.');
    const { restored, kept } = await undoImport(await openDb(), lastImport);
    lastImport = null;
    setCanUndo(false);
    const keptNote = kept ? ` ${plural(kept, 'record')} you changed since the import kept your change.` : '';
    return `Import undone: ${plural(restored, 'record')} put back as before.${keptNote}`;
  };

  const backUpNow = async () => {
    if (!downloads) throw new Error('This browser has no downloads API.');
    const { record, removed } = await runBackup({
      db: await openDb(),
      downloads,
      records: { get: () => backupRecords.getValue(), set: (records) => backupRecords.setValue(records) },
      keep: await backupKeep.getValue(),
      now: now(),
      urlFor: (text) => {
        const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        return url;
      },
    });
    await backupError.setValue(null);
    return `Saved ${record.filename} in your downloads folder${removed.length ? `; removed ${plural(removed.length, 'older backup')}` : ''}.`;
  };

  const wipe = async () => {
    const deleted = await deleteEverything(await openDb());
    lastImport = null;
    setCanUndo(false);
    return `Deleted ${plural(deleted.checkIns, 'check-in')}, ${plural(deleted.sessions, 'session')} and ${plural(deleted.goals, 'goal')}. Your settings are kept.`;
  };

  return (
    <div class="sync">
      <SyncExport onExport={exportAll} onExportCsv={exportCsv} />
      <SyncImport
        onRead={readFile}
        onImport={importPending}
        onCancel={() => (pending.current = null)}
        canUndo={canUndo}
        onUndo={undoLast}
      />
      <SyncFolderSection openDb={openDb} crypto={crypto} win={win} now={now} />
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
