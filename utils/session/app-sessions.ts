/**
 * Sessions in the Zoom, Teams and Webex desktop apps. The browser sees only the meeting's launch page;
 * when that meeting is one of the person's therapy rooms, Debrief records an app session and asks about
 * it once the room's usual length has passed, the next time the person is active in the browser.
 * A call that starts in the same tab soon after means they joined in the browser instead.
 */
import type { DebriefDb } from '../db/open';
import { getRoom, usualLengthMs } from '../db/rooms';
import type { Session } from '../db/schema';
import { createSession } from '../db/sessions';
import { siteForUrl } from '../sites/registry';
import { appSessionMinutes } from '../storage';

/** A call starting in the launch page's tab within this long joined in the browser, not the app. */
export const BROWSER_JOIN_GRACE_MS = 10 * 60_000;

/**
 * Records an app session when `url` is the launch page of one of the person's therapy rooms, unless `seen`
 * says that meeting's launch page was just seen; else nothing (a work meeting's launch page leaves no trace).
 */
export async function appSessionAt(db: DebriefDb, url: URL, now: number, seen: (roomKey: string) => boolean): Promise<Session | null> {
  const site = siteForUrl(url);
  const roomKey = site?.isLaunchPage?.(url) ? (site.roomKey?.(url) ?? null) : null;
  if (!site || !roomKey || seen(roomKey)) return null;
  const room = await getRoom(db, roomKey);
  if (room?.kind !== 'therapy') return null;
  const waitMs = (await usualLengthMs(db, roomKey)) ?? (await appSessionMinutes.getValue()) * 60_000;
  return createSession(db, { platform: site.id, host: url.host, startedMs: now, roomKey, appDueMs: now + waitMs });
}
