/** Automatic backups: an hourly alarm makes a dated backup when one is due (daily or weekly). */
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { backUpNow, isBackupDue, latestBackup, type BackupResult } from '@/utils/sync/backup';
import { backupError, backupFrequency, backupRecords, backupSettings } from '@/utils/storage';
import { messageOf } from '@/utils/errors';
import { alarmName } from '@/utils/alarms';

const BACKUP_ALARM = alarmName('backup');

/** The scheduled backup: made now, keeping the last N; a failure is kept for the Sync view to show. */
async function scheduledBackup(now: Date): Promise<BackupResult> {
  try {
    return await backUpNow(await getDb(), browser.downloads, backupSettings, now);
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
    return scheduledBackup(new Date(now));
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
