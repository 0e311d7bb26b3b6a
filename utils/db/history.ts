import { unlockedKey } from '../lock/session';
import { toStorageError } from './errors';
import type { KnownSecrets } from '../lock/checkins';
import { openCheckIns, readLock } from './lock';
import { heldCheckIns, secretsIn, writeSealedMonths } from './trend-months';
import type { DebriefDb } from './open';
import { endedHere } from './recorded';
import type { CheckIn, Session } from './schema';

/** Newest written first, as the `by-created` index gives them reversed (ties: the later id first). */
function byNewest(a: CheckIn, b: CheckIn): number {
  return b.createdMs - a.createdMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * With the lock on and unlocked, the check-ins from the sealed months alone (a decrypt per month)
 * when they hold as many as the store (a write while locked drops the months it touches), or the
 * months' check-ins to open the others with; null while the lock is off or locked.
 */
async function fromMonths(db: DebriefDb): Promise<{ all: CheckIn[] } | { key: CryptoKey; known: KnownSecrets } | null> {
  if (!(await readLock(db))) return null;
  const key = await unlockedKey();
  if (!key) return null;
  const tx = db.transaction(['checkIns', 'trendMonths'], 'readonly');
  const [count, months] = await Promise.all([tx.objectStore('checkIns').index('by-created').count(), tx.objectStore('trendMonths').getAll()]);
  const { held, whole } = await heldCheckIns(db, key, months);
  return whole && held.length === count ? { all: held.sort(byNewest) } : { key, known: secretsIn(held) };
}

/**
 * Every check-in, newest first, in one read (much faster than a cursor for thousands). With the
 * lock on, from the sealed months; when they lack a check-in, it opens on its own and they are written again.
 */
export async function listAllCheckIns(db: DebriefDb): Promise<CheckIn[]> {
  try {
    const months = await fromMonths(db);
    if (months && 'all' in months) return months.all;
    const newestFirst = (await db.getAllFromIndex('checkIns', 'by-created')).reverse();
    if (!months) return await openCheckIns(newestFirst);
    const { key, known } = months;
    const opened = await openCheckIns(newestFirst, known, key);
    // The months disagree with the store: written again (those that lack a check-in, or all).
    void writeSealedMonths(db, key, newestFirst, opened, known);
    return opened;
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Sessions this device recorded that ended without a check-in (pending or snoozed), most recent
 * first. Another device's sessions are its own to ask about, so one call never gets two check-ins.
 */
export async function listUnansweredSessions(db: DebriefDb): Promise<Session[]> {
  try {
    const tx = db.transaction('sessions');
    const index = tx.store.index('by-status');
    const [pending, snoozed] = await Promise.all([index.getAll('pending'), index.getAll('snoozed')]);
    await tx.done;
    const when = (session: Session) => session.endedMs ?? session.lastSeenMs;
    return (await endedHere(db, [...pending, ...snoozed])).sort((a, b) => when(b) - when(a));
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * The therapist named on the latest check-in from this platform (null: manual), or ''; '' too
 * while locked, so the check-in window never shows a sealed name.
 * Walks back from the newest check-in and stops at the first match, so it is quick in practice.
 */
export async function lastProviderForPlatform(db: DebriefDb, platform: string | null): Promise<string> {
  try {
    const sealed: CheckIn[] = [];
    let cursor = await db.transaction('checkIns').store.index('by-created').openCursor(null, 'prev');
    while (cursor) {
      const { platform: cursorPlatform, provider, sealed: isSealed } = cursor.value;
      if (cursorPlatform === platform && isSealed !== undefined) sealed.push(cursor.value);
      else if (cursorPlatform === platform && provider.trim() !== '' && sealed.length === 0) return provider.trim();
      cursor = await cursor.continue();
    }
    if (sealed.length === 0 || !(await unlockedKey())) return '';
    for (const checkIn of await openCheckIns(sealed)) if (checkIn.provider.trim() !== '') return checkIn.provider.trim();
    return '';
  } catch (error) {
    throw toStorageError(error);
  }
}
