import type { IDBPDatabase } from 'idb';

/** The stores and indexes of version 1 exactly as it shipped, for tests that seed an old database. */
export function createVersion1Stores(db: IDBPDatabase): void {
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
