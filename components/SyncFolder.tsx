import { useId, useState } from 'preact/hooks';
import { formatNumber, t, uiLocale } from '@/utils/i18n';
import type { FolderFileReport } from '@/utils/sync/folder';
import type { MergeCounts } from '@/utils/sync/plan';
import { RichText, slots } from './RichText';
import { ErrorAlert } from './ErrorAlert';

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

/** "1 new, 2 updated", or "nothing new". */
function changes(counts: MergeCounts, locale: string | undefined = uiLocale()): string {
  const count = (n: number): [string] => [formatNumber(n, locale)];
  const parts = [
    counts.new && t('sync.folder.new', counts.new, count(counts.new)),
    counts.updated && t('sync.folder.updated', counts.updated, count(counts.updated)),
    counts.deleted && t('sync.folder.deleted', counts.deleted, count(counts.deleted)),
    counts.keptAsHistory && t('sync.folder.keptAsHistory', counts.keptAsHistory, count(counts.keptAsHistory)),
    counts.moved && t('sync.folder.moved', counts.moved, count(counts.moved)),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts) : t('sync.folder.nothingNew');
}

/** The sync folder: choose it once, name this device, sync now, and what the last sync merged. */
export function SyncFolder({ supported, state, busy, error, ...on }: SyncFolderProps) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  if (!supported) {
    return (
      <section class="sync-section" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('sync.folder.title')}</h3>
        <p class="notice">{t('sync.folder.unsupported', { exportAll: t('sync.export.all'), importFile: t('sync.import.file') })}</p>
      </section>
    );
  }
  if (!state) {
    return (
      <section class="sync-section" aria-labelledby={`${id}-title`} aria-busy="true">
        <h3 id={`${id}-title`}>{t('sync.folder.title')}</h3>
        <p>{t('common.loading')}</p>
      </section>
    );
  }
  const ready = state.folderName !== null && state.access === 'granted';
  return (
    <section class="sync-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('sync.folder.title')}</h3>
      <p class="hint">{t('sync.folder.hint')}</p>
      {state.folderName === null ? (
        <button type="button" class="primary" aria-disabled={busy || undefined} onClick={() => !busy && on.onChoose()}>
          {t('sync.folder.choose')}
        </button>
      ) : (
        <>
          <p>
            <RichText
              message={
                state.lastWritten
                  ? t('sync.folder.currentWritten', { ...slots('folder', 'file'), time: state.lastWritten })
                  : t('sync.folder.current', slots('folder', 'file'))
              }
              parts={{ folder: <strong>{state.folderName}</strong>, file: <code>{state.ownFile}</code> }}
            />
          </p>
          {state.access !== 'granted' && <p class="notice">{t('sync.folder.askAgain')}</p>}
          <div class="form-actions">
            {ready ? (
              <button type="button" class="primary" aria-disabled={busy || undefined} onClick={() => !busy && on.onSyncNow()}>
                {t('sync.folder.syncNow')}
              </button>
            ) : (
              <button type="button" class="primary" aria-disabled={busy || undefined} onClick={() => !busy && on.onAllow()}>
                {t('sync.folder.allow')}
              </button>
            )}
            <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && on.onChoose()}>
              {t('sync.folder.chooseAnother')}
            </button>
            <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && on.onForget()}>
              {t('sync.folder.forget')}
            </button>
          </div>
          <p class="hint">{t('sync.folder.writesHint', { syncNow: t('sync.folder.syncNow') })}</p>
        </>
      )}

      <label class="field">
        <span>{t('sync.folder.deviceName')}</span>
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
        {t('sync.folder.deviceHint', { name: state.defaultDeviceName })}
      </p>
      <label class="choice">
        <input type="checkbox" checked={state.encrypt} onChange={(e) => on.onEncrypt(e.currentTarget.checked)} />
        {t('sync.folder.encrypt')}
      </label>
      {state.encrypt && !state.hasPassphrase && (
        <p class="sync-warning">{t('sync.folder.needsPassphrase')}</p>
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
          <span>{t('sync.folder.passphrase')}</span>
          <input
            type="password"
            autocomplete="off"
            value={passphrase}
            aria-describedby={`${id}-passphrase-hint`}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('sync.folder.usePassphrase')}</button>
      </form>
      <p id={`${id}-passphrase-hint`} class="hint">
        {state.hasPassphrase ? `${t('sync.folder.passphraseSet')} ${t('sync.folder.passphraseHint')}` : t('sync.folder.passphraseHint')}
      </p>

      <div role="status" class="sync-report">
        {busy && <p aria-busy="true">{t('sync.folder.syncing')}</p>}
        {!busy && state.report && (
          <>
            <p>
              {state.report.length === 0
                ? t('sync.folder.syncedAlone')
                : t('sync.folder.syncedWith', state.report.length, [formatNumber(state.report.length)])}
            </p>
            {state.report.length > 0 && (
              <ul>
                {state.report.map((file) => (
                  <li key={file.name}>
                    <RichText
                      message={
                        file.ok
                          ? t('sync.folder.fileMerged', { ...slots('file'), changes: changes(file.preview) })
                          : t('sync.folder.fileNotMerged', { ...slots('file'), error: file.error })
                      }
                      parts={{ file: <code>{file.name}</code> }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <ErrorAlert message={error} />
    </section>
  );
}
