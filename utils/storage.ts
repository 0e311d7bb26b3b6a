import { storage } from 'wxt/utils/storage';
import type { BackupFrequency, BackupRecord, BackupSettingsStore } from './sync/backup';

/** What happens when a session ends. */
export type EndAction = 'window' | 'notification' | 'badge';

export const DEFAULT_MIN_SESSION_MINUTES = 10;

/** Sessions shorter than this are not asked about; 0 means every connected call counts. */
export const minSessionMinutes = storage.defineItem<number>('local:minSessionMinutes', {
  fallback: DEFAULT_MIN_SESSION_MINUTES,
  version: 1,
});

export const endAction = storage.defineItem<EndAction>('local:endAction', { fallback: 'window', version: 1 });

/** Platform ids the person turned off. */
export const disabledPlatforms = storage.defineItem<string[]>('local:disabledPlatforms', { fallback: [], version: 1 });

/** Turns asking after calls on a platform on or off, keeping the other platforms' choices. */
export async function setPlatformAsked(platform: string, asked: boolean): Promise<void> {
  const disabled = await disabledPlatforms.getValue();
  if (disabled.includes(platform) === !asked) return;
  await disabledPlatforms.setValue(asked ? disabled.filter((id) => id !== platform) : [...disabled, platform]);
}

/** Hosts the person added themselves (permission granted at runtime). */
export const customSites = storage.defineItem<string[]>('local:customSites', { fallback: [], version: 1 });

/**
 * The site the person just asked, from the toolbar, to be watched in the tab open on it, until the
 * browser grants it. Firefox closes the popup when its prompt opens, so the background finishes.
 */
export const pendingWatch = storage.defineItem<{ host: string; tabId: number } | null>('session:pendingWatch', { fallback: null });

/** Follow-up reflection: hours after a check-in; 0 turns it off. */
export const reflectionDelayHours = storage.defineItem<number>('local:reflectionDelayHours', { fallback: 24, version: 1 });

/** How long "Remind me later" waits, in minutes. */
export const SNOOZE_MINUTES = 60;

/** Automatic backup into the downloads folder: off by default, so no file appears unasked. */
export const backupFrequency = storage.defineItem<BackupFrequency>('local:backupFrequency', {
  fallback: 'off',
  version: 1,
});

/** How many automatic backups to keep; older ones Debrief made are removed. */
const DEFAULT_BACKUP_KEEP = 7;
export const backupKeep = storage.defineItem<number>('local:backupKeep', { fallback: DEFAULT_BACKUP_KEEP, version: 1 });

/** The backups Debrief made (download ids), so it removes only its own files. */
export const backupRecords = storage.defineItem<BackupRecord[]>('local:backupRecords', {
  fallback: [],
  version: 1,
});

/** Why the last automatic backup failed, or null when it worked. */
export const backupError = storage.defineItem<string | null>('local:backupError', { fallback: null, version: 1 });

/** The backup settings and bookkeeping as the backup run reads and writes them. */
export const backupSettings: BackupSettingsStore = {
  records: { get: () => backupRecords.getValue(), set: (records) => backupRecords.setValue(records) },
  keep: () => backupKeep.getValue(),
  setError: (message) => backupError.setValue(message),
};

/** This device's name in the sync folder (`debrief-<name>.json`); empty means derived from the device id. */
export const syncDeviceName = storage.defineItem<string>('local:syncDeviceName', { fallback: '', version: 1 });

/** Encrypt this device's sync file with the session passphrase. */
export const syncEncrypt = storage.defineItem<boolean>('local:syncEncrypt', { fallback: false, version: 1 });

/** The sync passphrase, in memory for this browser session only: never written to disk. */
export const syncPassphrase = storage.defineItem<string>('session:syncPassphrase', { fallback: '' });

/** The check-in's "More notes and details" was left open, so it opens that way next time. */
export const checkInDetailsOpen = storage.defineItem<boolean>('local:checkInDetailsOpen', { fallback: false, version: 1 });

/** A notification when a session starts and something waits to be brought up: off unless asked for. */
export const bringUpNotify = storage.defineItem<boolean>('local:bringUpNotify', { fallback: false, version: 1 });

/** Where a meeting platform asks: after every call (the default), or only in the person's therapy rooms. */
export type RoomMode = 'every-room' | 'therapy-rooms';

/** How long to wait before asking about a session in a desktop app, when its room has no usual length yet. */
export const appSessionMinutes = storage.defineItem<number>('local:appSessionMinutes', { fallback: 50, version: 1 });

/** Each meeting platform's mode, by platform id; a platform not listed asks in every room. */
export const roomModes = storage.defineItem<Record<string, RoomMode>>('local:roomModes', { fallback: {}, version: 1 });

/** Sets one platform's mode, keeping the others'. */
export async function setRoomMode(platform: string, mode: RoomMode): Promise<void> {
  const modes = await roomModes.getValue();
  if ((modes[platform] ?? 'every-room') === mode) return;
  await roomModes.setValue({ ...modes, [platform]: mode });
}

/** Launch pages of therapy rooms seen in a tab, until a call there shows the person joined in the browser. */
export const appHandoffs = storage.defineItem<{ tabId: number; sessionId: string; roomKey: string; atMs: number }[]>('session:appHandoffs', {
  fallback: [],
});

/** App sessions whose time has come, asked about the next time the person is active in the browser. */
export const dueAppSessions = storage.defineItem<string[]>('session:dueAppSessions', { fallback: [] });

export const DEFAULT_UNANSWERED_DAYS = 3;

/** A session left unanswered this many days stops counting on the badge and moves to "Older, not answered". */
export const unansweredDays = storage.defineItem<number>('local:unansweredDays', { fallback: DEFAULT_UNANSWERED_DAYS, version: 1 });

/** With the lock on: minutes without using Debrief after which it locks again. */
export const lockIdleMinutes = storage.defineItem<number>('local:lockIdleMinutes', { fallback: 15, version: 1 });

/** The lock's private key while unlocked (PKCS#8, base64), in memory for this browser session only. */
export const unlockedLock = storage.defineItem<{ pkcs8: string; idleUntil: number } | null>('session:unlockedLock', { fallback: null });
