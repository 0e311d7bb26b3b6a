import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { MAX_IMPORT_BYTES } from '@/utils/sync/json';
import type { MergeCounts, MergePreview } from '@/utils/sync/plan';
import { ErrorAlert } from './ErrorAlert';
import { messageOf } from '@/utils/errors';

export type ImportReading =
  | { ok: true; preview: MergePreview; summary: string }
  | { ok: false; error: string; needsPassphrase: boolean };

export interface SyncImportProps {
  /** Reads and validates the whole file (nothing is written); `passphrase` opens an encrypted one. */
  onRead(file: File, passphrase: string): Promise<ImportReading>;
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

type Phase = 'choose' | 'passphrase' | 'preview';
/** "Import a file": read and check it whole, ask for a passphrase if needed, preview, then merge or cancel. */
export function SyncImport({ onRead, onImport, onCancel, canUndo, onUndo }: SyncImportProps) {
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

  const read = async (chosen: File, secret: string) => {
    setBusy(secret ? t('sync.import.opening') : t('sync.import.checking'));
    setError(null);
    setDone('');
    try {
      const outcome = await onRead(chosen, secret);
      if (outcome.ok) {
        setReading(outcome);
        setPhase('preview');
        setFocusOn('preview');
      } else if (outcome.needsPassphrase) {
        setPhase('passphrase');
        // The first ask is an instruction, not a failure; a wrong passphrase is an error.
        if (secret) setError(outcome.error);
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

      {phase === 'passphrase' && file && (
        <form
          class="sync-passphrase"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void read(file, passphrase);
          }}
        >
          <p id={`${id}-encrypted`}>{t('sync.import.encrypted', { file: file.name })}</p>
          <label class="field">
            <span>{t('sync.import.passphrase')}</span>
            <input
              ref={passphraseInput}
              type="password"
              autocomplete="off"
              value={passphrase}
              aria-describedby={`${id}-encrypted`}
              aria-invalid={error ? true : undefined}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </label>
          <div class="form-actions">
            <button type="submit" class="primary" aria-disabled={busy !== null || undefined}>
              {t('sync.import.open')}
            </button>
            <button
              type="button"
              onClick={() => {
                reset();
                setError(null);
                onCancel();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}

      {phase === 'preview' && reading && (
        <div class="sync-preview">
          <h4 ref={previewHeading} tabIndex={-1}>
            {file ? t('sync.import.previewTitle', { file: file.name }) : t('sync.import.previewTitleUnnamed')}
          </h4>
          <p class="hint">{reading.summary}</p>
          <dl class="sync-counts">
            {COUNT_WORDS.filter(({ key, onlyWhenSome }) => !onlyWhenSome || reading.preview[key] > 0).map(({ key, label, hint }) => (
              <div key={key}>
                <dt>{label()}</dt>
                <dd>
                  <strong>{formatNumber(reading.preview[key])}</strong> <span class="hint">({hint()})</span>
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
        </div>
      )}

      <p ref={result} tabIndex={-1} class="status-line" role="status" aria-busy={busy !== null || undefined}>
        {busy ?? done}
      </p>
      {canUndo && phase === 'choose' && (
        <button type="button" aria-disabled={busy !== null || undefined} onClick={() => !busy && void act(t('sync.import.undoing'), onUndo)}>
          {t('sync.import.undo')}
        </button>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
