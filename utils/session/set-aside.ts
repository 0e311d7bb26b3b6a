/** The ways out of a waiting session taken from a list (popup, History), each told to the badge. */
import { browser } from 'wxt/browser';
import type { DebriefDb } from '../db/open';
import type { Session } from '../db/schema';
import { dismissSession, restoreWaiting, skipSession } from '../db/sessions';
import { setPlatformAsked } from '../storage';
import type { PageMessage } from './messages';

async function tellBadge(): Promise<void> {
  const changed: PageMessage = { type: 'waiting-changed' };
  await browser.runtime.sendMessage(changed).catch(() => undefined);
}

/** "Not therapy" or "Skip" on a waiting session. */
export async function setSessionAside(db: DebriefDb, sessionId: string, kind: 'dismissed' | 'skipped'): Promise<void> {
  await (kind === 'dismissed' ? dismissSession : skipSession)(db, sessionId);
  await tellBadge();
}

/** Undo: the session waits again as it was (snoozed until the same time), and a platform turned off here is asked again. */
export async function undoSetAside(
  db: DebriefDb,
  session: Pick<Session, 'id' | 'platform' | 'snoozedUntil'>,
  askAgain: boolean,
): Promise<void> {
  const before = session.snoozedUntil === null ? null : ({ status: 'snoozed', snoozedUntil: session.snoozedUntil } as const);
  await restoreWaiting(db, session.id, before);
  if (askAgain) await setPlatformAsked(session.platform, true);
  await tellBadge();
}

/** "Stop asking on <platform>", chosen from a session set aside. */
export async function stopAskingOn(platform: string): Promise<void> {
  await setPlatformAsked(platform, false);
  await tellBadge();
}
