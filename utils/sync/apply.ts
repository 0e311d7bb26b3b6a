/**
 * Importing a validated file: merge it with what is stored and write the result in one
 * transaction, so an import happens entirely or not at all. Also its undo.
 */
import type { IDBPTransaction, StoreValue } from 'idb';
import { toStorageError } from '../db/errors';
import { observeStampIn } from '../db/meta';
import type { DebriefDb } from '../db/open';
import type { CheckIn, DebriefSchema, Goal, Session, SyncedStore, Tombstone } from '../db/schema';
import { localIsoString } from '../db/time';
import { followCheckIns, type CheckInChange } from '../db/trend-months';
import type { CryptoOptions } from './crypto';
import type { DebriefExport, ParseOptions, SyncData } from './format';
import { newestStamp } from './merge';
import { planMerge, type MergePreview, type StoreWrites } from './plan';
import { readExportText } from './read';

export { exportData, serializeExport, exportText } from './export';

const SYNC_STORES = ['checkIns', 'sessions', 'goals', 'tombstones'] as const;
type SyncStoreName = (typeof SYNC_STORES)[number];
/** Every transaction here spans the same stores, so helpers can share one type. */
const TX_STORES: (SyncStoreName | 'meta' | 'trendMonths')[] = [...SYNC_STORES, 'meta', 'trendMonths'];
type SyncTx<M extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<DebriefSchema, (SyncStoreName | 'meta' | 'trendMonths')[], M>;

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

export interface ImportResult {
  preview: MergePreview;
  undo: ImportUndo;
}

type AnyRecord = CheckIn | Session | Goal | Tombstone;

/** Identifies the exact version a record is at, so undo can tell whether it changed since. */
function fingerprint(record: AnyRecord | undefined | null): string | null {
  if (!record) return null;
  if ('deletedAt' in record) return record.deletedAt;
  if ('history' in record) return `${record.updatedAt}+${record.history.length}`;
  return record.updatedAt;
}

async function readAll(tx: SyncTx): Promise<SyncData> {
  const [checkIns, sessions, goals, tombstones] = await Promise.all([
    tx.objectStore('checkIns').getAll(),
    tx.objectStore('sessions').getAll(),
    tx.objectStore('goals').getAll(),
    tx.objectStore('tombstones').getAll(),
  ]);
  return { checkIns, sessions, goals, tombstones };
}

