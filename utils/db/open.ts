import { openDB, type IDBPDatabase } from 'idb';
import { blockedMessage, StorageError, toStorageError } from './errors';
import { DB_NAME, DB_VERSION, type DebriefSchema, type ReflectionSchedule } from './schema';

const V1_REFLECTION_PREFIX = 'reflection:';

export type DebriefDb = IDBPDatabase<DebriefSchema>;

/**
 * Opens (and upgrades) the Debrief database. Upgrades are a cascade of
 * `if (oldVersion < N)` blocks so any older database reaches the current version.
 */
export async function openDebriefDb(name: string = DB_NAME, version: number = DB_VERSION): Promise<DebriefDb> {
  let rejectBlocked: ((error: StorageError) => void) | undefined;
  const blocked = new Promise<never>((_, reject) => {
    rejectBlocked = reject;
  });
  try {
    const opening = openDB<DebriefSchema>(name, version, {
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const checkIns = db.createObjectStore('checkIns', { keyPath: 'id' });
          checkIns.createIndex('by-created', 'createdMs');
          checkIns.createIndex('by-platform', 'platform');
          checkIns.createIndex('by-session', 'sessionId');
          const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
          sessions.createIndex('by-status', 'status');
          sessions.createIndex('by-started', 'startedMs');
          const goals = db.createObjectStore('goals', { keyPath: 'id' });
          goals.createIndex('by-status', 'status');
          db.createObjectStore('drafts', { keyPath: 'key' });
          db.createObjectStore('tombstones', { keyPath: 'id' });
          db.createObjectStore('meta', { keyPath: 'key' });
        }
        if (oldVersion < 2) {
          // Follow-up reflections get their own store: out of the catch-all `meta`.
          const reflections = db.createObjectStore('reflections', { keyPath: 'checkInId' });
          const meta = tx.objectStore('meta');
          const v1Reflections = IDBKeyRange.bound(V1_REFLECTION_PREFIX, `${V1_REFLECTION_PREFIX}\uffff`);
          void meta.getAll(v1Reflections).then((entries) => {
            for (const entry of entries) void reflections.put(entry.value as unknown as ReflectionSchedule);
            void meta.delete(v1Reflections);
          });
        }
        if (oldVersion < 3) {
          // Starts empty: the trends page fills it on its first visit (trend-months.ts).
          db.createObjectStore('trendMonths', { keyPath: 'month' });
        }
        if (oldVersion < 4) {
          // Rooms start empty: Debrief learns them from check-ins and the person's answers.
          const rooms = db.createObjectStore('rooms', { keyPath: 'id' });
          rooms.createIndex('by-platform', 'platform');
          // A room's past sessions give its usual length; older sessions have no room key and stay out.
          tx.objectStore('sessions').createIndex('by-room', 'roomKey');
        }
      },
      blocked() {
        rejectBlocked?.(new StorageError(blockedMessage(), 'blocked'));
      },
      blocking(_current, _next, event) {
        // A newer version wants in: step aside so its upgrade can run.
        (event.target as IDBDatabase).close();
        shared = undefined;
      },
    });
    return await Promise.race([opening, blocked]);
  } catch (error) {
    throw toStorageError(error);
  }
}

let shared: Promise<DebriefDb> | undefined;

/** The one connection each extension page or the background shares. */
export function getDb(): Promise<DebriefDb> {
  shared ??= openDebriefDb().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** For tests on purpose: forget the shared connection, so each test opens its own database. */
export function resetSharedDb(): void {
  shared = undefined;
}
