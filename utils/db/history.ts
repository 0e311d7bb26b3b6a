import { unlockedKey } from '../lock/session';
import { toStorageError } from './errors';
import { isSealed, missing } from '../lock/checkins';
import { openCheckIns, openingKey, readLock } from './lock';
import { knownSecrets, writeSealedMonths } from './trend-months';
import type { DebriefDb } from './open';
import { endedHere } from './recorded';
import type { CheckIn, Session } from './schema';

/**
 * Every check-in, newest first, in one read (much faster than a cursor for thousands). With the
 * lock on, the sealed months open a month at a time; when they lack a check-in they are written again.
 */
export async function listAllCheckIns(db: DebriefDb): Promise<CheckIn[]> {
  try {
    // The months are read and opened while the check-ins are read.
    const months = readLock(db).then(async (lock) => {
      if (!lock) return null;
      const key = await openingKey();
      return { key, known: await knownSecrets(db, key) };
    });
    months.catch(() => undefined);
    const newestFirst = (await db.getAllFromIndex('checkIns', 'by-created')).reverse();
    if (!newestFirst.some(isSealed)) return newestFirst;
    const sealedBy = await months;
    if (!sealedBy) return await openCheckIns(newestFirst);
    const { key, known } = sealedBy;
    const opened = await openCheckIns(newestFirst, known, key);
    if (newestFirst.some((checkIn) => missing(checkIn, known))) void writeSealedMonths(db, key, newestFirst, opened, known);
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