function undoEntriesOf<S extends SyncStoreName>(
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
function checkInChanges(local: readonly CheckIn[], { put, remove }: StoreWrites<CheckIn>): CheckInChange[] {
  const before = new Map(local.map((checkIn) => [checkIn.id, checkIn]));
  return [...put.map((after) => ({ before: before.get(after.id), after })), ...remove.map((id) => ({ before: before.get(id) }))];
}

export type PreviewResult = { ok: true; preview: MergePreview } | { ok: false; error: string };

/** What importing `file` would change, read without writing anything; or why it is refused here. */
export async function previewImport(db: DebriefDb, file: DebriefExport): Promise<PreviewResult> {
  try {
    const tx = db.transaction(TX_STORES, 'readonly');
    const local = await readAll(tx);
    await tx.done;
    return { ok: true, preview: planMerge(local, file).preview };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Merges a validated file into the database in one transaction; returns its counts and undo. */
export async function importFile(db: DebriefDb, file: DebriefExport, now: Date = new Date()): Promise<ImportResult> {
  try {
    const tx = db.transaction(TX_STORES, 'readwrite');
    const local = await readAll(tx);
    const { writes, preview } = planMerge(local, file);
    // Queue every request without awaiting in between: the transaction must not go idle.
    const requests = [
      ...queueWrites(tx, 'checkIns', writes.checkIns),
      ...queueWrites(tx, 'sessions', writes.sessions),
      ...queueWrites(tx, 'goals', writes.goals),
      ...queueWrites(tx, 'tombstones', writes.tombstones),
      followCheckIns(tx.objectStore('trendMonths'), checkInChanges(local.checkIns, writes.checkIns)),
    ];
    const newest = newestStamp(file);
    if (newest) requests.push(observeStampIn(tx, newest, now.getTime()));
    await Promise.all([...requests, tx.done]);
    const entries: ImportUndoEntry[] = [
      ...undoEntriesOf('checkIns', local.checkIns, writes.checkIns),
      ...undoEntriesOf('sessions', local.sessions, writes.sessions),
      ...undoEntriesOf('goals', local.goals, writes.goals),
      ...undoEntriesOf('tombstones', local.tombstones, writes.tombstones),
    ];
    return { preview, undo: { importedAt: localIsoString(now), entries } };
  } catch (error) {
    throw toStorageError(error);
  }
}

export type ImportTextResult =
  | { ok: true; file: DebriefExport; result: ImportResult }
  | { ok: false; error: string; needsPassphrase: boolean };

/** Reads, validates and imports file text; a rejected file never opens a transaction. */
export async function importText(
  db: DebriefDb,
  text: string,
  passphrase = '',
  options: ParseOptions & CryptoOptions & { now?: number } = {},
): Promise<ImportTextResult> {
  const read = await readExportText(text, passphrase, options);
  if (!read.ok) return read;
  const result = await importFile(db, read.file, new Date(options.now ?? Date.now()));
  return { ok: true, file: read.file, result };
}

/** A record an undo left as it is, and why: edited since the import, or deleted since. */
export interface NotUndone {
  store: SyncedStore;
  id: string;
  why: 'changed' | 'deleted';
}

/** The record as it was before the import, minus what a deletion that stays removed from it. */
function restorable(entry: ImportUndoEntry, tombstone: Tombstone | null | undefined): AnyRecord | null | 'deleted' {
  const before = entry.before;
  if (!before || entry.store === 'tombstones' || !tombstone || tombstone.store !== entry.store) return before;
  const record = before as CheckIn | Session | Goal;
  if (record.updatedAt <= tombstone.deletedAt) return 'deleted';
  if (!('history' in record)) return record;
  return { ...record, history: record.history.filter((version) => version.updatedAt > tombstone.deletedAt) };
}

/**
 * Puts back what an import changed, as if it had not happened, except where a later change
 * stands in the way: a record edited or deleted since keeps that change and is listed.
 */
export async function undoImport(db: DebriefDb, undo: ImportUndo): Promise<{ restored: number; notUndone: NotUndone[] }> {
  try {
    const tx = db.transaction(TX_STORES, 'readwrite');
    const currents = await Promise.all(undo.entries.map((entry) => tx.objectStore(entry.store).get(entry.id)));
    const unchanged = undo.entries.map((entry, index) => fingerprint(currents[index]) === entry.after);
    // The deletion records as they will stand once the undo is done.
    const tombstones = new Map<string, Tombstone | null | undefined>();
    undo.entries.forEach((entry, index) => {
      if (entry.store === 'tombstones') tombstones.set(entry.id, unchanged[index] ? entry.before : (currents[index] as Tombstone | undefined));
    });
    const deletionOf = async (id: string) => (tombstones.has(id) ? tombstones.get(id) : tx.objectStore('tombstones').get(id));
    const deletions = await Promise.all(undo.entries.map((entry) => deletionOf(entry.id)));
    let restored = 0;
    const notUndone: NotUndone[] = [];
    const requests: Promise<unknown>[] = [];
    const checkIns: CheckInChange[] = [];
    undo.entries.forEach((entry, index) => {
      const current = currents[index];
      const before = unchanged[index] ? restorable(entry, deletions[index]) : 'changed';
      if (before === 'changed' || before === 'deleted') {
        if (entry.store !== 'tombstones') notUndone.push({ store: entry.store, id: entry.id, why: before === 'changed' && current ? 'changed' : 'deleted' });
        return;
      }
      const target = tx.objectStore(entry.store);
      // `before` is a record of entry.store: restorable only trims a check-in's history.
      requests.push(before ? target.put(before as never) : target.delete(entry.id));
      if (entry.store === 'checkIns') checkIns.push({ before: current as CheckIn | undefined, after: before as CheckIn | null });
      restored++;
    });
    requests.push(followCheckIns(tx.objectStore('trendMonths'), checkIns));
    await Promise.all([...requests, tx.done]);
    return { restored, notUndone };
  } catch (error) {
    throw toStorageError(error);
  }
}
