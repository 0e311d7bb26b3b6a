import { browser } from 'wxt/browser';
import { notificationId, type NotificationKind } from '@/utils/notifications';

/** Shows one of Debrief's notifications (utils/notifications.ts); the words are Debrief's, never the person's. */
export async function notify(kind: NotificationKind, id: string, words: { title: string; message: string }): Promise<void> {
  await browser.notifications.create(notificationId(kind, id), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    ...words,
  });
}
