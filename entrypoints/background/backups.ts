/** Automatic backups: an hourly alarm makes a dated backup when one is due (daily or weekly). */
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { isBackupDue, jsonDataUrl, latestBackup, runBackup, type BackupResult } from '@/utils/sync/backup';
import { backupError, backupFrequency, backupKeep, backupRecords } from '@/utils/storage';
import { messageOf } from '@/utils/errors';
import { alarmName } from '@/utils/alarms';

const BACKUP_ALARM = alarmName('backup');

/**
 * A URL to download the text from. A Chromium MV3 service worker has no
 * URL.createObjectURL, so it gets a data: URL; Firefox's event page gets a blob: URL.
 */
function downloadUrlFor(text: string): string {
  if (typeof URL.createObjectURL !== 'function') return jsonDataUrl(text);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  // Long enough for the download to read it; the page may be gone before then anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}

/** Makes a backup now, keeping the last N, and records whether it worked. */
export async function backUpNow(now: Date = new Date()): Promise<BackupResult> {
  try {
    const result = await runBackup({
      db: await getDb(),
      downloads: browser.downloads,
      records: { get: () => backupRecords.getValue(), set: (records) => backupRecords.setValue(records) },
      keep: await backupKeep.getValue(),
      now,
      urlFor: downloadUrlFor,
    });
    await backupError.setValue(null);
    return result;
  } catch (error) {
    await backupError.setValue(messageOf(error));
    throw error;
  }
}

let checking: Promise<BackupResult | null> = Promise.resolve(null);

/** The alarm's work: a backup if the setting asks for one and the last is old enough. */
export function backUpIfDue(now: number = Date.now()): Promise<BackupResult | null> {
  // One check at a time, so an alarm and a setting change together make one backup, not two.
  checking = checking.catch(() => null).then(async () => {
    const [frequency, records] = await Promise.all([backupFrequency.getValue(), backupRecords.getValue()]);
    if (!isBackupDue(frequency, latestBackup(records)?.createdMs ?? null, now)) return null;
    return backUpNow(new Date(now));
  });
  return checking;
}

async function schedule(): Promise<void> {
  if ((await backupFrequency.getValue()) === 'off') {
    await browser.alarms.clear(BACKUP_ALARM);
    return;
  }
  // Hourly checks: a browser closed at the due time still backs up soon after it opens.
  if (!(await browser.alarms.get(BACKUP_ALARM))) await browser.alarms.create(BACKUP_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  await backUpIfDue();
}

/** At startup: keep the alarm in step with the setting, now and whenever it changes. */
export function startBackups(report: (error: unknown) => void): void {
  backupFrequency.watch(() => void schedule().catch(report));
  schedule().catch(report);
}
