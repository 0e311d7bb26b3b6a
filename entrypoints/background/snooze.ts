import { browser } from 'wxt/browser';
import { alarmName } from '@/utils/alarms';
import { getDb } from '@/utils/db/open';
import { snoozeSession } from '@/utils/db/sessions';
import { messageOf } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { PageReply } from '@/utils/session/messages';
import { refreshBadge } from './offer';

/** "Remind me later": the session waits until `until` (by the lifecycle) and its alarm is set, or the page is told why not. */
export async function snoozeFromPage(sessionId: string, until: number): Promise<PageReply> {
  try {
    const session = await snoozeSession(await getDb(), sessionId, until);
    // Gone, answered or set aside elsewhere meanwhile: nothing to remind of.
    if (session?.status !== 'snoozed' || session.snoozedUntil !== until) return { ok: false, error: t('checkInFlow.notWaiting') };
    await browser.alarms.create(alarmName('snooze', sessionId), { when: until });
    await refreshBadge();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}
