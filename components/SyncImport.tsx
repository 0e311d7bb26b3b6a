import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { MAX_IMPORT_BYTES } from '@/utils/sync/json';
import type { MergeCounts, MergePreview } from '@/utils/sync/plan';
import { changesSomething, countByKind } from '@/utils/sync/count-words';
import { ErrorAlert } from './ErrorAlert';
import { FileSecretForm } from './FileSecretForm';
import { messageOf } from '@/utils/errors';

export type ImportReading =
  | { ok: true; preview: MergePreview; summary: string }
  /** `needsLock`: the file was saved locked on another device; ask for the passphrase it was locked with. */
  | { ok: false; error: string; needsPassphrase: boolean; needsLock?: boolean };

export interface SyncImportProps {
  /** Reads and validates the whole file (nothing is written); `passphrase` opens an encrypted one. */
  onRead(file: File, passphrase: string): Promise<ImportReading>;
  /** Opens the file read last with the passphrase (or recovery key) it was locked with, locking Debrief here the same way, then previews it. */
  onUnlockFile(secret: string): Promise<ImportReading>;
  /** Merges the file read last; resolves to what changed. */
  onImport(): Promise<string>;
  onCancel(): void;
  /** Whether "Undo import" is offered (the last import of this page). */
  canUndo: boolean;
  onUndo(): Promise<string>;
}

const COUNT_WORDS: { key: keyof MergeCounts; label(): string; hint(): string; onlyWhenSome?: true }[] = [
  { key: 'new', label: () => t('sync.import.new'), hint: () => t('sync.import.newHint') },
  { key: 'updated', label: () => t('sync.import.updated'), hint: () => t('sync.import.updatedHint') },
  { key: 'deleted', label: () => t('sync.import.deleted'), hint: () => t('sync.import.deletedHint') },
  { key: 'unchanged', label: () => t('sync.import.unchanged'), hint: () => t('sync.import.unchangedHint') },
  { key: 'keptAsHistory', label: () => t('sync.import.keptAsHistory'), hint: () => t('sync.import.keptAsHistoryHint') },
  // Rare (ids are random): a row only when it happens.
  { key: 'moved', label: () => t('sync.import.moved'), hint: () => t('sync.import.movedHint'), onlyWhenSome: true },
];

