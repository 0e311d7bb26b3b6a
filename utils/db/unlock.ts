/** Unlocking, kept apart from turning the lock on and off so the check-in window loads only this. */
import { unlockWithPassphrase, unlockWithRecovery } from '../lock/keys';
import { rememberUnlocked } from '../lock/session';
import { readLock } from './lock';
import type { DebriefDb } from './open';

const RECOVERY_SHAPE = /^[A-Za-z2-7\s-]{32,}$/;

/** Unlocks with the passphrase or the recovery key; false (nothing changes) when it is neither. */
export async function unlock(db: DebriefDb, secret: string): Promise<boolean> {
  const lock = await readLock(db);
  if (!lock || secret === '') return false;
  const key =
    (RECOVERY_SHAPE.test(secret.trim()) ? await unlockWithRecovery(lock, secret) : null) ?? (await unlockWithPassphrase(lock, secret));
  if (!key) return false;
  await rememberUnlocked(key);
  return true;
}
