import type { IDBPTransaction, StoreNames } from 'idb';
import { nextHlc, withinClockBounds } from './hlc';
import type { DebriefSchema } from './schema';

type MetaTx = IDBPTransaction<DebriefSchema, StoreNames<DebriefSchema>[], 'readwrite'>;

const DEVICE_KEY = 'deviceId';
const CLOCK_KEY = 'clock';

/**
 * The device id, created once on first use inside the given transaction (which must
 * include `meta`), so two pages opening at once agree on one id.
 */
export async function deviceIdIn(tx: MetaTx, makeId: () => string = () => crypto.randomUUID()): Promise<string> {
  const meta = tx.objectStore('meta');
  const existing = await meta.get(DEVICE_KEY);
  if (existing && typeof existing.value === 'string') return existing.value;
  const id = makeId();
  await meta.put({ key: DEVICE_KEY, value: id });
  return id;
}

/** Advances the clock inside the transaction and returns a fresh `updatedAt` stamp. */
export async function stampIn(tx: MetaTx, now: number = Date.now()): Promise<{ stamp: string; deviceId: string }> {
  const deviceId = await deviceIdIn(tx);
  const meta = tx.objectStore('meta');
  const last = await meta.get(CLOCK_KEY);
  const stamp = nextHlc(typeof last?.value === 'string' ? last.value : null, deviceId, now);
  await meta.put({ key: CLOCK_KEY, value: stamp });
  return { stamp, deviceId };
}

/**
 * Moves our clock past a stamp seen in imported data, so later edits sort after it; never to a
 * stamp out of bounds (the import refuses those first), so the clock never jumps past the window.
 */
export async function observeStampIn(tx: MetaTx, seen: string, now: number = Date.now()): Promise<void> {
  if (!withinClockBounds(seen, now)) return;
  const meta = tx.objectStore('meta');
  const last = await meta.get(CLOCK_KEY);
  const current = typeof last?.value === 'string' ? last.value : '';
  if (seen > current) await meta.put({ key: CLOCK_KEY, value: seen });
}
