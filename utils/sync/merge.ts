/**
 * Merging two copies of Debrief's data (DESIGN §5). The merge is a join: commutative,
 * associative and idempotent, so devices that swap files in any order, any number of
 * times, end with the same data.
 *
 * - Every id from either side survives, as a record or as a tombstone; an id two kinds of
 *   record claim is settled first, the same way on every device (clash.ts).
 * - Newer `updatedAt` wins; equal stamps with different content (which a real clock
 *   never produces) break the tie by content, so every device picks the same winner.
 * - Check-ins keep the versions seen: the set of versions is unioned, the newest is the
 *   record, the rest are its `history` (one per stamp, oldest first, the newest MAX_HISTORY).
 * - Sessions and goals have no `history` in the schema: the losing version is dropped.
 * - Tombstones are kept for good (the newest per store and id). A tombstone removes every version
 *   stamped at or before it, history included; a version stamped after it (an edit
 *   after a delete) survives with only its post-delete history. Dropping the old history
 *   too is what keeps the merge associative: a device that applied the delete first can
 *   no longer know those versions, so no order may bring them back.
 */
import type { CheckIn, CheckInVersion, Goal, Session, SyncedStore, Tombstone } from '../db/schema';
import { compareStamped, sameJson } from './canonical';
import { settleIds } from './clash';
import { MAX_HISTORY } from '../checkin/limits';
import type { SyncData } from './format';

export type { SyncData } from './format';

type Stamped = { id: string; updatedAt: string };

function latest<T extends Stamped>(a: T | undefined, b: T): T {
  return a === undefined || compareStamped(b, a) > 0 ? b : a;
}

function byId<T extends { id: string; store?: string }>(records: Iterable<T>): T[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...records].sort((a, b) => order(a.id, b.id) || order(a.store ?? '', b.store ?? ''));
}

/** Tombstones are keyed by store and id: a deletion only ever removes a record of its own store. */
export function tombstoneKey(store: SyncedStore, id: string): string {
  return `${store}/${id}`;
}

/** The newest tombstone per (store, id). */
export function joinTombstones(...lists: readonly Tombstone[][]): Map<string, Tombstone> {
  const joined = new Map<string, Tombstone>();
  for (const list of lists) {
    for (const tombstone of list) {
      const key = tombstoneKey(tombstone.store, tombstone.id);
      const current = joined.get(key);
      if (!current || tombstone.deletedAt > current.deletedAt) joined.set(key, tombstone);
    }
  }
  return joined;
}

/** The stamp at or before which a record of `store` is deleted, if any. */
function deletedAtFor(tombstones: Map<string, Tombstone>, store: SyncedStore, id: string): string | null {
  return tombstones.get(tombstoneKey(store, id))?.deletedAt ?? null;
}

/** A check-in's own version, without its history. */
export function versionOf(checkIn: CheckIn): CheckInVersion {
  const { history: _history, ...version } = checkIn;
  return version;
}

/** True when a check-in is already in merged form: history oldest first, one per stamp, all alive. */
function isClean(checkIn: CheckIn, deletedAt: string | null): boolean {
  if (checkIn.history.length > MAX_HISTORY) return false;
  let previous = deletedAt ?? '';
  for (const version of [...checkIn.history, checkIn]) {
    if (version.updatedAt <= previous) return false;
    previous = version.updatedAt;
  }
  return true;
}

/** Every version seen of one check-in, newest per stamp, minus those a tombstone removed. */
function joinVersions(copies: readonly CheckIn[], deletedAt: string | null): CheckIn | null {
  const seen = new Map<string, CheckInVersion>();
  for (const checkIn of copies) {
    for (const version of [versionOf(checkIn), ...checkIn.history]) {
      seen.set(version.updatedAt, latest(seen.get(version.updatedAt), version));
    }
  }
  const alive = [...seen.values()]
    .filter((version) => deletedAt === null || version.updatedAt > deletedAt)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1));
  const current = alive.pop();
  // Only the newest versions a file may carry: keeping the newest N of a union is still a join.
  return current ? { ...current, history: alive.slice(-MAX_HISTORY) } : null;
}

function joinCheckIns(lists: readonly CheckIn[][], tombstones: Map<string, Tombstone>): CheckIn[] {
  const copies = new Map<string, CheckIn[]>();
  for (const list of lists) {
    for (const checkIn of list) copies.set(checkIn.id, [...(copies.get(checkIn.id) ?? []), checkIn]);
  }
  const joined: CheckIn[] = [];
  for (const [id, found] of copies) {
    const deletedAt = deletedAtFor(tombstones, 'checkIns', id);
    const first = found[0]!;
    // Fast path for the common case (the same entry on both sides): keep the object as is.
    const merged =
      isClean(first, deletedAt) && found.every((copy) => sameJson(copy, first)) ? first : joinVersions(found, deletedAt);
    if (merged) joined.push(merged);
  }
  return byId(joined);
}

function joinLatest<T extends Stamped>(store: SyncedStore, lists: readonly T[][], tombstones: Map<string, Tombstone>): T[] {
  const winners = new Map<string, T>();
  for (const list of lists) {
    for (const record of list) winners.set(record.id, latest(winners.get(record.id), record));
  }
  const alive = [...winners.values()].filter((record) => {
    const deletedAt = deletedAtFor(tombstones, store, record.id);
    return deletedAt === null || record.updatedAt > deletedAt;
  });
  return byId(alive);
}

/** Merges two copies of the data into one; neither input is changed. */
export function mergeData(local: SyncData, incoming: SyncData): SyncData {
  const [mine, theirs] = settleIds([local, incoming]).settled as [SyncData, SyncData];
  return join(mine, theirs);
}

/** Joins two copies whose ids are settled (each id of one store). */
function join(local: SyncData, incoming: SyncData): SyncData {
  const tombstones = joinTombstones(local.tombstones, incoming.tombstones);
  return {
    checkIns: joinCheckIns([local.checkIns, incoming.checkIns], tombstones),
    sessions: joinLatest<Session>('sessions', [local.sessions, incoming.sessions], tombstones),
    goals: joinLatest<Goal>('goals', [local.goals, incoming.goals], tombstones),
    tombstones: byId(tombstones.values()),
  };
}

/** The newest stamp anywhere in the data, so the local clock can move past it. */
export function newestStamp(data: SyncData): string | null {
  let newest: string | null = null;
  const see = (stamp: string) => {
    if (newest === null || stamp > newest) newest = stamp;
  };
  for (const checkIn of data.checkIns) {
    see(checkIn.updatedAt);
    for (const version of checkIn.history) see(version.updatedAt);
  }
  for (const record of [...data.sessions, ...data.goals]) see(record.updatedAt);
  for (const tombstone of data.tombstones) see(tombstone.deletedAt);
  return newest;
}
