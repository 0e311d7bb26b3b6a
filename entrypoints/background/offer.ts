import { notify } from './notify';
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import type { Session } from '@/utils/db/schema';
import { offeredSessions } from '@/utils/db/sessions';
import { openCheckInWindow } from '@/utils/session/check-in-window';
import { endAction, unansweredDays } from '@/utils/storage';
import { alarmName } from '@/utils/alarms';
import { nextAgeing, splitByAge } from '@/utils/session/waiting';
import { splitQuiet } from '@/utils/session/asking';
import { formatNumber } from '@/utils/i18n';


/**
 * The toolbar badge and tooltip say how many recent check-ins are waiting; a session left longer
 * than the set days stops counting, and an alarm recounts when the next one does. Calls waiting
 * quietly (outside the therapy rooms) are in the popup only.
 */
export async function refreshBadge(now: number = Date.now()): Promise<void> {
  const [offered, days] = await Promise.all([offeredSessions(await getDb(), now), unansweredDays.getValue()]);
  // A call waiting quietly (not a therapy room) is in the popup but not on the badge.
  const { recent } = splitByAge(splitQuiet(offered, now).asked, days, now);
  const count = recent.length;
  await browser.action.setBadgeText({ text: count ? formatNumber(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#2d5bd3' });
  await browser.action.setTitle({ title: count ? t('setAside.badgeTitle', count, [formatNumber(count)]) : t('app.name') });
  const next = nextAgeing(recent, days, now);
  if (next === null) await browser.alarms.clear(alarmName('ageing'));
  else await browser.alarms.create(alarmName('ageing'), { when: next });
}

/** Puts a finished session in front of the person, as their setting says. */
export async function offerSession(session: Session): Promise<void> {
  const action = await endAction.getValue();
  if (action === 'window') await openCheckInWindow(session.id);
  if (action === 'notification') {
    // Never shows anything the person wrote: only that a check-in is waiting.
    await notify('checkIn', session.id, {
      title: t('checkIn.notificationTitle'),
      message: t('checkIn.notificationMessage'),
    });
  }
  await refreshBadge();
}
