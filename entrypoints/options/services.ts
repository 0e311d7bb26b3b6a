/** What the options page keeps while it is open, shared by its views: the sync folder and the last import. */
import { getDb } from '@/utils/db/open';
import { syncDeviceName, syncEncrypt, syncPassphrase } from '@/utils/storage';
import type { ImportUndo } from '@/utils/sync/apply';
import { createSyncFolderService, type FolderSettings } from '@/utils/sync/folder-service';

export const storedFolderSettings: FolderSettings = {
  deviceName: () => syncDeviceName.getValue(),
  encrypt: () => syncEncrypt.getValue(),
  passphrase: () => syncPassphrase.getValue(),
};

/** The page's one sync folder service, over Debrief's database and the person's settings. */
export const pageSyncFolder = createSyncFolderService({ openDb: getDb, settings: storedFolderSettings });

/** The last import, undoable until the page closes or another import replaces it (kept across views). */
export const lastImport: { undo: ImportUndo | null } = { undo: null };
