import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import type { Session } from '@/utils/db/schema';
import { offeredSessions } from '@/utils/db/sessions';
import { openCheckInWindow } from '@/utils/session/check-in-window';
import { endAction } from '@/utils/storage';

const NOTIFICATION_PREFIX = 'session:';

/** The toolbar badge shows how many check-ins are waiting. */
export async function refreshBadge(): Promise<void> {
  // A call waiting quietly (not a therapy room) is in the popup but not on the badge.
  const count = (await offeredSessions(await getDb())).filter((s) => !s.quiet).length;
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#2d5bd3' });
}

/** Puts a finished session in front of the person, as their setting says. */
export async function offerSession(session: Session): Promise<void> {
  const action = await endAction.getValue();
  if (action === 'window') await openCheckInWindow(session.id);
  if (action === 'notification') {
    // Never shows anything the person wrote: only that a check-in is waiting.
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${session.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icons/128.png'),
      title: t('checkIn.notificationTitle'),
      message: t('checkIn.notificationMessage'),
    });
  }
  await refreshBadge();
}

/** The session a Debrief notification is about, if it is one of ours. */
export function sessionFromNotification(notificationId: string): string | null {
  return notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;
}
