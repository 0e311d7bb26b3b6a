import { useId, useState } from 'preact/hooks';
import type { FolderFileReport } from '@/utils/sync/folder';
import type { MergeCounts } from '@/utils/sync/plan';

export interface SyncFolderState {
  /** The folder's name, or null when none is chosen. */
  folderName: string | null;
  /** 'granted' once this page may read and write the folder; 'prompt' needs a click to ask again. */
  access: PermissionState | null;
  deviceName: string;
  /** What the device is called when the person has not named it. */
  defaultDeviceName: string;
  ownFile: string;
  encrypt: boolean;
  hasPassphrase: boolean;
  /** The files merged by the last sync, when there was one. */
  report: FolderFileReport[] | null;
  /** When this device's file was last written (already formatted), or null. */
  lastWritten: string | null;
}

export interface SyncFolderProps {
  /** False where the File System Access API is missing (Firefox, Safari). */
  supported: boolean;
  /** Null while the saved folder and settings are read. */
  state: SyncFolderState | null;
  busy: boolean;
  error: string | null;
  onChoose(): void;
  onAllow(): void;
  onSyncNow(): void;
  onForget(): void;
  onDeviceName(name: string): void;
  onEncrypt(encrypt: boolean): void;
  onPassphrase(passphrase: string): void;
}

function changes(counts: MergeCounts): string {
  const parts = [
    counts.new && `${counts.new} new`,
    counts.updated && `${counts.updated} updated`,
    counts.deleted && `${counts.deleted} deleted`,
    counts.keptAsHistory && `${counts.keptAsHistory} kept as history`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing new';
}

/** The sync folder: choose it once, name this device, sync now, and what the last sync merged. */
export function SyncFolder({ supported, state, busy, error, ...on }: SyncFolderProps) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  if (!supported) {
    return (
      <section class="sync-section" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>Sync folder</h3>
        <p class="notice">
          This browser cannot use a sync folder: it does not have the File System Access API that lets Debrief keep a file
          in a folder you choose (Chrome, Edge and other Chromium browsers have it; Firefox does not). To move your data
          between devices, use Export all data above on one device and Import a file on the other.
        </p>
      </section>
    );
  }
  if (!state) {
    return (
      <section class="sync-section" aria-labelledby={`${id}-title`} aria-busy="true">
        <h3 id={`${id}-title`}>Sync folder</h3>
        <p>Loading…</p>
      </section>
    );
  }
  const ready = state.folderName !== null && state.access === 'granted';
  return (
    <section class="sync-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Sync folder</h3>
      <p class="hint">
        Pick a folder that another tool keeps in step between your devices (Syncthing, Dropbox, a USB stick). Each device
        writes its own file there and merges the others&apos; files, so no entry is lost whatever order they arrive in.
      </p>
      {state.folderName === null ? (
        <button type="button" class="primary" aria-disabled={busy || undefined} onClick={() => !busy && on.onChoose()}>
          Choose sync folder
        </button>
      ) : (
        <>
          <p>
            Sync folder: <strong>{state.folderName}</strong>. This device writes <code>{state.ownFile}</code>
            {state.lastWritten ? `, last written ${state.lastWritten}` : ''}.
          </p>
          {state.access !== 'granted' && (
            <p class="notice">The browser asks again for permission to use this folder after it restarts.</p>
          )}
          <div class="form-actions">
            {ready ? (
              <button type="button" class="primary" aria-disabled={busy || undefined} onClick={() => !busy && on.onSyncNow()}>
                Sync now
              </button>
            ) : (
              <button type="button" class="primary" aria-disabled={busy || undefined} onClick={() => !busy && on.onAllow()}>
                Allow access to the sync folder
              </button>
            )}
            <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && on.onChoose()}>
              Choose another folder
            </button>
            <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && on.onForget()}>
              Stop using this folder
            </button>
          </div>
          <p class="hint">
            Debrief writes its file after every change while this options page is open, and merges the other devices&apos;
            files when you open this view or press Sync now. Only a page you opened may write to the folder, so changes made
            while it is closed are written the next time you open it.
          </p>
        </>
      )}

      <label class="field">
        <span>Device name</span>
        <input
          type="text"
          maxLength={40}
          value={state.deviceName}
          placeholder={state.defaultDeviceName}
          aria-describedby={`${id}-device-hint`}
          onChange={(e) => on.onDeviceName(e.currentTarget.value.trim())}
        />
      </label>
      <p id={`${id}-device-hint`} class="hint">
        Names this device&apos;s file in the folder; left empty it is “{state.defaultDeviceName}”. Give each device a different
        name.
      </p>
      <label class="choice">
        <input type="checkbox" checked={state.encrypt} onChange={(e) => on.onEncrypt(e.currentTarget.checked)} />
        Encrypt this device&apos;s sync file
      </label>
      {state.encrypt && !state.hasPassphrase && (
        <p class="sync-warning">Enter the sync passphrase: until you do, this device&apos;s encrypted file is not written.</p>
      )}
      <form
        class="sync-passphrase-row"
        onSubmit={(e) => {
          e.preventDefault();
          on.onPassphrase(passphrase);
          setPassphrase('');
        }}
      >
        <label class="field">
          <span>Sync passphrase</span>
          <input
            type="password"
            autocomplete="off"
            value={passphrase}
            aria-describedby={`${id}-passphrase-hint`}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Use passphrase</button>
      </form>
      <p id={`${id}-passphrase-hint`} class="hint">
        {state.hasPassphrase ? 'A passphrase is set for this browser session. ' : ''}
        It encrypts this device&apos;s file and opens encrypted files from your other devices (use the same one on each). It is
        kept only until the browser closes, never saved to disk, so you enter it again after a restart; until then an
        encrypted sync file is not written. If it is lost, the encrypted files cannot be opened.
      </p>

      <div role="status" class="sync-report">
        {busy && <p aria-busy="true">Syncing…</p>}
        {!busy && state.report && (
          <>
            <p>
              {state.report.length === 0
                ? 'Synced. No other device has written a file in this folder yet.'
                : `Synced with ${state.report.length} other device file${state.report.length === 1 ? '' : 's'}:`}
            </p>
            {state.report.length > 0 && (
              <ul>
                {state.report.map((file) => (
                  <li key={file.name}>
                    <code>{file.name}</code>: {file.ok ? `merged, ${changes(file.preview)}` : `not merged. ${file.error}`}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
