/**
 * Importing a validated file: merge it with what is stored and write the result in one
 * transaction, so an import happens entirely or not at all. Also its undo.
 */
import type { IDBPTransaction, StoreValue } from 'idb';
import { toStorageError } from '../db/errors';
import { sealIncoming, sealIncomingGoals } from '../db/lock';
import { observeStampIn } from '../db/meta';
import type { DebriefDb } from '../db/open';
import type { CheckIn, DebriefSchema, Goal, Session, Tombstone } from '../db/schema';
import { localIsoString } from '../db/time';
import { followCheckIns, type CheckInChange } from '../db/trend-months';
import { FileRefused, storeClash } from './clash';
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

function restore<S extends SyncStoreName>(tx: SyncTx<'readwrite'>, entry: UndoEntryOf<S>): Promise<unknown> {
  const target = tx.objectStore(entry.store);
  return entry.before ? target.put(entry.before) : target.delete(entry.id);
}

export type PreviewResult = { ok: true; preview: MergePreview } | { ok: false; error: string };

/** What importing `file` would change, read without writing anything; or why it is refused here. */
export async function previewImport(db: DebriefDb, file: DebriefExport): Promise<PreviewResult> {
  try {
    const tx = db.transaction(TX_STORES, 'readonly');
    const local = await readAll(tx);
    await tx.done;
    const clash = storeClash(local, file);
    return clash ? { ok: false, error: clash } : { ok: true, preview: planMerge(local, file).preview };
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Merges a validated file into the database in one transaction; returns its counts and undo.
 * Throws FileRefused, writing nothing, when the file's ids clash with the profile's.
 */
export async function importFile(db: DebriefDb, plainFile: DebriefExport, now: Date = new Date()): Promise<ImportResult> {
  try {
    const file = { ...plainFile, checkIns: await sealIncoming(db, plainFile.checkIns), goals: await sealIncomingGoals(db, plainFile.goals) };
    const tx = db.transaction(TX_STORES, 'readwrite');
    const local = await readAll(tx);
    const clash = storeClash(local, file);
    // Nothing is queued yet: the transaction ends with no write.
    if (clash) throw new FileRefused(clash);
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
    if (error instanceof FileRefused) throw error;
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
  try {
    const result = await importFile(db, read.file, new Date(options.now ?? Date.now()));
    return { ok: true, file: read.file, result };
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, error: error.message, needsPassphrase: false };
    throw error;
  }
}

/**
 * Puts back what an import changed. A record edited since the import keeps the edit
 * (counted in `kept`), so undo never destroys newer work.
 */
export async function undoImport(db: DebriefDb, undo: ImportUndo): Promise<{ restored: number; kept: number }> {
  try {
    const tx = db.transaction(TX_STORES, 'readwrite');
    const currents = await Promise.all(undo.entries.map((entry) => tx.objectStore(entry.store).get(entry.id)));
    let restored = 0;
    const requests: Promise<unknown>[] = [];
    const checkIns: CheckInChange[] = [];
    undo.entries.forEach((entry, index) => {
      if (fingerprint(currents[index]) !== entry.after) return;
      requests.push(restore(tx, entry));
      if (entry.store === 'checkIns') checkIns.push({ before: currents[index] as CheckIn | undefined, after: entry.before });
      restored++;
    });
    requests.push(followCheckIns(tx.objectStore('trendMonths'), checkIns));
    await Promise.all([...requests, tx.done]);
    return { restored, kept: undo.entries.length - restored };
  } catch (error) {
    throw toStorageError(error);
  }
}
