import { browser } from 'wxt/browser';
import { alarmName } from '@/utils/alarms';
import { getDb } from '@/utils/db/open';
import { discardSession, getSession, moveSession } from '@/utils/db/sessions';
import { appSessionAt, BROWSER_JOIN_GRACE_MS } from '@/utils/session/app-sessions';
import { appHandoffs, dueAppSessions } from '@/utils/storage';
import { offerSession, refreshBadge } from './offer';

/** A tab opened a page: the launch page of a therapy room records an app session, due after the room's usual length. */
export async function launchPageSeen(tabId: number, url: string, now: number = Date.now()): Promise<void> {
  if (!URL.canParse(url)) return;
  const handoffs = (await appHandoffs.getValue()).filter((handoff) => now - handoff.atMs < BROWSER_JOIN_GRACE_MS);
  const db = await getDb();
  // The same meeting's launch page again (a reload, a second click) is the same session.
  const session = await appSessionAt(db, new URL(url), now, (roomKey) => handoffs.some((handoff) => handoff.roomKey === roomKey));
  if (!session?.roomKey) return;
  await appHandoffs.setValue([...handoffs, { tabId, sessionId: session.id, roomKey: session.roomKey, atMs: now }]);
  await browser.alarms.create(alarmName('app', session.id), { when: session.snoozedUntil ?? now });
}

/** A call started in this tab: a launch page seen there moments ago was joined in the browser, not the app. */
export async function joinedInBrowser(tabId: number, now: number = Date.now()): Promise<void> {
  const handoffs = await appHandoffs.getValue();
  const mine = handoffs.filter((handoff) => handoff.tabId === tabId);
  if (mine.length === 0) return;
  await appHandoffs.setValue(handoffs.filter((handoff) => handoff.tabId !== tabId));
  const db = await getDb();
  for (const handoff of mine.filter((h) => now - h.atMs < BROWSER_JOIN_GRACE_MS)) {
    await discardSession(db, handoff.sessionId, now);
    await browser.alarms.clear(alarmName('app', handoff.sessionId));
  }
}

/** The app session's time came: it waits for the person to be back in the browser. */
export async function appSessionDue(sessionId: string): Promise<void> {
  await dueAppSessions.setValue([...new Set([...(await dueAppSessions.getValue()), sessionId])]);
  await refreshBadge();
}

/** The person is active in the browser (a window focused, a tab chosen): due app sessions are asked about now. */
export async function personActive(): Promise<void> {
  const due = await dueAppSessions.getValue();
  if (due.length === 0) return;
  await dueAppSessions.setValue([]);
  const db = await getDb();
  for (const id of due) {
    const current = await getSession(db, id);
    if (!current?.app || current.status !== 'snoozed') continue;
    const session = await moveSession(db, id, 'due');
    if (session) await offerSession(session);
  }
}
