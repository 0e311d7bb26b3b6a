/** Writing everything that syncs to one file (DESIGN §5), optionally encrypted. */
import { deviceIdIn, readMeta } from '../db/meta';
import { openCheckIns, openGoals } from '../db/lock';
import { readableRooms } from '../db/lock-rooms';
import { unlockedKey } from '../lock/session';
import type { DebriefDb } from '../db/open';
import { toStorageError } from '../db/errors';
import { localIsoString } from '../db/time';
import { encryptText, type CryptoOptions } from './crypto';
import { EXPORT_FORMAT, EXPORT_VERSION, type DebriefExport } from './format';

/** Everything that syncs, read in one transaction so the file is a consistent snapshot. */
export async function exportData(db: DebriefDb, now: Date = new Date()): Promise<DebriefExport> {
  try {
    // readwrite only because a brand-new profile creates its device id here.
    const tx = db.transaction(['checkIns', 'sessions', 'goals', 'rooms', 'tombstones', 'meta'], 'readwrite');
    const [deviceId, checkIns, sessions, goals, rooms, tombstones, lock] = await Promise.all([
      deviceIdIn(tx),
      tx.objectStore('checkIns').getAll(),
      tx.objectStore('sessions').getAll(),
      tx.objectStore('goals').getAll(),
      tx.objectStore('rooms').getAll(),
      tx.objectStore('tombstones').getAll(),
      readMeta(tx.objectStore('meta'), 'lock'),
    ]);
    await tx.done;
    const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: localIsoString(now), deviceId } as const;
    // Locked (backups, the sync folder): records go as stored, sealed, with the lock that opens them.
    if (lock && !(await unlockedKey())) return { ...header, checkIns, sessions, goals, tombstones, rooms, lock };
    return {
      ...header,
      // Opened for the file while unlocked; the file has its own passphrase.
      checkIns: await openCheckIns(checkIns),
      sessions,
      goals: await openGoals(goals),
      tombstones,
      rooms: await readableRooms(rooms),
    };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** The file's text. Compact JSON: a year of check-ins stays small and fast to read back. */
export function serializeExport(file: DebriefExport): string {
  return JSON.stringify(file);
}

/** The file's text, encrypted with `passphrase` when one is given. */
export async function exportText(file: DebriefExport, passphrase = '', options: CryptoOptions = {}): Promise<string> {
  const text = serializeExport(file);
  return passphrase === '' ? text : JSON.stringify(await encryptText(text, passphrase, options));
}
