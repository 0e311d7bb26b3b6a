/**
 * Which sessions this device recorded, kept in `meta` (never exported): a session is offered
 * (window, badge, notification) only on the device that recorded it, and no file can add one.
 * Sessions arriving in a file are what they were elsewhere; here they are only history.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { DebriefDb } from './open';
import type { DebriefSchema, Session } from './schema';

/**
 * `recording`: the call may still be live here; `ended`: it ended here and may be offered;
 * `set-aside`: marked not therapy or skipped here, offered again only through this device's undo.
 */
export type RecordedPhase = 'recording' | 'ended' | 'set-aside';

type MetaTx = IDBPTransaction<DebriefSchema, StoreNames<DebriefSchema>[], 'readwrite'>;

const PREFIX = 'recorded:';

function keyOf(sessionId: string): `recorded:${string}` {
  return `${PREFIX}${sessionId}`;
}

/** Notes (inside the session's own transaction) that this device recorded a session, or that it ended. */
export async function noteRecordedIn(tx: MetaTx, sessionId: string, phase: RecordedPhase): Promise<void> {
  await tx.objectStore('meta').put({ key: keyOf(sessionId), value: phase });
}

/**
 * Follows a session's change on this device: answered or removed, it is never offered again; set
 * aside (not therapy, skipped), it waits for an undo here; otherwise out of progress, it is ended.
 * Sessions this device did not record are left alone; files never reach this.
 */
export async function followRecordedIn(tx: MetaTx, sessionId: string, next: Session | null): Promise<void> {
  const meta = tx.objectStore('meta');
  if (!(await meta.get(keyOf(sessionId)))) return;
  if (!next || next.status === 'answered') await meta.delete(keyOf(sessionId));
  else if (next.status === 'dismissed' || next.status === 'skipped') await meta.put({ key: keyOf(sessionId), value: 'set-aside' });
  else if (next.status !== 'in-progress') await meta.put({ key: keyOf(sessionId), value: 'ended' });
}

/** Every session this device recorded and may still offer, with its phase. */
export async function recordedSessions(db: DebriefDb): Promise<Map<string, RecordedPhase>> {
  const range = IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);
  const entries = await db.getAll('meta', range);
  const phaseOf = (value: unknown): RecordedPhase => (value === 'recording' || value === 'set-aside' ? value : 'ended');
  return new Map(entries.map((entry) => [entry.key.slice(PREFIX.length), phaseOf(entry.value)]));
}

/** Of these sessions, those this device recorded and ended (the only ones it may offer), or set aside. */
export async function endedHere(db: DebriefDb, sessions: readonly Session[], phase: 'ended' | 'set-aside' = 'ended'): Promise<Session[]> {
  const recorded = await recordedSessions(db);
  return sessions.filter((session) => recorded.get(session.id) === phase);
}
