import { useId, useRef, useState } from 'preact/hooks';

export const MIN_PASSPHRASE_LENGTH = 8;

export interface SyncExportProps {
  /** Saves everything to a file (encrypted when `passphrase` is not empty); resolves to what was saved. */
  onExport(passphrase: string): Promise<string>;
  /** Saves the check-ins as CSV; resolves to what was saved. */
  onExportCsv(): Promise<string>;
}

function passphraseProblem(passphrase: string, confirm: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== confirm) return 'The two passphrases are not the same. Type them again.';
  return null;
}

/** "Export all data" (optionally with a passphrase) and "Export check-ins as CSV". */
export function SyncExport({ onExport, onExportCsv }: SyncExportProps) {
  const id = useId();
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);

  const run = async (label: string, work: () => Promise<string>) => {
    if (busy) return;
    setBusy(label);
    setDone('');
    setError(null);
    try {
      setDone(await work());
    } catch (err) {
      setError(`The file was not saved: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const exportAll = () => {
    if (encrypt) {
      const problem = passphraseProblem(passphrase, confirm);
      if (problem) {
        setDone('');
        setError(problem);
        passphraseInput.current?.focus();
        return;
      }
    }
    void run(encrypt ? 'Encrypting and saving…' : 'Saving…', () => onExport(encrypt ? passphrase : ''));
  };

  return (
    <section class="sync-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Export</h3>
      <p class="hint">
        Everything Debrief holds (check-ins, sessions, goals, deletions) in one file you can import on another device or keep
        as a copy.
      </p>
      <label class="choice">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
        Encrypt with a passphrase
      </label>
      {encrypt && (
        <div class="sync-passphrase">
          <p id={`${id}-warning`} class="sync-warning">
            <strong>Keep this passphrase safe.</strong> If it is lost, nobody can open the file, not even you: Debrief cannot
            recover it.
          </p>
          <label class="field">
            <span>Passphrase</span>
            <input
              ref={passphraseInput}
              type="password"
              autocomplete="new-password"
              value={passphrase}
              aria-describedby={`${id}-warning`}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>Confirm passphrase</span>
            <input
              type="password"
              autocomplete="new-password"
              value={confirm}
              onInput={(e) => setConfirm(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && exportAll()}
            />
          </label>
        </div>
      )}
      <div class="form-actions">
        <button type="button" class="primary" aria-disabled={busy !== null || undefined} onClick={exportAll}>
          Export all data
        </button>
        <button
          type="button"
          aria-disabled={busy !== null || undefined}
          onClick={() => void run('Saving…', onExportCsv)}
        >
          Export check-ins as CSV
        </button>
      </div>
      <p class="status-line" role="status" aria-busy={busy !== null || undefined}>
        {busy ?? done}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
