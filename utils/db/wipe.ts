/** "Delete everything": every record the person made, gone in one transaction. */
import { toStorageError } from './errors';
import type { DebriefDb } from './open';
import type { StoreName } from './schema';

/**
 * Meta entries that survive: the device id keeps this browser the same device to its sync
 * folder file and to other devices, and the clock keeps later stamps after ones already
 * shared. Neither says anything about the person. Everything else in meta (the sync
 * folder, import bookkeeping) goes, so a wipe also disconnects the sync folder.
 */
const KEPT_META = new Set(['deviceId', 'clock']);
const CLEARED: readonly StoreName[] = ['checkIns', 'sessions', 'goals', 'drafts', 'tombstones', 'reflections', 'trendMonths', 'rooms'];

export interface WipeResult {
  checkIns: number;
  sessions: number;
  goals: number;
}

/** Clears check-ins, sessions, goals, drafts, deletion records, reflection plans and meta (but the device id and clock) at once. */
export async function deleteEverything(db: DebriefDb): Promise<WipeResult> {
  try {
    const tx = db.transaction([...CLEARED, 'meta'], 'readwrite');
    const [checkIns, sessions, goals, metaKeys] = await Promise.all([
      tx.objectStore('checkIns').count(),
      tx.objectStore('sessions').count(),
      tx.objectStore('goals').count(),
      tx.objectStore('meta').getAllKeys(),
    ]);
    const requests: Promise<unknown>[] = CLEARED.map((store) => tx.objectStore(store).clear());
    for (const key of metaKeys) if (!KEPT_META.has(key)) requests.push(tx.objectStore('meta').delete(key));
    await Promise.all([...requests, tx.done]);
    return { checkIns, sessions, goals };
  } catch (error) {
    throw toStorageError(error);
  }
}
