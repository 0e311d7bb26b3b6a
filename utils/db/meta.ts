import type { IDBPTransaction, StoreNames } from 'idb';
import { hlcWallTime, MAX_CLOCK_AHEAD_MS, nextHlc, withinClockBounds } from './hlc';
import type { DebriefSchema, MetaEntry, MetaKey, MetaValues } from './schema';

type MetaTx = IDBPTransaction<DebriefSchema, StoreNames<DebriefSchema>[], 'readwrite'>;
type MetaStore = { get(key: string): Promise<MetaEntry | undefined> };

/** The value `meta` holds under `key`, typed by the key (MetaValues in schema.ts). */
export async function readMeta<K extends MetaKey>(store: MetaStore, key: K): Promise<MetaValues[K] | undefined> {
  // A record is written only through MetaEntry, whose value type follows its key.
  return (await store.get(key))?.value as MetaValues[K] | undefined;
}

/**
 * The device id, created once on first use inside the given transaction (which must
 * include `meta`), so two pages opening at once agree on one id.
 */
export async function deviceIdIn(tx: MetaTx, makeId: () => string = () => crypto.randomUUID()): Promise<string> {
  const meta = tx.objectStore('meta');
  const existing = await readMeta(meta, 'deviceId');
  if (existing) return existing;
  const id = makeId();
  await meta.put({ key: 'deviceId', value: id });
  return id;
}

/** Longest a write waits for its stamp to enter the window: past it the device's clock went back, and waiting cannot help. */
const MAX_EDGE_WAIT_MS = 50;

/**
 * Advances the clock inside the transaction and returns a fresh `updatedAt` stamp. A stamp that
 * would fall past the accepted future (a full counter at the window's edge moves the wall time on
 * by 1 ms) is handed out only once the real clock has caught up, so our own export is valid at
 * every instant; the wait is spent on reads, which keep the transaction open.
 */
export async function stampIn(tx: MetaTx, now: number = Date.now(), clock: () => number = Date.now): Promise<{ stamp: string; deviceId: string }> {
  const deviceId = await deviceIdIn(tx);
  const meta = tx.objectStore('meta');
  const stamp = nextHlc(await readMeta(meta, 'clock'), deviceId, now);
  const started = clock();
  const waited = () => clock() - started;
  while (hlcWallTime(stamp) > now + waited() + MAX_CLOCK_AHEAD_MS && waited() < MAX_EDGE_WAIT_MS) await meta.get('clock');
  await meta.put({ key: 'clock', value: stamp });
  return { stamp, deviceId };
}

/**
 * Moves our clock past a stamp seen in imported data, so later edits sort after it; never to a
 * stamp out of bounds (the import refuses those first), so the clock never jumps past the window.
 */
export async function observeStampIn(tx: MetaTx, seen: string, now: number = Date.now()): Promise<void> {
  if (!withinClockBounds(seen, now)) return;
  const meta = tx.objectStore('meta');
  const current = (await readMeta(meta, 'clock')) ?? '';
  if (seen > current) await meta.put({ key: 'clock', value: seen });
}
