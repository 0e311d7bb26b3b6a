/**
 * A file that passes the format is still checked against what the profile holds: an id belongs
 * to one store for good, so a file may not reuse a check-in's id for a goal, nor delete a goal
 * as if it were a session (DESIGN §5).
 */
import { t } from '../i18n';
import type { SyncedStore } from '../db/schema';
import type { SyncData } from './format';
import { RECORD_WORDS, tombstoneWhere } from './issues';

const STORES: readonly SyncedStore[] = ['checkIns', 'sessions', 'goals'];

/** A file refused for what it would do to this profile; its message names the record at fault. */
export class FileRefused extends Error {
  override name = 'FileRefused';
}

/** The store each id of the profile belongs to, from its records and its deletion records. */
function ownersOf(local: SyncData): Map<string, SyncedStore> {
  const owner = new Map<string, SyncedStore>();
  for (const tombstone of local.tombstones) owner.set(tombstone.id, tombstone.store);
  for (const store of STORES) for (const record of local[store]) owner.set(record.id, store);
  return owner;
}

/** The first id of the file that belongs to another store in the profile, in words; null when none. */
export function storeClash(local: SyncData, file: SyncData): string | null {
  const owner = ownersOf(local);
  for (const store of STORES) {
    for (const [index, record] of file[store].entries()) {
      const held = owner.get(record.id);
      if (held && held !== store) {
        return t('sync.clash.record', { where: RECORD_WORDS[store].where(index), id: record.id, record: RECORD_WORDS[held].one(), other: RECORD_WORDS[store].one() });
      }
    }
  }
  for (const [index, tombstone] of file.tombstones.entries()) {
    const held = owner.get(tombstone.id);
    if (held && held !== tombstone.store) {
      return t('sync.clash.tombstone', { where: tombstoneWhere(index), id: tombstone.id, record: RECORD_WORDS[held].one(), other: RECORD_WORDS[tombstone.store].one() });
    }
  }
  return null;
}
