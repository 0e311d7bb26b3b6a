import { formatNumber, t } from '../i18n/index.ts';
import { toStorageError } from './errors';
import { openGoals, storedGoal, takeStamp } from './lock';
import type { DebriefDb } from './open';
import type { Goal, GoalStatus } from './schema';
import { localIsoString } from './time';

/** Longest goal title kept; a goal is a line, not a journal entry. */
import { GOAL_TITLE_MAX } from '../checkin/limits';

/** A goal the person asked for that cannot be made (empty, duplicate, gone); the message says why. */
export class GoalInputError extends Error {
  override name = 'GoalInputError';
}

function rethrow(error: unknown): never {
  if (error instanceof GoalInputError) throw error;
  throw toStorageError(error);
}

/** The title as stored: trimmed, inner whitespace collapsed; throws if empty or too long. */
export function cleanGoalTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new GoalInputError(t('goals.errorEmpty'));
  if (clean.length > GOAL_TITLE_MAX) {
    throw new GoalInputError(t('goals.errorTooLong', { max: formatNumber(GOAL_TITLE_MAX) }));
  }
  return clean;
}

function sameTitle(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** Oldest first; the id only breaks ties so the order never flickers between reads. */
function byAdded(a: Goal, b: Goal): number {
  return a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every goal, whatever its status, oldest first, so old check-ins can still name the goals they mention. */
export async function listAllGoals(db: DebriefDb): Promise<Goal[]> {
  try {
    return (await openGoals(await db.getAll('goals'))).sort(byAdded);
  } catch (error) {
    return rethrow(error);
  }
}

/** Goals with the given status, oldest first (the order the person added them). */
export async function listGoals(db: DebriefDb, status: GoalStatus = 'active'): Promise<Goal[]> {
  try {
    return (await openGoals(await db.getAllFromIndex('goals', 'by-status', status))).sort(byAdded);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Adds an active goal; refuses an empty title or one an active goal already has. */
export async function addGoal(db: DebriefDb, title: string, now: Date = new Date()): Promise<Goal> {
  const clean = cleanGoalTitle(title);
  try {
    // Read, open and seal outside the write: the cipher cannot run inside a transaction.
    const before = await db.getAllFromIndex('goals', 'by-status', 'active');
    if ((await openGoals(before)).some((goal) => sameTitle(goal.title, clean))) {
      throw new GoalInputError(t('goals.errorDuplicate', { goal: clean }));
    }
    const { stamp, deviceId } = await takeStamp(db, now.getTime());
    const goal: Goal = {
      id: crypto.randomUUID(),
      createdAt: localIsoString(now),
      createdMs: now.getTime(),
      updatedAt: stamp,
      deviceId,
      title: clean,
      status: 'active',
    };
    const stored = await storedGoal(db, goal);
    const tx = db.transaction('goals', 'readwrite');
    // Another page added one meanwhile: its title was not compared, so ask again.
    if (stampsOf(await tx.store.index('by-status').getAll('active')) !== stampsOf(before)) throw new GoalInputError(t('goals.errorMoved'));
    await tx.store.add(stored);
    await tx.done;
    return goal;
  } catch (error) {
    rethrow(error);
  }
}

function stampsOf(goals: Goal[]): string {
  return goals.map((goal) => `${goal.id}|${goal.updatedAt}`).sort().join(',');
}

async function changeGoal(
  db: DebriefDb,
  id: string,
  change: (goal: Goal, others: Goal[]) => Partial<Pick<Goal, 'title' | 'status'>>,
  now: Date,
): Promise<Goal> {
  try {
    const all = await db.getAll('goals');
    const stored = all.find((goal) => goal.id === id);
    if (!stored) throw new GoalInputError(t('goals.errorGone'));
    const opened = await openGoals(all);
    const { sealed: _sealed, ...current } = opened.find((goal) => goal.id === id)!;
    const patch = change(current, opened.filter((goal) => goal.id !== id));
    const { stamp, deviceId } = await takeStamp(db, now.getTime());
    const next: Goal = { ...current, ...patch, updatedAt: stamp, deviceId };
    const sealed = await storedGoal(db, next);
    const tx = db.transaction('goals', 'readwrite');
    if (stampsOf(await tx.store.getAll()) !== stampsOf(all)) throw new GoalInputError(t('goals.errorMoved'));
    await tx.store.put(sealed);
    await tx.done;
    return next;
  } catch (error) {
    rethrow(error);
  }
}

/** Renames a goal; past progress stays attached because it refers to the goal's id. */
export async function renameGoal(db: DebriefDb, id: string, title: string, now: Date = new Date()): Promise<Goal> {
  const clean = cleanGoalTitle(title);
  return changeGoal(
    db,
    id,
    (goal, others) => {
      const clash = others.some((other) => other.status === 'active' && sameTitle(other.title, clean));
      if (goal.status === 'active' && clash) throw new GoalInputError(t('goals.errorDuplicate', { goal: clean }));
      return { title: clean };
    },
    now,
  );
}

/** Marks a goal active (asked about in check-ins), achieved or archived (both no longer asked). */
export async function setGoalStatus(db: DebriefDb, id: string, status: GoalStatus, now: Date = new Date()): Promise<Goal> {
  return changeGoal(
    db,
    id,
    (goal, others) => {
      const clash = others.some((other) => other.status === 'active' && sameTitle(other.title, goal.title));
      if (status === 'active' && clash) throw new GoalInputError(t('goals.errorDuplicate', { goal: goal.title }));
      return { status };
    },
    now,
  );
}
