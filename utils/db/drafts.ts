import { toStorageError } from './errors';
import type { DebriefDb } from './open';
import type { CheckInAnswers, Draft } from './schema';
import { localIsoString } from './time';

export async function getDraft(db: DebriefDb, key: string): Promise<Draft | undefined> {
  try {
    return await db.get('drafts', key);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Keeps what the person has typed so far; called on every change. */
export async function putDraft(db: DebriefDb, key: string, answers: CheckInAnswers, now: Date = new Date()): Promise<void> {
  try {
    const tx = db.transaction('drafts', 'readwrite');
    void tx.store.put({ ...answers, key, savedAt: localIsoString(now) });
    // Commit at once rather than when the task ends: the window may be closing.
    tx.commit();
    await tx.done;
  } catch (error) {
    throw toStorageError(error);
  }
}
