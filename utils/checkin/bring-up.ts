import { updateCheckIn } from '../db/checkins';
import { toStorageError } from '../db/errors';
import { openCheckIns } from '../db/lock';
import type { DebriefDb } from '../db/open';
import type { CheckIn } from '../db/schema';

/** A "to bring up next time" note still waiting to be brought up. */
export interface BringUp {
  checkInId: string;
  text: string;
}

/** How many of the latest check-ins are looked through: older notes are stale, and years of entries stay cheap to open. */
export const BRING_UP_LOOKBACK = 30;

/**
 * Notes "to bring up next time" written before `beforeMs` and not yet ticked off, newest first.
 * They follow the person across platforms; when both check-ins name a therapist, only the same
 * therapist's notes count (someone may see two people).
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
  return opened
    .filter((c) => c.notes.nextTime.trim() !== '' && !c.nextTimeDone)
    .filter((c) => !therapist || !c.provider.trim() || c.provider.trim().toLowerCase() === therapist)
    .slice(0, options.limit ?? 3)
    .map((c) => ({ checkInId: c.id, text: c.notes.nextTime.trim() }));
}

/** "I did": the note is ticked off and asked about no more. */
export async function markBroughtUp(db: DebriefDb, checkInId: string): Promise<void> {
  await updateCheckIn(db, checkInId, () => ({ nextTimeDone: true }));
}
