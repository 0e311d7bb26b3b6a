/**
 * Automatic backups: when one is due, the dated file name, which old backups to remove,
 * and the run itself with the downloads API passed in (the background and the options
 * page share it).
 */
import type { DebriefDb } from '../db/open';
import { localDate } from '../db/time';
import { utf8Base64 } from './base64';
import { exportData, serializeExport } from './export';

export type BackupFrequency = 'off' | 'daily' | 'weekly';
export const MAX_BACKUP_KEEP = 100;
/** A folder inside the browser's downloads folder, so backups do not mix with other files. */
export const BACKUP_FOLDER = 'Debrief backups';

const HOUR_MS = 60 * 60 * 1000;
const PERIOD_MS: Record<Exclude<BackupFrequency, 'off'>, number> = { daily: 24 * HOUR_MS, weekly: 7 * 24 * HOUR_MS };
/** The background checks hourly, so a backup an hour early still counts as on time. */
const EARLY_OK_MS = HOUR_MS;

/** A backup file Debrief made, remembered so it can remove it once it is beyond the last N. */
export interface BackupRecord {
  downloadId: number;
  filename: string;
  createdMs: number;
}

/** `Debrief backups/debrief-backup-2026-11-26.json`, dated in the local calendar. */
export function backupFileName(now: Date): string {
  return `${BACKUP_FOLDER}/debrief-backup-${localDate(now)}.json`;
}

/** Whether a scheduled backup should be made now, given when the last one was made. */
export function isBackupDue(frequency: BackupFrequency, lastMs: number | null, now: number): boolean {
  if (frequency === 'off') return false;
  if (lastMs === null) return true;
  const period = PERIOD_MS[frequency];
  // A clock set back by more than a period would otherwise stop backups for that long.
  if (lastMs - now > period) return true;
  return now - lastMs >= period - EARLY_OK_MS;
}

/** Keep-last-N in range: a whole number from 1 to MAX_BACKUP_KEEP, or null. */
export function parseBackupKeep(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const keep = Number(text);
  return keep >= 1 && keep <= MAX_BACKUP_KEEP ? keep : null;
}

/** The backups beyond the newest `keep`, oldest first: the ones to remove. */
export function backupsToPrune(records: readonly BackupRecord[], keep: number): BackupRecord[] {
  const newestFirst = [...records].sort((a, b) => b.createdMs - a.createdMs || b.downloadId - a.downloadId);
  return newestFirst.slice(Math.max(1, keep)).reverse();
}

/** The newest backup Debrief made, if any. */
export function latestBackup(records: readonly BackupRecord[]): BackupRecord | null {
  return records.reduce<BackupRecord | null>((latest, record) => (!latest || record.createdMs > latest.createdMs ? record : latest), null);
}

/** A data: URL of JSON text: the one kind of URL a Chromium MV3 service worker can download from. */
export function jsonDataUrl(text: string): string {
  return `data:application/json;base64,${utf8Base64(text)}`;
}

/** The slice of `browser.downloads` a backup uses. */
export interface BackupDownloads {
  download(options: { url: string; filename: string; conflictAction?: 'uniquify'; saveAs?: boolean }): Promise<number>;
  removeFile(downloadId: number): Promise<void>;
  erase(query: { id: number }): Promise<number[]>;
}

export interface BackupDeps {
  db: DebriefDb;
  downloads: BackupDownloads;
  records: { get(): Promise<BackupRecord[]>; set(records: BackupRecord[]): Promise<void> };
  keep: number;
  now?: Date;
  /** A URL the browser can download the text from; data: by default (works in a service worker). */
  urlFor?: (text: string) => string;
}

export interface BackupResult {
  record: BackupRecord;
  /** Older backups removed to keep the last N. */
  removed: BackupRecord[];
}

/** Writes a dated backup through the downloads API, then removes Debrief's own backups beyond the last `keep`. */
export async function runBackup({ db, downloads, records, keep, now = new Date(), urlFor = jsonDataUrl }: BackupDeps): Promise<BackupResult> {
  const text = serializeExport(await exportData(db, now));
  const filename = backupFileName(now);
  // saveAs false: a scheduled backup must never stop to ask where to save.
  const downloadId = await downloads.download({ url: urlFor(text), filename, conflictAction: 'uniquify', saveAs: false });
  const record: BackupRecord = { downloadId, filename, createdMs: now.getTime() };
  const all = [...(await records.get()), record];
  const removed = backupsToPrune(all, keep);
  for (const old of removed) {
    // The person may have moved or deleted the file already; forget it either way.
    await downloads.removeFile(old.downloadId).catch(() => undefined);
    await downloads.erase({ id: old.downloadId }).catch(() => undefined);
  }
  const gone = new Set(removed.map((old) => old.downloadId));
  await records.set(all.filter((kept) => !gone.has(kept.downloadId)));
  return { record, removed };
}

/**
 * A URL the downloads API can read the text from: a blob: URL where the page has
 * URL.createObjectURL, a data: URL in a Chromium MV3 service worker, which has none.
 */
export function downloadUrlFor(text: string): string {
  if (typeof URL.createObjectURL !== 'function') return jsonDataUrl(text);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  // Long enough for the download to read it; the page may be gone before then anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}

/** Where the backup settings and bookkeeping live (the extension's storage). */
export interface BackupSettingsStore {
  records: BackupDeps['records'];
  keep(): Promise<number>;
  setError(message: string | null): Promise<void>;
}

/** "Back up now", for the options page and the scheduled backup alike: a backup, and the last error cleared. */
export async function backUpNow(db: DebriefDb, downloads: BackupDownloads, settings: BackupSettingsStore, now: Date = new Date()): Promise<BackupResult> {
  const result = await runBackup({ db, downloads, records: settings.records, keep: await settings.keep(), now, urlFor: downloadUrlFor });
  await settings.setError(null);
  return result;
}
