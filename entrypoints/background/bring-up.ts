import { browser } from 'wxt/browser';
import { sessionTherapist, waitingBringUps } from '@/utils/checkin/bring-up';
import { getDb } from '@/utils/db/open';
import type { Session } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { bringUpNotify } from '@/utils/storage';
import { notify } from './notify';

/** The badge on a call's tab while something waits to be brought up in it. */
export const BRING_UP_BADGE = '↑';

/** A session started: when a note waits to be brought up, the badge on its tab says so (and, if asked for, a notification). */
export async function markBringUp(tabId: number, session: Session): Promise<void> {
  const db = await getDb();
  const therapist = await sessionTherapist(db, session);
  const notes = await waitingBringUps(db, { beforeMs: session.startedMs, therapist, limit: 1 });
  if (notes.length === 0) return;
  await browser.action.setBadgeText({ tabId, text: BRING_UP_BADGE });
  await browser.action.setTitle({ tabId, title: t('checkInFlow.bringUpBadgeTitle') });
  if (await bringUpNotify.getValue()) {
    // Never what the person wrote: only that something is waiting.
    await notify('bringUp', session.id, {
      title: t('checkInFlow.bringUpNotificationTitle'),
      message: t('checkInFlow.bringUpNotificationMessage'),
    });
  }
}

/** The call in this tab is over: its badge goes back to the count of waiting check-ins. */
export async function clearBringUp(tabId: number): Promise<void> {
  // null (not '') hands the tab back to the global badge; the polyfill's types only allow a string.
  await browser.action.setBadgeText({ tabId, text: null as unknown as string });
  // Chromium refuses a null title, so the tab takes the toolbar's own (the count of waiting check-ins).
  await browser.action.setTitle({ tabId, title: await browser.action.getTitle({}) });
}
