/**
 * Undoing the last import: the profile as if that file had not come, except where a later change
 * stands in the way. A record edited or deleted since keeps that change and is listed, and a
 * record is never put back under a deletion that stays, so the undo leaves a state any copy of
 * the profile's export agrees with.
 */
import { toStorageError } from '../db/errors';
import type { DebriefDb } from '../db/open';
import type { CheckIn, Goal, Session, SyncedStore, Tombstone } from '../db/schema';
import { followCheckIns } from '../db/trend-months';
import type { SyncData } from './format';
import { mergeData } from './merge';
import { writesBetween } from './plan';
import { checkInChanges, fingerprint, queueAll, readAll, TX_STORES, type AnyRecord, type ImportUndo, type ImportUndoEntry } from './writes';

/** A record an undo left as it is, and why: edited since the import, or deleted since. */
export interface NotUndone {
  store: SyncedStore;
  id: string;
  why: 'changed' | 'deleted';
}

const NOTHING: SyncData = { checkIns: [], sessions: [], goals: [], tombstones: [] };

/** The record as it was before the import, minus what a deletion that stays removed from it. */
function restorable(entry: ImportUndoEntry, tombstone: Tombstone | undefined): AnyRecord | null | 'deleted' {
  const before = entry.before;
  if (!before || entry.store === 'tombstones' || !tombstone || tombstone.store !== entry.store) return before;
  const record = before as CheckIn | Session | Goal;
  if (record.updatedAt <= tombstone.deletedAt) return 'deleted';
  if (!('history' in record)) return record;
  return { ...record, history: record.history.filter((version) => version.updatedAt > tombstone.deletedAt) };
}

/** Puts back what an import changed where nothing since stands in the way; lists the rest. */
export async function undoImport(db: DebriefDb, undo: ImportUndo): Promise<{ restored: number; notUndone: NotUndone[] }> {
  try {
    const tx = db.transaction(TX_STORES, 'readwrite');
    const local = await readAll(tx);
    const stores = {
      checkIns: new Map<string, AnyRecord>(local.checkIns.map((r) => [r.id, r])),
      sessions: new Map<string, AnyRecord>(local.sessions.map((r) => [r.id, r])),
      goals: new Map<string, AnyRecord>(local.goals.map((r) => [r.id, r])),
      tombstones: new Map<string, AnyRecord>(local.tombstones.map((r) => [r.id, r])),
    };
    const unchanged = undo.entries.map((entry) => fingerprint(stores[entry.store].get(entry.id)) === entry.after);
    // Deletion records first: whether a record may come back depends on the deletion that stays.
    undo.entries.forEach((entry, index) => {
      if (entry.store !== 'tombstones' || !unchanged[index]) return;
      if (entry.before) stores.tombstones.set(entry.id, entry.before);
      else stores.tombstones.delete(entry.id);
    });
    let restored = undo.entries.filter((entry, index) => entry.store === 'tombstones' && unchanged[index]).length;
    const notUndone: NotUndone[] = [];
    undo.entries.forEach((entry, index) => {
      if (entry.store === 'tombstones') return;
      const current = stores[entry.store].get(entry.id);
      const before = unchanged[index] ? restorable(entry, stores.tombstones.get(entry.id) as Tombstone | undefined) : 'changed';
      if (before === 'changed' || before === 'deleted') {
        notUndone.push({ store: entry.store, id: entry.id, why: before === 'changed' && current ? 'changed' : 'deleted' });
        return;
      }
      if (before) stores[entry.store].set(entry.id, before);
      else stores[entry.store].delete(entry.id);
      restored++;
    });
    const undone = {
      checkIns: [...stores.checkIns.values()],
      sessions: [...stores.sessions.values()],
      goals: [...stores.goals.values()],
      tombstones: [...stores.tombstones.values()],
    } as SyncData;
    // What is put back may share an id with what stays: settled by the same law as any merge.
    const writes = writesBetween(local, mergeData(undone, NOTHING));
    await Promise.all([...queueAll(tx, writes), followCheckIns(tx.objectStore('trendMonths'), checkInChanges(local.checkIns, writes.checkIns)), tx.done]);
    return { restored, notUndone };
  } catch (error) {
    throw toStorageError(error);
  }
}
