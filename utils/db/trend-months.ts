/**
 * The trends page's copy of what it needs from every check-in, packed by month (TrendMonth in
 * schema.ts): reading 10,000 whole check-ins costs several times more than reading these.
 * Every check-in write passes its changes through `followCheckIns` in the same transaction.
 * The page trusts the copy only while it holds as many check-ins as the store does; otherwise
 * (a database from before version 3, records written by anything else) it rebuilds it.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import { METRICS, newestFirst, trendEntryOf, type TrendEntry } from '../checkin/trend-entry';
import { toStorageError } from './errors';
import { listAllCheckIns } from './history';
import { readLock } from './lock';
import type { DebriefDb } from './open';
import type { CheckIn, DebriefSchema, TrendMonth } from './schema';

type TrendMonthStore = IDBPObjectStore<DebriefSchema, ArrayLike<StoreNames<DebriefSchema>>, 'trendMonths', 'readwrite'>;

/** One check-in written: what it was before (absent: it is new) and after (absent: it is gone). */
export interface CheckInChange {
  before?: CheckIn | null;
  after?: CheckIn | null;
}

/** The month a session time is filed under (UTC, so it does not move with the time zone). */
export function monthOf(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 7) : 'undated';
}

export function unpackMonth(month: TrendMonth): TrendEntry[] {
  const width = METRICS.length;
  return month.ids.map((id, i) => ({
    id,
    ms: month.ms[i]!,
    createdMs: month.createdMs[i]!,
    provider: month.providers[i]!,
    ratings: month.ratings.slice(i * width, (i + 1) * width),
  }));
}

export function packMonth(month: string, entries: Iterable<TrendEntry>): TrendMonth {
  const packed: TrendMonth = { month, ids: [], ms: [], createdMs: [], providers: [], ratings: [] };
  for (const entry of entries) {
    packed.ids.push(entry.id);
    packed.ms.push(entry.ms);
    packed.createdMs.push(entry.createdMs);
    packed.providers.push(entry.provider);
    packed.ratings.push(...entry.ratings);
  }
  return packed;
}

/** Entries grouped into packed months. */
export function packMonths(entries: readonly TrendEntry[]): TrendMonth[] {
  const byMonth = new Map<string, TrendEntry[]>();
  for (const entry of entries) {
    const key = monthOf(entry.ms);
    const list = byMonth.get(key);
    if (list) list.push(entry);
    else byMonth.set(key, [entry]);
  }
  return [...byMonth].map(([month, list]) => packMonth(month, list));
}

/**
 * Applies check-in writes to the packed months inside the writer's transaction (which must
 * include `trendMonths`): only the months they touch are read and written again.
 */
export async function followCheckIns(store: TrendMonthStore, changes: readonly CheckInChange[]): Promise<void> {
  const removed = new Map<string, Set<string>>();
  const added = new Map<string, TrendEntry[]>();
  for (const { before, after } of changes) {
    // Sealed check-ins have no ratings to show: the copy is not kept while the lock is on.
    if (before?.sealed !== undefined || after?.sealed !== undefined) continue;
    // Lists grow in place: a month of 45,000 check-ins costs as much as 45,000 months of one.
    if (before) {
      const key = monthOf(trendEntryOf(before).ms);
      const ids = removed.get(key);
      if (ids) ids.add(before.id);
      else removed.set(key, new Set([before.id]));
    }
    if (after) {
      const entry = trendEntryOf(after);
      const key = monthOf(entry.ms);
      const entries = added.get(key);
      if (entries) entries.push(entry);
      else added.set(key, [entry]);
    }
  }
  const months = [...new Set([...removed.keys(), ...added.keys()])];
  const stored = await Promise.all(months.map((month) => store.get(month)));
  await Promise.all(
    months.map((month, i) => {
      const entries = new Map((stored[i] ? unpackMonth(stored[i]) : []).map((entry) => [entry.id, entry]));
      for (const id of removed.get(month) ?? []) entries.delete(id);
      for (const entry of added.get(month) ?? []) entries.set(entry.id, entry);
      return entries.size > 0 ? store.put(packMonth(month, entries.values())) : store.delete(month);
    }),
  );
}

/** Reads every check-in and writes the packed months afresh; resolves with the entries once read. */
async function rebuild(db: DebriefDb): Promise<TrendEntry[]> {
  const tx = db.transaction(['checkIns', 'trendMonths'], 'readwrite');
  const entries = (await tx.objectStore('checkIns').getAll()).map(trendEntryOf);
  const store = tx.objectStore('trendMonths');
  const writes = [store.clear(), ...packMonths(entries).map((month) => store.put(month))];
  // The page has its entries either way; a rebuild that fails is tried again on the next visit.
  void Promise.all([...writes, tx.done]).catch(() => undefined);
  return entries;
}

/** What the trends need of every check-in, newest first, from the packed months (rebuilt when they disagree with the check-ins). */
export async function listTrendEntries(db: DebriefDb): Promise<TrendEntry[]> {
  try {
    if (await readLock(db)) return newestFirst((await listAllCheckIns(db)).map(trendEntryOf));
    const tx = db.transaction(['checkIns', 'trendMonths'], 'readonly');
    // Counted on the index: its entries are small, the store's are whole check-ins.
    const [count, months] = await Promise.all([tx.objectStore('checkIns').index('by-created').count(), tx.objectStore('trendMonths').getAll()]);
    const entries = months.flatMap(unpackMonth);
    return newestFirst(entries.length === count ? entries : await rebuild(db));
  } catch (error) {
    throw toStorageError(error);
  }
}
