/**
 * Importing a validated file: merge it with what is stored and write the result in one
 * transaction, so an import happens entirely or not at all. Its undo is in undo.ts.
 */
import { toStorageError } from '../db/errors';
import { fileLockProblem, sealIncoming, sealIncomingGoals } from '../db/lock';
import { adoptLock } from '../db/lock-turn';
import { sealIncomingRooms } from '../db/lock-rooms';
import { observeStampIn } from '../db/meta';
import type { DebriefDb } from '../db/open';
import { localIsoString } from '../db/time';
import { followCheckIns } from '../db/trend-months';
import type { CryptoOptions } from './crypto';
import type { DebriefExport, ParseOptions, SyncData } from './format';
import { checkExportLength } from './json';
import { MAX_RECORDS } from '../checkin/limits';
import { formatNumber, t } from '../i18n/index.ts';
import { newestStamp } from './merge';
import { planMerge, type MergePreview } from './plan';
import { readImport } from './read';
import { checkInChanges, queueAll, readAll, TX_STORES, undoEntriesOf, type ImportUndo, type ImportUndoEntry } from './writes';

export { undoImport } from './undo';
export type { ImportUndo } from './writes';

export interface ImportResult {
  preview: MergePreview;
  undo: ImportUndo;
}

/** A file refused for what it would do here: the data it would leave could not be exported and read back. */
class ImportRefused extends Error {
  override name = 'ImportRefused';
}

/** Why merged data may not be kept, or null: its export must stay within what Debrief imports. */
function keepProblem(merged: SyncData): string | null {
  const full = (['checkIns', 'sessions', 'goals', 'tombstones'] as const).find((list) => merged[list].length > MAX_RECORDS);
  if (full) return t('sync.tooMany', { max: formatNumber(MAX_RECORDS) });
  // The header (format, dates, device id) adds well under this many characters.
  return checkExportLength(JSON.stringify(merged).length + 512);
}

/** `needsLock`: the file was saved locked and this profile has no lock; its passphrase lets it in (adoptLock). */
export type PreviewResult = { ok: true; preview: MergePreview } | { ok: false; error: string; needsLock: boolean };

/** What importing `file` would change, read without writing anything; or why it is refused here. */
export async function previewImport(db: DebriefDb, file: DebriefExport): Promise<PreviewResult> {
  try {
    const lockProblem = await fileLockProblem(db, file);
    if (lockProblem) return { ok: false, ...lockProblem };
    const tx = db.transaction(TX_STORES, 'readonly');
    const local = await readAll(tx);
    await tx.done;
    const { merged, preview } = planMerge(local, file);
    const problem = keepProblem(merged);
    return problem ? { ok: false, error: problem, needsLock: false } : { ok: true, preview };
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Merges a validated file into the database in one transaction; returns its counts and undo.
 * Throws, writing nothing, when the merged data would be too large to export and read back, or
 * when the file was saved locked with a lock this profile does not share.
 */
export async function importFile(db: DebriefDb, plainFile: DebriefExport, now: Date = new Date()): Promise<ImportResult> {
  try {
    const lockProblem = await fileLockProblem(db, plainFile);
    if (lockProblem) throw new ImportRefused(lockProblem.error);
    const file = {
      ...plainFile,
      checkIns: await sealIncoming(db, plainFile.checkIns),
      goals: await sealIncomingGoals(db, plainFile.goals),
      rooms: await sealIncomingRooms(db, plainFile.rooms),
    };
    const tx = db.transaction(TX_STORES, 'readwrite');
    const local = await readAll(tx);
    const { merged, writes, preview } = planMerge(local, file);
    const problem = keepProblem(merged);
    // Nothing is queued yet: the transaction ends with no write.
    if (problem) throw new ImportRefused(problem);
    // Queue every request without awaiting in between: the transaction must not go idle.
    const requests = [
      ...queueAll(tx, writes),
      followCheckIns(tx.objectStore('trendMonths'), checkInChanges(local.checkIns, writes.checkIns)),
    ];
    const newest = newestStamp(file);
    if (newest) requests.push(observeStampIn(tx, newest, now.getTime()));
    await Promise.all([...requests, tx.done]);
    const entries: ImportUndoEntry[] = [
      ...undoEntriesOf('checkIns', local.checkIns, writes.checkIns),
      ...undoEntriesOf('sessions', local.sessions, writes.sessions),
      ...undoEntriesOf('goals', local.goals, writes.goals),
      ...undoEntriesOf('rooms', local.rooms, writes.rooms),
      ...undoEntriesOf('tombstones', local.tombstones, writes.tombstones),
    ];
    return { preview, undo: { importedAt: localIsoString(now), entries } };
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    throw toStorageError(error);
  }
}

type LockRefused = { ok: false; error: string; needsPassphrase: false; needsLock: true };

/**
 * This profile (which has no lock) takes on the lock `file` was saved with, opened by `secret` (its
 * passphrase or recovery key); or why not, changing nothing.
 */
export async function takeFileLock(db: DebriefDb, file: DebriefExport, secret: string): Promise<LockRefused | null> {
  if (file.lock && (await adoptLock(db, file.lock, secret))) return null;
  return { ok: false, error: t('lock.adopt.wrong'), needsPassphrase: false, needsLock: true };
}

export type ImportTextResult =
  | { ok: true; file: DebriefExport; result: ImportResult }
  | { ok: false; error: string; needsPassphrase: boolean; needsLock?: true };

/**
 * Reads (as every import does, readImport), validates and imports file text; a rejected file never
 * opens a transaction. `lockSecret` opens a file saved locked on another device when this profile
 * has no lock: the profile takes on that lock first (adoptLock), as the Sync page does. The tests'
 * import in one call (the pages go through previewImport and importFile to show the preview first).
 */
export async function importText(
  db: DebriefDb,
  text: string,
  passphrase = '',
  options: ParseOptions & CryptoOptions & { now?: number; lockSecret?: string } = {},
): Promise<ImportTextResult> {
  const read = await readImport({ size: new TextEncoder().encode(text).length, text: async () => text }, passphrase, options);
  if (!read.ok) return read;
  const lockProblem = await fileLockProblem(db, read.file);
  if (lockProblem?.needsLock) {
    if (!options.lockSecret) return { ok: false, error: lockProblem.error, needsPassphrase: false, needsLock: true };
    const refused = await takeFileLock(db, read.file, options.lockSecret);
    if (refused) return refused;
  }
  try {
    const result = await importFile(db, read.file, new Date(options.now ?? Date.now()));
    return { ok: true, file: read.file, result };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, error: error.message, needsPassphrase: false };
    throw error;
  }
}

