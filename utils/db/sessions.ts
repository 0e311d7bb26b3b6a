import { toStorageError } from './errors';
import { stampIn } from './meta';
import type { DebriefDb } from './open';
import { endedHere, followRecordedIn, noteRecordedIn, recordedSessions } from './recorded';
import type { Session, SessionEndReason, SessionStatus } from './schema';
import { localIsoString } from './time';

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

export function getSession(db: DebriefDb, id: string): Promise<Session | undefined> {
  return guarded(() => db.get('sessions', id));
}

export function listSessions(db: DebriefDb, status: SessionStatus): Promise<Session[]> {
  return guarded(() => db.getAllFromIndex('sessions', 'by-status', status));
}

/** Records a session that has just started on a telehealth page. */
export function createSession(db: DebriefDb, start: { platform: string; host: string; startedMs: number }): Promise<Session> {
  return guarded(async () => {
    const tx = db.transaction(['sessions', 'meta'], 'readwrite');
    const { stamp, deviceId } = await stampIn(tx, start.startedMs);
    const session: Session = {
      id: crypto.randomUUID(),
      createdAt: localIsoString(new Date(start.startedMs)),
      createdMs: start.startedMs,
      updatedAt: stamp,
      deviceId,
      platform: start.platform,
      host: start.host,
      startedAt: localIsoString(new Date(start.startedMs)),
      startedMs: start.startedMs,
      endedAt: null,
      endedMs: null,
      endReason: null,
      lastSeenMs: start.startedMs,
      status: 'in-progress',
      snoozedUntil: null,
      checkInId: null,
    };
    await tx.objectStore('sessions').add(session);
    await noteRecordedIn(tx, session.id, 'recording');
    await tx.done;
    return session;
  });
}

/** Applies a change to one session in its own transaction, stamping it. */
export function patchSession(
  db: DebriefDb,
  id: string,
  change: (current: Session) => Partial<Session> | null,
  now: number = Date.now(),
): Promise<Session | undefined> {
  return guarded(async () => {
    const tx = db.transaction(['sessions', 'meta'], 'readwrite');
    const current = await tx.objectStore('sessions').get(id);
    const patch = current ? change(current) : null;
    if (!current || !patch) {
      await tx.done;
      return current;
    }
    const { stamp, deviceId } = await stampIn(tx, now);
    const next: Session = { ...current, ...patch, id, updatedAt: stamp, deviceId };
    await tx.objectStore('sessions').put(next);
    await followRecordedIn(tx, id, next);
    await tx.done;
    return next;
  });
}

/** Closes an in-progress session; resolves undefined when it was not in progress (already ended). */
export async function endSession(
  db: DebriefDb,
  id: string,
  end: { endedMs: number; reason: SessionEndReason; status: SessionStatus },
): Promise<Session | undefined> {
  let ended = false;
  const session = await patchSession(
    db,
    id,
    (current) => {
      if (current.status !== 'in-progress') return null;
      ended = true;
      return {
        endedMs: end.endedMs,
        endedAt: localIsoString(new Date(end.endedMs)),
        endReason: end.reason,
        lastSeenMs: Math.max(current.lastSeenMs, end.endedMs),
        status: end.status,
      };
    },
    end.endedMs,
  );
  return ended ? session : undefined;
}

/** Notes that in-progress sessions are still live, without a new stamp (not a user change). */
export function touchSessions(db: DebriefDb, ids: string[], now: number = Date.now()): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('sessions', 'readwrite');
    for (const id of ids) {
      const session = await tx.store.get(id);
      if (session?.status === 'in-progress') await tx.store.put({ ...session, lastSeenMs: now });
    }
    await tx.done;
  });
}

/**
 * The one rule for what this device asks about (window, badge, notification and every list of the
 * popup): sessions it recorded and ended that wait for a check-in, `due` now (pending, or snoozed
 * until a time now past) or put off until `later`. A session answered or dismissed here is no
 * longer recorded as waiting, so no file can bring it back.
 */
export async function waitingSessions(db: DebriefDb, now: number = Date.now()): Promise<{ due: Session[]; later: Session[] }> {
  const [pending, snoozed] = await Promise.all([listSessions(db, 'pending'), listSessions(db, 'snoozed')]);
  const here = (await guarded(() => endedHere(db, [...pending, ...snoozed]))).sort((a, b) => b.startedMs - a.startedMs);
  const isLater = (s: Session) => s.status === 'snoozed' && (s.snoozedUntil ?? 0) > now;
  return { due: here.filter((s) => !isLater(s)), later: here.filter(isLater) };
}

/** Sessions this device asks about now (see waitingSessions). */
export async function offeredSessions(db: DebriefDb, now: number = Date.now()): Promise<Session[]> {
  return (await waitingSessions(db, now)).due;
}

/** Sessions in progress that this device is recording (not ones in progress on another device). */
export async function recordingSessions(db: DebriefDb): Promise<Session[]> {
  const [live, recorded] = await Promise.all([listSessions(db, 'in-progress'), guarded(() => recordedSessions(db))]);
  return live.filter((s) => recorded.get(s.id) === 'recording');
}

/** Removes a session too short to ask about, leaving a deletion record so no copy of it comes back. */
export function discardSession(db: DebriefDb, id: string, now: number = Date.now()): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['sessions', 'tombstones', 'meta'], 'readwrite');
    // Gone already (or moved to a new id when a record of another kind took its id): no
    // deletion record, which would take the id from the record that holds it now.
    if (await tx.objectStore('sessions').get(id)) {
      const { stamp } = await stampIn(tx, now);
      await tx.objectStore('sessions').delete(id);
      await tx.objectStore('tombstones').put({ id, store: 'sessions', deletedAt: stamp });
    }
    await followRecordedIn(tx, id, null);
    await tx.done;
  });
}

/** "Remind me later": the session comes back at `until`. */
export function snoozeSession(db: DebriefDb, id: string, until: number, now: number = Date.now()): Promise<Session | undefined> {
  return patchSession(db, id, (s) => (s.status === 'answered' ? null : { status: 'snoozed', snoozedUntil: until }), now);
}

/** "Not a therapy session": never asked about again. */
export function dismissSession(db: DebriefDb, id: string, now: number = Date.now()): Promise<Session | undefined> {
  return patchSession(db, id, (s) => (s.status === 'answered' ? null : { status: 'dismissed', snoozedUntil: null }), now);
}
