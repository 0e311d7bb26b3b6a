import { toStorageError } from './errors';
import type { DebriefDb } from './open';

/** Device-local state of one follow-up reflection (kept in `meta`, never synced). */
export interface ReflectionSchedule {
  checkInId: string;
  dueMs: number;
  /** When the person was invited; set once so the invitation never repeats. */
  promptedMs: number | null;
}

const PREFIX = 'reflection:';
const range = () => IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Plans a reflection for a check-in; planning it again keeps the first plan. */
export function scheduleReflection(db: DebriefDb, checkInId: string, dueMs: number): Promise<ReflectionSchedule> {
  return guarded(async () => {
    const tx = db.transaction('meta', 'readwrite');
    const existing = await tx.store.get(`${PREFIX}${checkInId}`);
    const schedule = (existing?.value as ReflectionSchedule | undefined) ?? { checkInId, dueMs, promptedMs: null };
    if (!existing) await tx.store.put({ key: `${PREFIX}${checkInId}`, value: schedule });
    await tx.done;
    return schedule;
  });
}

export function listReflections(db: DebriefDb): Promise<ReflectionSchedule[]> {
  return guarded(async () => (await db.getAll('meta', range())).map((entry) => entry.value as ReflectionSchedule));
}

/**
 * Marks a reflection as prompted, atomically. Returns false when it was already prompted
 * (or never planned), so two alarms or two workers never invite twice.
 */
export function claimReflection(db: DebriefDb, checkInId: string, now: number = Date.now()): Promise<boolean> {
  return guarded(async () => {
    const tx = db.transaction('meta', 'readwrite');
    const entry = await tx.store.get(`${PREFIX}${checkInId}`);
    const schedule = entry?.value as ReflectionSchedule | undefined;
    if (!schedule || schedule.promptedMs !== null) {
      await tx.done;
      return false;
    }
    await tx.store.put({ key: `${PREFIX}${checkInId}`, value: { ...schedule, promptedMs: now } });
    await tx.done;
    return true;
  });
}

/** Forgets a reflection plan (answered, or its check-in deleted). */
export function forgetReflection(db: DebriefDb, checkInId: string): Promise<void> {
  return guarded(() => db.delete('meta', `${PREFIX}${checkInId}`));
}
