import { guarded } from './errors';
import type { DebriefDb } from './open';
import type { ReflectionSchedule } from './schema';

/** Plans a reflection for a check-in; planning it again keeps the first plan. */
export function scheduleReflection(db: DebriefDb, checkInId: string, dueMs: number): Promise<ReflectionSchedule> {
  return guarded(async () => {
    const tx = db.transaction('reflections', 'readwrite');
    const existing = await tx.store.get(checkInId);
    const schedule = existing ?? { checkInId, dueMs, promptedMs: null };
    if (!existing) await tx.store.put(schedule);
    await tx.done;
    return schedule;
  });
}

export function listReflections(db: DebriefDb): Promise<ReflectionSchedule[]> {
  return guarded(() => db.getAll('reflections'));
}

/**
 * Marks a reflection as prompted, atomically. Returns false when it was already prompted
 * (or never planned), so two alarms or two workers never invite twice.
 */
export function claimReflection(db: DebriefDb, checkInId: string, now: number = Date.now()): Promise<boolean> {
  return guarded(async () => {
    const tx = db.transaction('reflections', 'readwrite');
    const schedule = await tx.store.get(checkInId);
    if (!schedule || schedule.promptedMs !== null) {
      await tx.done;
      return false;
    }
    await tx.store.put({ ...schedule, promptedMs: now });
    await tx.done;
    return true;
  });
}

/** Forgets a reflection plan (answered, or its check-in deleted). */
export function forgetReflection(db: DebriefDb, checkInId: string): Promise<void> {
  return guarded(() => db.delete('reflections', checkInId));
}
