import { notify } from './notify';
import { browser } from 'wxt/browser';
import { getCheckIn } from '@/utils/db/checkins';
import { whenLocked } from '@/utils/db/errors';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import { claimReflection, listReflections, scheduleReflection } from '@/utils/db/reflections';
import { reflectionDelayHours } from '@/utils/storage';
import { alarmName } from '@/utils/alarms';

const HOUR = 3_600_000;

/** Plans the follow-up reflection for a new check-in, unless the person turned it off. */
export async function planReflection(checkInId: string, createdMs: number): Promise<void> {
  const hours = await reflectionDelayHours.getValue();
  if (hours <= 0) return;
  const schedule = await scheduleReflection(await getDb(), checkInId, createdMs + hours * HOUR);
  await browser.alarms.create(alarmName('reflect', checkInId), { when: Math.max(schedule.dueMs, Date.now() + 1000) });
}

/** Invites the person to reflect, once: the claim is written before the notification shows. */
export async function promptReflection(checkInId: string): Promise<void> {
  const db = await getDb();
  // While locked the check-in is there but sealed: invite anyway (the claim keeps it to once).
  const checkIn = await getCheckIn(db, checkInId).catch(whenLocked({ reflection: null }));
  if (!checkIn || checkIn.reflection) return;
  if (!(await claimReflection(db, checkInId))) return;
  // Never shows what the person wrote.
  await notify('reflect', checkInId, {
    title: t('reflection.notificationTitle'),
    message: t('reflection.notificationMessage'),
  });
}

/** Alarms may be lost when the browser restarts: re-arm future ones, prompt overdue ones. */
export async function resumeReflections(now: number = Date.now()): Promise<void> {
  for (const schedule of await listReflections(await getDb())) {
    if (schedule.promptedMs !== null) continue;
    if (schedule.dueMs <= now) await promptReflection(schedule.checkInId);
    else if (!(await browser.alarms.get(alarmName('reflect', schedule.checkInId)))) {
      await browser.alarms.create(alarmName('reflect', schedule.checkInId), { when: schedule.dueMs });
    }
  }
}


