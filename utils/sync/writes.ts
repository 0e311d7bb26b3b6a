/**
 * What an import and its undo share: the stores they span in one transaction, reading them whole,
 * queueing writes, and the record of what an import changed.
 */
import type { IDBPTransaction, StoreValue } from 'idb';
import type { CheckIn, DebriefSchema, Goal, Session, Tombstone } from '../db/schema';
import type { CheckInChange } from '../db/trend-months';
import type { SyncData } from './format';
import type { MergeWrites, StoreWrites } from './plan';

const SYNC_STORES = ['checkIns', 'sessions', 'goals', 'tombstones'] as const;
type SyncStoreName = (typeof SYNC_STORES)[number];
/** Every transaction here spans the same stores, so helpers can share one type. */
export const TX_STORES: (SyncStoreName | 'meta' | 'trendMonths')[] = [...SYNC_STORES, 'meta', 'trendMonths'];
export type SyncTx<M extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<DebriefSchema, (SyncStoreName | 'meta' | 'trendMonths')[], M>;

type UndoEntryOf<S extends SyncStoreName> = {
  store: S;
  id: string;
  /** The record before the import; null when the import added it. */
  before: StoreValue<DebriefSchema, S> | null;
  /** The version the import left (see `fingerprint`); null when it removed the record. */
  after: string | null;
};
export type ImportUndoEntry = { [S in SyncStoreName]: UndoEntryOf<S> }[SyncStoreName];

/** What an import changed: each touched record's prior version (null: the import added it). */
export interface ImportUndo {
  importedAt: string;
  entries: ImportUndoEntry[];
}


export type AnyRecord = CheckIn | Session | Goal | Tombstone;

/** Identifies the exact version a record is at, so undo can tell whether it changed since. */
export function fingerprint(record: AnyRecord | undefined | null): string | null {
  if (!record) return null;
  if ('deletedAt' in record) return record.deletedAt;
  if ('history' in record) return `${record.updatedAt}+${record.history.length}`;
  return record.updatedAt;
}

export async function readAll(tx: SyncTx): Promise<SyncData> {
  const [checkIns, sessions, goals, tombstones] = await Promise.all([
    tx.objectStore('checkIns').getAll(),
    tx.objectStore('sessions').getAll(),
    tx.objectStore('goals').getAll(),
    tx.objectStore('tombstones').getAll(),
  ]);
  return { checkIns, sessions, goals, tombstones };
}

export function undoEntriesOf<S extends SyncStoreName>(
  store: S,
  local: readonly StoreValue<DebriefSchema, S>[],
  { put, remove }: StoreWrites<StoreValue<DebriefSchema, S>>,
): UndoEntryOf<S>[] {
  const before = new Map(local.map((record) => [record.id, record]));
  return [
    ...put.map((record) => ({ store, id: record.id, before: before.get(record.id) ?? null, after: fingerprint(record) })),
    ...remove.map((id) => ({ store, id, before: before.get(id) ?? null, after: null })),
  ];
}

/** Queues one store's writes on the transaction. */
function queueWrites<S extends SyncStoreName>(
  tx: SyncTx<'readwrite'>,
  store: S,
  { put, remove }: StoreWrites<StoreValue<DebriefSchema, S>>,
): Promise<unknown>[] {
  const target = tx.objectStore(store);
  return [...put.map((record) => target.put(record)), ...remove.map((id) => target.delete(id))];
}

/** The check-in side of an import's writes, for the trends' packed months. */
export function checkInChanges(local: readonly CheckIn[], { put, remove }: StoreWrites<CheckIn>): CheckInChange[] {
  const before = new Map(local.map((checkIn) => [checkIn.id, checkIn]));
  return [...put.map((after) => ({ before: before.get(after.id), after })), ...remove.map((id) => ({ before: before.get(id) }))];
}


/** Queues every write of a merge (or an undo) on the transaction, without awaiting in between. */
export function queueAll(tx: SyncTx<'readwrite'>, writes: MergeWrites): Promise<unknown>[] {
  return [
    ...queueWrites(tx, 'checkIns', writes.checkIns),
    ...queueWrites(tx, 'sessions', writes.sessions),
    ...queueWrites(tx, 'goals', writes.goals),
    ...queueWrites(tx, 'tombstones', writes.tombstones),
  ];
}
