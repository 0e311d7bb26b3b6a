/** What merging a file would change locally: the writes to make and the counts to preview. */
import type { CheckIn, Goal, Room, Session, SyncedStore, Tombstone } from '../db/schema';
import { sameJson } from './canonical';
import type { SyncData } from './format';
import { settleIds } from './clash';
import { mergeData, versionOf } from './merge';

export interface MergeCounts {
  /** Records the file adds. */
  new: number;
  /** Records whose current version the file replaces with a newer one. */
  updated: number;
  /** Records the file's deletions remove. */
  deleted: number;
  /** Records (or deletions) in the file that change nothing shown. */
  unchanged: number;
  /** Check-in versions that stop being current but are kept in the entry's history. */
  keptAsHistory: number;
  /** Records (with their deletions) kept under a new id: their id belongs to a record of another kind. */
  moved: number;
}

export interface MergePreview extends MergeCounts {
  byStore: Record<SyncedStore, MergeCounts>;
}

export interface StoreWrites<T> {
  put: T[];
  remove: string[];
}

export interface MergeWrites {
  checkIns: StoreWrites<CheckIn>;
  sessions: StoreWrites<Session>;
  goals: StoreWrites<Goal>;
  rooms: StoreWrites<Room>;
  tombstones: StoreWrites<Tombstone>;
}

export interface MergePlan {
  merged: SyncData;
  writes: MergeWrites;
  preview: MergePreview;
}

const STORES = ['checkIns', 'sessions', 'goals', 'rooms'] as const;

function emptyCounts(): MergeCounts {
  return { new: 0, updated: 0, deleted: 0, unchanged: 0, keptAsHistory: 0, moved: 0 };
}

function indexById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

/** Puts for records that differ, removals for records that are gone. */
function diff<T extends { id: string }>(before: Map<string, T>, after: Map<string, T>): StoreWrites<T> {
  const put = [...after.values()].filter((record) => !sameJson(before.get(record.id), record));
  const remove = [...before.keys()].filter((id) => !after.has(id));
  return { put, remove };
}

function sameCurrent(a: CheckIn | Session | Goal | Room, b: CheckIn | Session | Goal | Room, store: SyncedStore): boolean {
  if (a === b) return true;
  if (a.updatedAt !== b.updatedAt) return false;
  return store === 'checkIns' ? sameJson(versionOf(a as CheckIn), versionOf(b as CheckIn)) : sameJson(a, b);
}

/** Versions that were current on either side and now sit in the entry's history for the first time. */
function newlyKept(before: CheckIn | undefined, incoming: CheckIn | undefined, after: CheckIn): number {
  const kept = new Set(after.history.map((version) => version.updatedAt));
  const keptBefore = new Set(before?.history.map((version) => version.updatedAt));
  const formerlyCurrent = new Set([before?.updatedAt, incoming?.updatedAt]);
  let count = 0;
  for (const stamp of formerlyCurrent) if (stamp && kept.has(stamp) && !keptBefore.has(stamp)) count++;
  return count;
}

function countStore(
  store: SyncedStore,
  local: Map<string, CheckIn | Session | Goal | Room>,
  incoming: SyncData,
  merged: Map<string, CheckIn | Session | Goal | Room>,
): MergeCounts {
  const counts = emptyCounts();
  const incomingRecords = indexById<CheckIn | Session | Goal | Room>(incoming[store]);
  const ids = new Set([
    ...incomingRecords.keys(),
    ...incoming.tombstones.filter((tombstone) => tombstone.store === store).map((tombstone) => tombstone.id),
  ]);
  for (const id of ids) {
    const before = local.get(id);
    const after = merged.get(id);
    if (!before && after) counts.new++;
    else if (before && !after) counts.deleted++;
    else if (before && after && !sameCurrent(before, after, store)) counts.updated++;
    else counts.unchanged++;
    if (store === 'checkIns' && after) counts.keptAsHistory += newlyKept(before as CheckIn, incomingRecords.get(id) as CheckIn, after as CheckIn);
  }
  return counts;
}

/** The writes that turn `before` into `after`, store by store. */
export function writesBetween(before: SyncData, after: SyncData): MergeWrites {
  return {
    checkIns: diff(indexById(before.checkIns), indexById(after.checkIns)),
    sessions: diff(indexById(before.sessions), indexById(after.sessions)),
    goals: diff(indexById(before.goals), indexById(after.goals)),
    rooms: diff(indexById(before.rooms), indexById(after.rooms)),
    tombstones: diff(indexById(before.tombstones), indexById(after.tombstones)),
  };
}

/** Merges `incoming` into `local` and works out the writes and counts, without touching storage. */
export function planMerge(local: SyncData, incoming: SyncData): MergePlan {
  const merged = mergeData(local, incoming);
  const writes = writesBetween(local, merged);
  // Counted on the settled copies, so a record that only moved to a new id is not counted as new.
  const { settled, moved } = settleIds([local, incoming]);
  const [mine, theirs] = settled as [SyncData, SyncData];
  const byStore = {} as Record<SyncedStore, MergeCounts>;
  const total = emptyCounts();
  for (const store of STORES) {
    const before = indexById<CheckIn | Session | Goal | Room>(mine[store]);
    const after = indexById<CheckIn | Session | Goal | Room>(merged[store]);
    byStore[store] = { ...countStore(store, before, theirs, after), moved: moved[store] };
    for (const key of Object.keys(total) as (keyof MergeCounts)[]) total[key] += byStore[store][key];
  }
  return { merged, writes, preview: { ...total, byStore } };
}
