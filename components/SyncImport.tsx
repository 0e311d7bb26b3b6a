import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { MergeCounts, MergePreview } from '@/utils/sync/plan';

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

const COUNT_WORDS: { key: keyof MergeCounts; label: string; hint: string }[] = [
  { key: 'new', label: 'New', hint: 'not on this device yet' },
  { key: 'updated', label: 'Updated', hint: 'a newer version replaces the one here' },
  { key: 'deleted', label: 'Deleted', hint: 'deleted on the other device' },
  { key: 'unchanged', label: 'Unchanged', hint: 'already the same here' },
  { key: 'keptAsHistory', label: 'Kept as history', hint: "older versions kept in the check-in's history" },
];

type Phase = 'choose' | 'passphrase' | 'preview';
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
    setBusy(secret ? 'Opening the encrypted file…' : 'Checking the file…');
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
        setError(`${chosen.name}: ${outcome.error}`);
        reset();
      }
    } catch (err) {
      setError(`${chosen.name} could not be read: ${messageOf(err)}`);
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
      <h3 id={`${id}-title`}>Import</h3>
      <p id={`${id}-hint`} class="hint">
        A Debrief export (.json), plain or encrypted, up to 50 MB. Importing merges: nothing here is overwritten or lost, and
        you see what will change before anything does.
      </p>
      <label class="field">
        <span>Import a file</span>
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
          <p id={`${id}-encrypted`}>{file.name} is encrypted. Enter the passphrase it was saved with.</p>
          <label class="field">
            <span>Passphrase for this file</span>
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
              Open file
            </button>
            <button
              type="button"
              onClick={() => {
                reset();
                setError(null);
                onCancel();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}

      {phase === 'preview' && reading && (
        <div class="sync-preview">
          <h4 ref={previewHeading} tabIndex={-1}>
            What importing {file?.name ?? 'this file'} will change
          </h4>
          <p class="hint">{reading.summary}</p>
          <dl class="sync-counts">
            {COUNT_WORDS.map(({ key, label, hint }) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>
                  <strong>{reading.preview[key]}</strong> <span class="hint">({hint})</span>
                </dd>
              </div>
            ))}
          </dl>
          <div class="form-actions">
            <button type="button" class="primary" aria-disabled={busy !== null || undefined} onClick={() => !busy && void act('Importing…', onImport)}>
              Import
            </button>
            <button
              type="button"
              onClick={() => {
                reset();
                onCancel();
                setDone('Import cancelled: nothing was changed.');
                setFocusOn('result');
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}

      <p ref={result} tabIndex={-1} class="status-line" role="status" aria-busy={busy !== null || undefined}>
        {busy ?? done}
      </p>
      {canUndo && phase === 'choose' && (
        <button type="button" aria-disabled={busy !== null || undefined} onClick={() => !busy && void act('Undoing…', onUndo)}>
          Undo import
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
