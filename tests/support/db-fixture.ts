import { deleteDB } from 'idb';
import { afterEach, beforeEach } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { saveCheckIn, type NewCheckIn } from '@/utils/db/checkins';
import { getDb, openDebriefDb, resetSharedDb, type DebriefDb } from '@/utils/db/open';
import { noteRecordedIn } from '@/utils/db/recorded';
import { DB_NAME, type CheckIn, type Session } from '@/utils/db/schema';
import { createSession, endSession } from '@/utils/db/sessions';

/** A manual check-in with every rating skipped and overall 5, changed by `overrides`. */
export function newCheckIn(overrides: Partial<NewCheckIn> = {}): NewCheckIn {
  return {
    sessionId: null,
    ratings: emptyRatings(),
    overall: 5,
    notes: emptyNotes(),
    goalProgress: [],
    tags: [],
    provider: '',
    ...overrides,
  };
}

/**
 * Saves a check-in as the window does after a call on `platform` (null: a manual one): the session is
 * recorded first, started and ended at `now`, so the check-in takes its platform from it.
 */
export async function saveAfterCall(db: DebriefDb, platform: string | null, overrides: Partial<NewCheckIn> = {}, now: Date = new Date()): Promise<CheckIn> {
  if (platform === null) return saveCheckIn(db, newCheckIn(overrides), now);
  const started = await createSession(db, { platform, host: 'example.org', startedMs: now.getTime() });
  await endSession(db, started.id, { endedMs: now.getTime(), reason: 'call-ended' });
  return saveCheckIn(db, newCheckIn({ ...overrides, sessionId: started.id }), now);
}

/**
 * A fresh database for each test, deleted afterwards. `shared` uses the connection the
 * pages use (`getDb()`, the real database name) for code that opens it itself.
 */
export function useTestDb(name: string | { shared: true }, afterEachTest: () => void = () => undefined): () => DebriefDb {
  let db: DebriefDb | undefined;
  const shared = typeof name !== 'string';
  beforeEach(async () => {
    db = shared ? await getDb() : await openDebriefDb(name);
  });
  afterEach(async () => {
    afterEachTest();
    db?.close();
    if (shared) resetSharedDb();
    await deleteDB(shared ? DB_NAME : name);
  });
  return () => db!;
}

/** Stores a session as one this device recorded (as createSession would note it), so it may be offered here. */
export async function putRecordedSession(db: DebriefDb, session: Session): Promise<void> {
  const tx = db.transaction(['sessions', 'meta'], 'readwrite');
  await tx.objectStore('sessions').put(session);
  await noteRecordedIn(tx, session.id, session.status === 'in-progress' ? 'recording' : 'ended');
  await tx.done;
}

/** As many fresh databases as a test asks for (`freshDb()`), each deleted after the test. */
export function useFreshDbs(prefix: string): () => Promise<DebriefDb> {
  const opened: { db: DebriefDb; name: string }[] = [];
  let counter = 0;
  afterEach(async () => {
    for (const { db, name } of opened.splice(0)) {
      db.close();
      await deleteDB(name);
    }
  });
  return async () => {
    const name = `${prefix}-${++counter}`;
    const db = await openDebriefDb(name);
    opened.push({ db, name });
    return db;
  };
}
