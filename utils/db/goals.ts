import { toStorageError } from './errors';
import type { DebriefDb } from './open';
import type { Goal, GoalStatus } from './schema';

/** Goals with the given status, oldest first (the order the person added them). */
export async function listGoals(db: DebriefDb, status: GoalStatus = 'active'): Promise<Goal[]> {
  try {
    const goals = await db.getAllFromIndex('goals', 'by-status', status);
    return goals.sort((a, b) => a.createdMs - b.createdMs);
  } catch (error) {
    throw toStorageError(error);
  }
}
