import { updateCheckIn } from '../db/checkins';
import { toStorageError } from '../db/errors';
import { openCheckIns } from '../db/lock';
import type { DebriefDb } from '../db/open';
import { lastProviderForPlatform } from '../db/history';
import { getRoom } from '../db/rooms';
import type { CheckIn, Session } from '../db/schema';

/** A "to bring up next time" note still waiting to be brought up: the same words noted again are one. */
export interface BringUp {
  /** The check-ins that noted it, newest first (the first is its key). */
  checkInIds: string[];
  text: string;
  /** When it was last noted. */
  notedMs: number;
  /** Noted at the check-in just before this session, so it reads "Last time". */
  lastTime: boolean;
}

/** The words that make two notes the same note: case, spacing and a final full stop aside. */
function sameWords(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
}

/** How many of the latest check-ins are looked through: older notes are stale, and years of entries stay cheap to open. */
export const BRING_UP_LOOKBACK = 30;

/**
 * Notes "to bring up next time" written before `beforeMs` and not yet ticked off, newest first,
 * the same words folded into one. They follow the person across platforms; when both check-ins
 * name a therapist, only the same therapist's notes count (someone may see two people).
 * The window, the popup and the tab's badge all ask here.
 */
export async function waitingBringUps(db: DebriefDb, options: { beforeMs: number; therapist?: string; limit?: number }): Promise<BringUp[]> {
  const therapist = (options.therapist ?? '').trim().toLowerCase();
  const written: CheckIn[] = [];
  try {
    const index = db.transaction('checkIns').store.index('by-created');
    let cursor = await index.openCursor(IDBKeyRange.upperBound(options.beforeMs, true), 'prev');
    while (cursor && written.length < BRING_UP_LOOKBACK) {
      written.push(cursor.value);
      cursor = await cursor.continue();
    }
  } catch (error) {
    throw toStorageError(error);
  }
  // While locked this raises the `locked` error: the window says to unlock instead of the note.
  const opened = await openCheckIns(written);
  const previous = opened[0]?.id;
  const folded = new Map<string, BringUp>();
  for (const c of opened) {
    if (c.notes.nextTime.trim() === '' || c.nextTimeDone) continue;
    if (therapist && c.provider.trim() && c.provider.trim().toLowerCase() !== therapist) continue;
    const key = sameWords(c.notes.nextTime);
    const same = folded.get(key);
    if (same) same.checkInIds.push(c.id);
    else folded.set(key, { checkInIds: [c.id], text: c.notes.nextTime.trim(), notedMs: c.createdMs, lastTime: c.id === previous });
  }
  return [...folded.values()].slice(0, options.limit ?? Infinity);
}

/** "I did": the note (every check-in that noted it) is ticked off and asked about no more. */
export async function markBroughtUp(db: DebriefDb, note: Pick<BringUp, 'checkInIds'>): Promise<void> {
  for (const checkInId of note.checkInIds) await updateCheckIn(db, checkInId, () => ({ nextTimeDone: true }));
}

/** Who a session is with: its room's name (the therapist, as the person gave it), else the last therapist named on its platform. */
export async function sessionTherapist(db: DebriefDb, session: Pick<Session, 'platform' | 'roomKey'>): Promise<string> {
  const room = session.roomKey ? await getRoom(db, session.roomKey) : undefined;
  return room?.name || lastProviderForPlatform(db, session.platform);
}
