/**
 * The trends page's copy of what it needs from every check-in, packed by month (TrendMonth in
 * schema.ts): reading 10,000 whole check-ins costs several times more than reading these.
 * Every check-in write passes its changes through `followCheckIns` in the same transaction.
 * The page trusts the copy only while it holds as many check-ins as the store does; otherwise
 * (a database from before version 3, records written by anything else) it rebuilds it. With the
 * lock on, each month is kept sealed (utils/lock/trend-months.ts): one decrypt per month.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import { checkInTime, METRICS, newestFirst, trendEntryOf, type TrendEntry } from '../checkin/trend-entry';
import { missing, secretsOf, versionKey, type KnownSecrets } from '../lock/checkins';
import { openMonthCheckIns, openTrendMonth, sealTrendMonth } from '../lock/trend-months';
import { toStorageError } from './errors';
import { openCheckIns, openingKey, readLock } from './lock';
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
 * include `trendMonths`): only the months they touch are read and written again. A sealed month,
 * or a month a sealed check-in touches, cannot be changed here (the cipher cannot run inside a
 * transaction): it is dropped, and the next unlocked read seals it again.
 */
export async function followCheckIns(store: TrendMonthStore, changes: readonly CheckInChange[]): Promise<void> {
  const removed = new Map<string, Set<string>>();
  const added = new Map<string, TrendEntry[]>();
  const dropped = new Set<string>();
  for (const { before, after } of changes) {
    if (before?.sealed !== undefined || after?.sealed !== undefined) {
      // Session times stay readable on a sealed check-in, so its month is known.
      for (const checkIn of [before, after]) if (checkIn) dropped.add(monthOf(checkInTime(checkIn)));
      continue;
    }
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
  const months = [...new Set([...removed.keys(), ...added.keys()])].filter((month) => !dropped.has(month));
  const stored = await Promise.all(months.map((month) => store.get(month)));
  await Promise.all([
    ...[...dropped].map((month) => store.delete(month)),
    ...months.map((month, i) => {
      if (stored[i]?.sealed !== undefined) return store.delete(month);
      const entries = new Map((stored[i] ? unpackMonth(stored[i]) : []).map((entry) => [entry.id, entry]));
      for (const id of removed.get(month) ?? []) entries.delete(id);
      for (const entry of added.get(month) ?? []) entries.set(entry.id, entry);
      return entries.size > 0 ? store.put(packMonth(month, entries.values())) : store.delete(month);
    }),
  ]);
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

/** What identifies the check-ins a copy was built from, in any order: any save, edit or delete changes it. */
function signature(checkIns: readonly CheckIn[]): string {
  return checkIns
    .map((checkIn) => `${checkIn.id}|${checkIn.updatedAt}`)
    .sort()
    .join('\n');
}

/**
 * Seals the months of `opened` (the check-ins `read` as stored, opened) that lack a check-in (the
 * others were sealed whole and dropped whenever one of theirs changed) and writes them, unless a
 * check-in was written meanwhile; never rejects: a month not written is built again on the next read.
 */
export function writeSealedMonths(db: DebriefDb, key: CryptoKey, read: readonly CheckIn[], opened: readonly CheckIn[], known: KnownSecrets): Promise<void> {
  const write = async () => {
    const lacking = new Set(read.filter((checkIn) => missing(checkIn, known)).map((checkIn) => monthOf(checkInTime(checkIn))));
    // Nothing lacking yet disagreeing: start the copy afresh.
    const all = lacking.size === 0;
    const byMonth = new Map<string, CheckIn[]>();
    for (const checkIn of opened) {
      const month = monthOf(checkInTime(checkIn));
      if (!all && !lacking.has(month)) continue;
      const list = byMonth.get(month);
      if (list) list.push(checkIn);
      else byMonth.set(month, [checkIn]);
    }
    const months = await Promise.all(
      [...byMonth].map(([month, list]) => sealTrendMonth(key, packMonth(month, list.map(trendEntryOf)), list)),
    );
    const tx = db.transaction(['checkIns', 'trendMonths'], 'readwrite');
    if (signature(await tx.objectStore('checkIns').getAll()) !== signature(read)) {
      tx.abort();
      return tx.done;
    }
    const store = tx.objectStore('trendMonths');
    await Promise.all([...(all ? [store.clear()] : []), ...months.map((month) => store.put(month)), tx.done]);
  };
  return write().catch(() => undefined);
}

/** The check-ins the sealed months hold, opened; `whole` unless a month did not open (it gives none). */
export async function heldCheckIns(db: DebriefDb, key: CryptoKey, months?: readonly TrendMonth[]): Promise<{ held: CheckIn[]; whole: boolean }> {
  const opened = await Promise.all((months ?? (await db.getAll('trendMonths'))).map((month) => openMonthCheckIns(key, month).catch(() => null)));
  return { held: opened.flatMap((list) => list ?? []), whole: opened.every((list) => list !== null) };
}

/** The secrets of every version of `checkIns` (opened), by version. */
export function secretsIn(checkIns: readonly CheckIn[]): KnownSecrets {
  return new Map(checkIns.flatMap((checkIn) => [checkIn, ...checkIn.history].map((version) => [versionKey(version), secretsOf(version)] as const)));
}

/** With the lock on: opens every check-in (each month still sealed at once) and writes the months again. */
async function rebuildSealed(db: DebriefDb, key: CryptoKey): Promise<TrendEntry[]> {
  const read = await db.getAll('checkIns');
  const known = secretsIn((await heldCheckIns(db, key)).held);
  const opened = await openCheckIns(read, known);
  void writeSealedMonths(db, key, read, opened, known);
  return opened.map(trendEntryOf);
}

/** The sealed months opened (the private key, or the `locked` error); rebuilt when they disagree with the check-ins or do not open. */
async function listSealedEntries(db: DebriefDb): Promise<TrendEntry[]> {
  const key = await openingKey();
  const tx = db.transaction(['checkIns', 'trendMonths'], 'readonly');
  const [count, months] = await Promise.all([tx.objectStore('checkIns').index('by-created').count(), tx.objectStore('trendMonths').getAll()]);
  // A month that does not open whole is not shown: the copy is built again from the check-ins.
  const opened = await Promise.all(months.map((month) => openTrendMonth(key, month))).catch(() => null);
  const entries = opened?.flatMap(unpackMonth);
  return entries?.length === count ? entries : rebuildSealed(db, key);
}

/** What the trends need of every check-in, newest first, from the packed months (rebuilt when they disagree with the check-ins). */
export async function listTrendEntries(db: DebriefDb): Promise<TrendEntry[]> {
  try {
    if (await readLock(db)) return newestFirst(await listSealedEntries(db));
    const tx = db.transaction(['checkIns', 'trendMonths'], 'readonly');
    // Counted on the index: its entries are small, the store's are whole check-ins.
    const [count, months] = await Promise.all([tx.objectStore('checkIns').index('by-created').count(), tx.objectStore('trendMonths').getAll()]);
    const entries = months.flatMap(unpackMonth);
    return newestFirst(entries.length === count ? entries : await rebuild(db));
  } catch (error) {
    throw toStorageError(error);
  }
}
