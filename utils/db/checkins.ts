import { draftKeyFor } from '../checkin/drafts';
import { MAX_HISTORY } from '../checkin/limits';
import { checkLimits, LimitError } from '../checkin/over-limit';
import { t } from '../i18n/index.ts';
import { toStorageError } from './errors';
import { openCheckIns, storedForm, takeStamp } from './lock';
import { stampIn } from './meta';
import type { DebriefDb } from './open';
import { followRecordedIn } from './recorded';
import { nameIfUnnamed, setRoomIn } from './rooms';
import type { CheckIn, CheckInAnswers, CheckInVersion, Room, Tombstone } from './schema';
import { localIsoString } from './time';
import { nextStatus } from '../session/lifecycle';
import { followCheckIns } from './trend-months';

/** What a page sends to save: the answers and the session asked about (null for a manual check-in). */
export interface NewCheckIn extends CheckInAnswers {
  sessionId: string | null;
}

/**
 * Saves a new check-in with its session's platform and times (read here, not sent by the page),
 * marks the session answered, makes its room a therapy room (named after the therapist when it had
 * no name) and clears its draft, all in one transaction: either everything happens or nothing does.
 */
export async function saveCheckIn(db: DebriefDb, input: NewCheckIn, now: Date = new Date()): Promise<CheckIn> {
  checkLimits(input);
  try {
    // Read and seal outside the write: the cipher cannot run inside a transaction.
    const { stamp, deviceId } = await takeStamp(db, now.getTime());
    const from = input.sessionId ? await db.get('sessions', input.sessionId) : undefined;
    const checkIn: CheckIn = {
      ...input,
      platform: from?.platform ?? null,
      sessionStartedAt: from?.startedAt ?? null,
      sessionEndedAt: from?.endedAt ?? null,
      id: crypto.randomUUID(),
      createdAt: localIsoString(now),
      createdMs: now.getTime(),
      updatedAt: stamp,
      deviceId,
      reflection: null,
      nextTimeDone: false,
      history: [],
    };
    const stored = await storedForm(db, checkIn);
    let roomToName: Room | undefined;
    const tx = db.transaction(['checkIns', 'sessions', 'drafts', 'meta', 'trendMonths', 'rooms'], 'readwrite');
    await tx.objectStore('checkIns').add(stored);
    await followCheckIns(tx.objectStore('trendMonths'), [{ after: stored }]);
    const session = input.sessionId ? await tx.objectStore('sessions').get(input.sessionId) : undefined;
    if (session) {
      const answered = { ...session, status: nextStatus(session.status, 'answer') ?? session.status, checkInId: checkIn.id, updatedAt: stamp, deviceId };
      await tx.objectStore('sessions').put(answered);
      await followRecordedIn(tx, session.id, answered);
      if (session.roomKey) {
        // With the lock on the therapist's name is sealed before it names the room, after this write.
        const name = stored.sealed === undefined ? input.provider : undefined;
        roomToName = await setRoomIn(tx, { id: session.roomKey, platform: session.platform, kind: 'therapy', name }, now.getTime());
      }
    }
    await tx.objectStore('drafts').delete(draftKeyFor(input.sessionId));
    await tx.done;
    // The check-in is saved: a room left unnamed is no reason to say it was not.
    if (roomToName && stored.sealed !== undefined) await nameIfUnnamed(db, roomToName, input.provider, now.getTime()).catch(() => undefined);
    return checkIn;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Applies an edit; the replaced version goes into `history` and `updatedAt` moves on. */
export async function updateCheckIn(
  db: DebriefDb,
  id: string,
  change: (current: CheckInVersion) => Partial<CheckInVersion>,
  now: Date = new Date(),
): Promise<CheckIn> {
  try {
    // Read, open and seal outside the write: the cipher cannot run inside a transaction.
    const before = await db.get('checkIns', id);
    if (!before) throw new Error(t('storage.checkInGone'));
    const [current] = await openCheckIns([before]);
    const { stamp, deviceId } = await takeStamp(db, now.getTime());
    const { history, ...version } = current!;
    const next: CheckIn = {
      ...version,
      ...change(version),
      id,
      createdAt: before.createdAt,
      createdMs: before.createdMs,
      updatedAt: stamp,
      deviceId,
      // The newest versions a file may carry; older ones go, as they do in merge.
      history: [...history, version].slice(-MAX_HISTORY),
    };
    delete next.sealed;
    checkLimits(next);
    const stored = await storedForm(db, next);
    const tx = db.transaction(['checkIns', 'meta', 'trendMonths'], 'readwrite');
    const latest = await tx.objectStore('checkIns').get(id);
    // Changed meanwhile (another page, an import): refuse rather than drop that change.
    if (latest?.updatedAt !== before.updatedAt) throw new Error(t('storage.checkInMoved'));
    await tx.objectStore('checkIns').put(stored);
    await followCheckIns(tx.objectStore('trendMonths'), [{ before, after: stored }]);
    await tx.done;
    return next;
  } catch (error) {
    if (error instanceof LimitError) throw error;
    throw toStorageError(error);
  }
}

/** Deletes a check-in, leaving a tombstone so the deletion syncs. Returns what was removed for undo. */
export async function deleteCheckIn(db: DebriefDb, id: string, now: Date = new Date()): Promise<CheckIn | undefined> {
  try {
    const tx = db.transaction(['checkIns', 'tombstones', 'meta', 'trendMonths'], 'readwrite');
    const current = await tx.objectStore('checkIns').get(id);
    if (!current) {
      await tx.done;
      return undefined;
    }
    const { stamp } = await stampIn(tx, now.getTime());
    const tombstone: Tombstone = { id, store: 'checkIns', deletedAt: stamp };
    await tx.objectStore('checkIns').delete(id);
    await followCheckIns(tx.objectStore('trendMonths'), [{ before: current }]);
    await tx.objectStore('tombstones').put(tombstone);
    await tx.done;
    return current;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Undoes a delete: the check-in comes back with a fresh stamp that beats its tombstone. */
export async function restoreCheckIn(db: DebriefDb, checkIn: CheckIn, now: Date = new Date()): Promise<CheckIn> {
  try {
    const [opened] = await openCheckIns([checkIn]);
    const { stamp, deviceId } = await takeStamp(db, now.getTime());
    const { sealed: _sealed, ...plain } = opened!;
    const restored: CheckIn = { ...plain, updatedAt: stamp, deviceId };
    const stored = await storedForm(db, restored);
    const tx = db.transaction(['checkIns', 'tombstones', 'meta', 'trendMonths'], 'readwrite');
    const before = await tx.objectStore('checkIns').get(checkIn.id);
    await tx.objectStore('checkIns').put(stored);
    await followCheckIns(tx.objectStore('trendMonths'), [{ before, after: stored }]);
    await tx.objectStore('tombstones').delete(checkIn.id);
    await tx.done;
    return restored;
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function getCheckIn(db: DebriefDb, id: string): Promise<CheckIn | undefined> {
  try {
    const stored = await db.get('checkIns', id);
    return stored && (await openCheckIns([stored]))[0];
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function countCheckIns(db: DebriefDb): Promise<number> {
  try {
    return await db.count('checkIns');
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Check-ins newest first; `limit` bounds how many are read. */
export async function listCheckIns(db: DebriefDb, limit = Infinity): Promise<CheckIn[]> {
  try {
    const result: CheckIn[] = [];
    let cursor = await db.transaction('checkIns').store.index('by-created').openCursor(null, 'prev');
    while (cursor && result.length < limit) {
      result.push(cursor.value);
      cursor = await cursor.continue();
    }
    return await openCheckIns(result);
  } catch (error) {
    throw toStorageError(error);
  }
}
