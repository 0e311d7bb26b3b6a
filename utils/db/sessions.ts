import { guarded } from './errors';
import { deleteSyncedIn, stampIn } from './meta';
import type { DebriefDb } from './open';
import { endedHere, followRecordedIn, noteRecordedIn, recordedSessions } from './recorded';
import type { Session, SessionEndReason, SessionStatus } from './schema';
import { localIsoString } from './time';
import { nextStatus, type SessionEvent } from '../session/lifecycle';

export function getSession(db: DebriefDb, id: string): Promise<Session | undefined> {
  return guarded(() => db.get('sessions', id));
}

export function listSessions(db: DebriefDb, status: SessionStatus): Promise<Session[]> {
  return guarded(() => db.getAllFromIndex('sessions', 'by-status', status));
}

/**
 * Records a session that has just started on a telehealth page; or, with `appDueMs`, one handed to a
 * desktop app, which waits (snoozed) until then with no end known.
 */
export function createSession(
  db: DebriefDb,
  start: { platform: string; host: string; startedMs: number; roomKey?: string | null; appDueMs?: number },
): Promise<Session> {
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
      status: start.appDueMs === undefined ? 'in-progress' : 'snoozed',
      snoozedUntil: start.appDueMs ?? null,
      checkInId: null,
      roomKey: start.roomKey ?? null,
      ...(start.appDueMs !== undefined && { app: true }),
    };
    await tx.objectStore('sessions').add(session);
    await noteRecordedIn(tx, session.id, start.appDueMs === undefined ? 'recording' : 'ended');
    await tx.done;
    return session;
  });
}

/** Applies a change to one session in its own transaction, stamping it. */
function patchSession(
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
  end: { endedMs: number; reason: SessionEndReason; quiet?: boolean },
): Promise<Session | undefined> {
  let ended = false;
  const session = await patchSession(
    db,
    id,
    (current) => {
      const status = nextStatus(current.status, 'call-ended');
      if (!status) return null;
      ended = true;
      return {
        endedMs: end.endedMs,
        endedAt: localIsoString(new Date(end.endedMs)),
        endReason: end.reason,
        lastSeenMs: Math.max(current.lastSeenMs, end.endedMs),
        status,
        ...(end.quiet && { quiet: true }),
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
    await deleteSyncedIn(tx, 'sessions', id, now);
    await followRecordedIn(tx, id, null);
    await tx.done;
  });
}

/** Moves a session by the lifecycle's `event` (utils/session/lifecycle.ts); unchanged when the event does not apply. */
export function moveSession(
  db: DebriefDb,
  id: string,
  event: SessionEvent,
  snoozedUntil: number | null = null,
  now: number = Date.now(),
): Promise<Session | undefined> {
  return patchSession(
    db,
    id,
    (current) => {
      const status = nextStatus(current.status, event);
      return status && { status, snoozedUntil: status === 'snoozed' ? snoozedUntil : null };
    },
    now,
  );
}

/** "Remind me later": the session comes back at `until`. */
export function snoozeSession(db: DebriefDb, id: string, until: number, now: number = Date.now()): Promise<Session | undefined> {
  return moveSession(db, id, 'snooze', until, now);
}

/** "Not a therapy session": not asked about again, unless undone. */
export function dismissSession(db: DebriefDb, id: string, now: number = Date.now()): Promise<Session | undefined> {
  return moveSession(db, id, 'dismiss', null, now);
}

/** "Skip": a therapy session the person does not want to check in on; not asked about again, unless undone. */
export function skipSession(db: DebriefDb, id: string, now: number = Date.now()): Promise<Session | undefined> {
  return moveSession(db, id, 'skip', null, now);
}

/**
 * Undo of "Not therapy" or "Skip": the session waits again as it did before (`previous`, when known),
 * else as a fresh pending session.
 */
export function restoreWaiting(
  db: DebriefDb,
  id: string,
  previous: Pick<Session, 'status' | 'snoozedUntil'> | null = null,
  now: number = Date.now(),
): Promise<Session | undefined> {
  const snoozed = previous?.status === 'snoozed';
  return moveSession(db, id, snoozed ? 'restore-snoozed' : 'restore', snoozed ? previous.snoozedUntil : null, now);
}

/** Sessions this device recorded that the person marked not therapy or skipped, newest first. */
export async function setAsideSessions(db: DebriefDb): Promise<Session[]> {
  const [dismissed, skipped] = await Promise.all([listSessions(db, 'dismissed'), listSessions(db, 'skipped')]);
  const here = await guarded(() => endedHere(db, [...dismissed, ...skipped], 'set-aside'));
  return here.sort((a, b) => b.startedMs - a.startedMs);
}
