/**
 * The sync folder (File System Access API, Chromium only): the person picks a folder once
 * (their Syncthing, Dropbox or USB folder); each device writes its own
 * `debrief-<device>.json` there and merges the other devices' files. Only a page can ask
 * for the folder's permission, so this runs in the options page, never in the background.
 */
import type { DebriefDb } from '../db/open';
import { t } from '../i18n/index.ts';
import type { CryptoOptions } from './crypto';
import { importFile } from './apply';
import { exportData, exportText } from './export';
import type { MergePreview } from './plan';
import { readImport } from './read';
import { messageOf } from '../errors';
import { readMeta } from '../db/meta';
import type { MetaKey } from '../db/schema';

type Access = { mode: 'readwrite' };

/** A directory handle with the permission methods Chromium has and TypeScript's DOM types lack. */
export interface SyncFolderHandle extends FileSystemDirectoryHandle {
  queryPermission?(access: Access): Promise<PermissionState>;
  requestPermission?(access: Access): Promise<PermissionState>;
}

interface PickerWindow {
  showDirectoryPicker?(options: { id?: string; mode?: 'readwrite' }): Promise<SyncFolderHandle>;
}

const FOLDER_KEY = 'syncFolder' satisfies MetaKey;
const READ_WRITE: Access = { mode: 'readwrite' };
const OWN_PREFIX = 'debrief-';

/** Whether this browser can keep a sync folder (Chromium: yes; Firefox and Safari: no). */
export function supportsSyncFolder(win: object = globalThis): boolean {
  return typeof (win as PickerWindow).showDirectoryPicker === 'function';
}

/** Asks the person for a folder; null when they cancel the picker. */
export async function pickSyncFolder(win: object = globalThis): Promise<SyncFolderHandle | null> {
  try {
    // The id makes the picker reopen where it was last time.
    return (await (win as PickerWindow).showDirectoryPicker?.({ id: 'debrief-sync', mode: 'readwrite' })) ?? null;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/** Read-write access to the folder; `ask` may prompt, which needs a click (a user activation). */
export async function folderAccess(folder: SyncFolderHandle, ask: boolean): Promise<PermissionState> {
  const state = (await folder.queryPermission?.(READ_WRITE)) ?? 'granted';
  if (state === 'granted' || !ask || !folder.requestPermission) return state;
  return folder.requestPermission(READ_WRITE);
}

/** The folder chosen earlier: a directory handle is stored in IndexedDB as it is (structured clone). */
export async function loadSyncFolder(db: DebriefDb): Promise<SyncFolderHandle | null> {
  return ((await readMeta(db.transaction('meta').store, FOLDER_KEY)) as SyncFolderHandle | undefined) ?? null;
}

/** Remembers the folder across visits and browser restarts. */
export async function saveSyncFolder(db: DebriefDb, folder: SyncFolderHandle): Promise<void> {
  await db.put('meta', { key: FOLDER_KEY, value: folder });
}

/** Stops syncing with the folder; its files stay where they are. */
export async function forgetSyncFolder(db: DebriefDb): Promise<void> {
  await db.delete('meta', FOLDER_KEY);
}

/** The short name a device gets before the person names it: the start of its id. */
export function defaultDeviceName(deviceId: string): string {
  return deviceId.slice(0, 8);
}

/** `debrief-<device>.json`, with the name made safe for every file system and sync tool. */
export function syncFileName(deviceName: string): string {
  const slug = deviceName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${OWN_PREFIX}${slug || 'device'}.json`;
}

/** Another device's sync file: `debrief-*.json`, not ours and not a dated backup. */
export function isOtherDeviceFile(name: string, ownName: string): boolean {
  const lower = name.toLowerCase();
  return lower !== ownName.toLowerCase() && /^debrief-.+\.json$/.test(lower) && !lower.startsWith('debrief-backup-');
}

/** Replaces our file in one step: createWritable writes aside and swaps on close, so a sync tool never sees half a file. */
export async function writeFolderFile(folder: FileSystemDirectoryHandle, name: string, text: string): Promise<void> {
  const file = await folder.getFileHandle(name, { create: true });
  const writable = await file.createWritable();
  try {
    await writable.write(text);
  } finally {
    await writable.close();
  }
}

export interface FolderOptions {
  deviceName: string;
  /** Encrypts our file when not empty; also opens encrypted files from other devices. */
  passphrase: string;
  encrypt: boolean;
  crypto?: CryptoOptions;
}

/** What happened with one other device's file. */
export type FolderFileReport = { name: string; ok: true; preview: MergePreview } | { name: string; ok: false; error: string };

export interface FolderSyncResult {
  ownFile: string;
  /** False when encryption is on but no passphrase is set: ours is never written in the clear instead. */
  wrote: boolean;
  files: FolderFileReport[];
}

/** Writes this device's file: everything it holds, encrypted when asked. */
export async function writeOwnSyncFile(db: DebriefDb, folder: FileSystemDirectoryHandle, options: FolderOptions): Promise<string> {
  if (options.encrypt && options.passphrase === '') throw new Error(t('sync.folder.passphraseToWrite'));
  const name = syncFileName(options.deviceName);
  const text = await exportText(await exportData(db), options.encrypt ? options.passphrase : '', options.crypto);
  await writeFolderFile(folder, name, text);
  return name;
}

async function mergeOne(db: DebriefDb, file: File, options: FolderOptions): Promise<FolderFileReport> {
  const read = await readImport(file, options.passphrase, options.crypto);
  if (!read.ok) {
    const error = read.needsPassphrase && options.passphrase === '' ? t('sync.folder.passphraseToMerge') : read.error;
    return { name: file.name, ok: false, error };
  }
  const { preview } = await importFile(db, read.file);
  return { name: file.name, ok: true, preview };
}

/** Merges every other device's file in the folder (each in its own transaction), then writes ours. */
export async function syncWithFolder(db: DebriefDb, folder: FileSystemDirectoryHandle, options: FolderOptions): Promise<FolderSyncResult> {
  const ownFile = syncFileName(options.deviceName);
  const files: FolderFileReport[] = [];
  for await (const entry of folder.values()) {
    if (entry.kind !== 'file' || !isOtherDeviceFile(entry.name, ownFile)) continue;
    const file = await (entry as FileSystemFileHandle).getFile();
    files.push(await mergeOne(db, file, options).catch((error: unknown) => ({ name: entry.name, ok: false as const, error: messageOf(error) })));
  }
  files.sort((a, b) => a.name.localeCompare(b.name));
  const wrote = !(options.encrypt && options.passphrase === '');
  if (wrote) await writeOwnSyncFile(db, folder, options);
  return { ownFile, wrote, files };
}

/** A string that changes whenever synced data changes: every edit moves the clock; imports and undos change counts. */
export async function changeStamp(db: DebriefDb): Promise<string> {
  const tx = db.transaction(['checkIns', 'sessions', 'goals', 'rooms', 'tombstones', 'meta'], 'readonly');
  const parts = await Promise.all([
    readMeta(tx.objectStore('meta'), 'clock').then((clock) => clock ?? ''),
    // Counted on the index, whose entries are small: the store's are whole check-ins, and this runs as a page opens.
    tx.objectStore('checkIns').index('by-created').count(),
    tx.objectStore('sessions').count(),
    tx.objectStore('goals').count(),
    tx.objectStore('rooms').count(),
    tx.objectStore('tombstones').count(),
  ]);
  await tx.done;
  return parts.join('|');
}
