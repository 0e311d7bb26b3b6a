import { updateCheckIn } from '../db/checkins';
import { toStorageError } from '../db/errors';
import type { DebriefDb } from '../db/open';
import type { CheckIn } from '../db/schema';

/** A "to bring up next time" note still waiting to be brought up. */
export interface BringUp {
  checkInId: string;
  text: string;
}

/**
 * Notes "to bring up next time" written before `beforeMs` and not yet ticked off, newest first.
 * They follow the person across platforms; when both check-ins name a therapist, only the same
 * therapist's notes count (someone may see two people).
 */
export async function waitingBringUps(db: DebriefDb, options: { beforeMs: number; therapist?: string; limit?: number }): Promise<BringUp[]> {
  const therapist = (options.therapist ?? '').trim().toLowerCase();
  let written: CheckIn[];
  try {
    written = await db.getAllFromIndex('checkIns', 'by-created', IDBKeyRange.upperBound(options.beforeMs, true));
  } catch (error) {
    throw toStorageError(error);
  }
  return written
    .filter((c) => c.notes.nextTime.trim() !== '' && !c.nextTimeDone)
    .filter((c) => !therapist || !c.provider.trim() || c.provider.trim().toLowerCase() === therapist)
    .sort((a, b) => b.createdMs - a.createdMs)
    .slice(0, options.limit ?? 3)
    .map((c) => ({ checkInId: c.id, text: c.notes.nextTime.trim() }));
}

/** "I did": the note is ticked off and asked about no more. */
export async function markBroughtUp(db: DebriefDb, checkInId: string): Promise<void> {
  await updateCheckIn(db, checkInId, () => ({ nextTimeDone: true }));
}