/** "50 MB" in the reader's locale. */
const importLimit = () => formatNumber(MAX_IMPORT_BYTES / (1024 * 1024), undefined, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

type Phase = 'choose' | 'passphrase' | 'lock' | 'preview';
/** "Import a file": read and check it whole, ask for a passphrase if needed, preview, then merge or cancel. */
export function SyncImport({ onRead, onUnlockFile, onImport, onCancel, canUndo, onUndo }: SyncImportProps) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [reading, setReading] = useState<Extract<ImportReading, { ok: true }> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [focusOn, setFocusOn] = useState<'passphrase' | 'preview' | 'result' | null>(null);

  useEffect(() => {
    if (focusOn === 'passphrase') passphraseInput.current?.select();
    if (focusOn === 'preview') previewHeading.current?.focus();
    if (focusOn === 'result') result.current?.focus();
    setFocusOn(null);
  }, [focusOn]);

  const reset = () => {
    setPhase('choose');
    setFile(null);
    setPassphrase('');
    setReading(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  /** Reads the file (or, with `unlockFile`, opens the one read last with its lock's passphrase). */
  const read = async (chosen: File, secret: string, unlockFile?: () => Promise<ImportReading>) => {
    setBusy(unlockFile ? t('lock.adopt.opening') : secret ? t('sync.import.opening') : t('sync.import.checking'));
    setError(null);
    setDone('');
    try {
      const outcome = await (unlockFile ? unlockFile() : onRead(chosen, secret));
      if (outcome.ok) {
        setReading(outcome);
        setPhase('preview');
        setFocusOn('preview');
      } else if (outcome.needsPassphrase || outcome.needsLock) {
        // The first ask is an instruction, not a failure; a wrong passphrase is an error.
        if (secret && (unlockFile || !outcome.needsLock)) setError(outcome.error);
        setPassphrase(outcome.needsLock && !unlockFile ? '' : secret);
        setPhase(outcome.needsLock ? 'lock' : 'passphrase');
        setFocusOn('passphrase');
      } else {
        setError(t('sync.import.fileProblem', { file: chosen.name, error: outcome.error }));
        reset();
      }
    } catch (err) {
      setError(t('sync.import.unreadable', { file: chosen.name, error: messageOf(err) }));
      reset();
    } finally {
      setBusy(null);
    }
  };

  const act = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setError(null);
    try {
      setDone(await work());
      reset();
      setFocusOn('result');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="sync-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('sync.import.title')}</h3>
      <p id={`${id}-hint`} class="hint">{t('sync.import.hint', { limit: importLimit() })}</p>
      <label class="field">
        <span>{t('sync.import.file')}</span>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-hint`}
          disabled={busy !== null}
          onChange={(e) => {
            const chosen = e.currentTarget.files?.[0];
            if (!chosen) return;
            setFile(chosen);
            setPassphrase('');
            setReading(null);
            void read(chosen, '');
          }}
        />
      </label>

      {(phase === 'passphrase' || phase === 'lock') && file && (
        <FileSecretForm
          describedBy={`${id}-secret`}
          about={phase === 'lock' ? t('lock.adopt.about', { file: file.name }) : t('sync.import.encrypted', { file: file.name })}
          label={phase === 'lock' ? t('lock.adopt.secret') : t('sync.import.passphrase')}
          submit={phase === 'lock' ? t('lock.adopt.submit') : t('sync.import.open')}
          value={passphrase}
          invalid={error !== null}
          busy={busy !== null}
          inputRef={passphraseInput}
          onInput={setPassphrase}
          onSubmit={() => {
            if (busy) return;
            if (!passphrase) {
              setError(t('sync.import.passphraseEmpty'));
              setFocusOn('passphrase');
            } else if (phase === 'lock') void read(file, passphrase, () => onUnlockFile(passphrase));
            else void read(file, passphrase);
          }}
          onCancel={() => {
            reset();
            setError(null);
            onCancel();
          }}
        />
      )}

      {phase === 'preview' && reading && (
        <div class="sync-preview">
          <h4 ref={previewHeading} tabIndex={-1}>
            {file ? t('sync.import.previewTitle', { file: file.name }) : t('sync.import.previewTitleUnnamed')}
          </h4>
          <p class="hint">{reading.summary}</p>
          {changesSomething(reading.preview) ? (
            <>
              <dl class="sync-counts">
                {COUNT_WORDS.filter(({ key, onlyWhenSome }) => !onlyWhenSome || reading.preview[key] > 0).map(({ key, label, hint }) => (
                  <div key={key}>
                    <dt>{label()}</dt>
                    <dd>
                      <strong>{countByKind(reading.preview, key)}</strong> <span class="hint">({hint()})</span>
                    </dd>
                  </div>
                ))}
              </dl>
              <div class="form-actions">
                <button type="button" class="primary" aria-disabled={busy !== null || undefined} onClick={() => !busy && void act(t('sync.import.importing'), onImport)}>
                  {t('sync.import.confirm')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    reset();
                    onCancel();
                    setDone(t('sync.import.cancelled'));
                    setFocusOn('result');
                  }}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p>{t('sync.import.nothingNew')}</p>
              <div class="form-actions">
                <button
                  type="button"
                  onClick={() => {
                    reset();
                    onCancel();
                  }}
                >
                  {t('common.close')}
                </button>
              </div>
            </>
          )}
        </div>
      )}

      {/* Beside the file it is about, above the earlier import's Undo. */}
      <ErrorAlert message={error} />
      <p ref={result} tabIndex={-1} class="status-line" role="status" aria-busy={busy !== null || undefined}>
        {busy ?? done}
      </p>
      {canUndo && phase === 'choose' && (
        <button type="button" aria-disabled={busy !== null || undefined} onClick={() => !busy && void act(t('sync.import.undoing'), onUndo)}>
          {t('sync.import.undo')}
        </button>
      )}
    </section>
  );
}
