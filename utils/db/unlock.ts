/** Unlocking, kept apart from turning the lock on and off so the check-in window loads only this. */
import { openLock } from '../lock/keys';
import { rememberUnlocked } from '../lock/session';
import { readLock } from './lock';
import type { DebriefDb } from './open';

/** Unlocks with the passphrase or the recovery key; false (nothing changes) when it is neither. */
export async function unlock(db: DebriefDb, secret: string): Promise<boolean> {
  const lock = await readLock(db);
  const key = lock ? await openLock(lock, secret) : null;
  if (!key) return false;
  await rememberUnlocked(key);
  return true;
}
