/** A goal's title is what the person wrote: sealed with the lock on; id, status and stamps stay readable. */
import type { Goal } from '../db/schema';
import { openJson, sealJson, type SealPlace } from './envelope';

function placeOf(goal: Goal): SealPlace {
  return { store: 'goals', id: goal.id, stamp: goal.updatedAt };
}

/** The goal with its title sealed (public key, or private key while unlocked; blank in the clear). */
export async function sealGoal(key: CryptoKey, goal: Goal): Promise<Goal> {
  if (goal.sealed !== undefined) return goal;
  return { ...goal, title: '', sealed: await sealJson(key, placeOf(goal), { title: goal.title }) };
}

/** The goal as written; throws BrokenSealError unless its title opens whole. */
export async function openGoal(privateKey: CryptoKey, goal: Goal): Promise<Goal> {
  if (goal.sealed === undefined) return goal;
  const { sealed, ...rest } = goal;
  // Authenticated: only Debrief sealed it, for this goal and stamp.
  const { title } = (await openJson(privateKey, placeOf(goal), sealed)) as { title: string };
  return { ...rest, title };
}
