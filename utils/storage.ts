import { storage } from 'wxt/utils/storage';

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

/** Hosts the person added themselves (permission granted at runtime). */
export const customSites = storage.defineItem<string[]>('local:customSites', { fallback: [], version: 1 });

/** Follow-up reflection: hours after a check-in; 0 turns it off. */
export const reflectionDelayHours = storage.defineItem<number>('local:reflectionDelayHours', { fallback: 24, version: 1 });

/** How long "Remind me later" waits, in minutes. */
export const SNOOZE_MINUTES = 60;

// Sync and backup settings (appended: the types live with their logic).
import type { BackupFrequency, BackupRecord } from './sync/backup';

/** Automatic backup into the downloads folder: off by default, so no file appears unasked. */
export const backupFrequency = storage.defineItem<BackupFrequency>('local:backupFrequency', {
  fallback: 'off',
  version: 1,
});

/** How many automatic backups to keep; older ones Debrief made are removed. */
export const backupKeep = storage.defineItem<number>('local:backupKeep', { fallback: 7, version: 1 });

/** The backups Debrief made (download ids), so it removes only its own files. */
export const backupRecords = storage.defineItem<BackupRecord[]>('local:backupRecords', {
  fallback: [],
  version: 1,
});

/** Why the last automatic backup failed, or null when it worked. */
export const backupError = storage.defineItem<string | null>('local:backupError', { fallback: null, version: 1 });

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
