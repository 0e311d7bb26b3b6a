/**
 * Debrief's IndexedDB read and written straight from one of its own pages (the only place the
 * extension's database can be reached from a test): what the tests seed and what they check.
 */
import type { Page } from 'playwright-core';
import type { CheckIn, Goal, Session } from '../../utils/db/schema';

export type StoreName = 'checkIns' | 'sessions' | 'goals' | 'drafts' | 'tombstones' | 'meta' | 'rooms';

/** What these functions need of a page: Playwright's, or Firefox's adapted by tests/e2e-firefox/debrief.ts. */
export type DbPage = Pick<Page, 'evaluate'>;

export interface Records {
  checkIns?: readonly CheckIn[];
  sessions?: readonly Session[];
  goals?: readonly Goal[];
}

/**
 * Writes records in one transaction and moves the database clock past the newest of them, as an
 * import would; sessions are written as this profile's own recordings (see utils/db/recorded.ts). The database must exist already (Debrief creates it when one of its pages opens).
 * Returns how many check-ins the database then holds.
 */
export function writeRecords(page: DbPage, records: Records): Promise<number> {
  // As JSON: 10,000 check-ins cross into the page much faster as one string.
  return page.evaluate(async (json: string) => {
    const seed = JSON.parse(json) as Record<string, { updatedAt: string }[]>;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('debrief');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('could not open the debrief database'));
    });
    try {
      const tx = db.transaction(['checkIns', 'sessions', 'goals', 'meta'], 'readwrite');
      let newest = '';
      for (const [store, list] of Object.entries(seed)) {
        for (const record of list) {
          tx.objectStore(store).put(record);
          if (record.updatedAt > newest) newest = record.updatedAt;
        }
      }
      // Seeded sessions stand for calls this profile recorded, so they are offered here.
      for (const session of (seed.sessions ?? []) as unknown as { id: string; status: string }[]) {
        tx.objectStore('meta').put({ key: `recorded:${session.id}`, value: session.status === 'in-progress' ? 'recording' : 'ended' });
      }
      const meta = tx.objectStore('meta');
      const clock = meta.get('clock');
      clock.onsuccess = () => {
        const current = (clock.result as { value?: unknown } | undefined)?.value;
        if (newest && (typeof current !== 'string' || newest > current)) meta.put({ key: 'clock', value: newest });
      };
      const count = tx.objectStore('checkIns').count();
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
        tx.onabort = () => reject(tx.error ?? new Error('seeding aborted'));
      });
      return count.result;
    } finally {
      db.close();
    }
  }, JSON.stringify(records));
}

/** Every record in one store (in key order), or the one at `key`. */
function read(page: DbPage, store: StoreName, key: string | null): Promise<unknown> {
  return page.evaluate(
    async ({ store, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('debrief');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('could not open the debrief database'));
      });
      try {
        return await new Promise<unknown>((resolve, reject) => {
          const objects = db.transaction(store).objectStore(store);
          const request = key === null ? objects.getAll() : objects.get(key);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
      } finally {
        db.close();
      }
    },
    { store, key },
  );
}

/** Every record in one of Debrief's stores, in key (id) order. */
export async function readStore<T>(page: DbPage, store: StoreName): Promise<T[]> {
  return (await read(page, store, null)) as T[];
}

/** One record, for what a person cannot see (tombstones, the clock), or undefined. */
export async function readRecord<T>(page: DbPage, store: StoreName, key: string): Promise<T | undefined> {
  return (await read(page, store, key)) as T | undefined;
}
