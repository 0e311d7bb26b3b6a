import { useId, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { RichText, slots } from './RichText';
import { ErrorAlert } from './ErrorAlert';
import { messageOf } from '@/utils/errors';
import { useAction } from './use-action';

export const MIN_PASSPHRASE_LENGTH = 8;

export interface SyncExportProps {
  /** Saves everything to a file (encrypted when `passphrase` is not empty); resolves to what was saved. */
  onExport(passphrase: string): Promise<string>;
  /** Saves the check-ins as CSV; resolves to what was saved. */
  onExportCsv(): Promise<string>;
}

function passphraseProblem(passphrase: string, confirm: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return t('sync.export.tooShort', { min: formatNumber(MIN_PASSPHRASE_LENGTH) });
  if (passphrase !== confirm) return t('sync.export.mismatch');
  return null;
}

/** "Export all data" (optionally with a passphrase) and "Export check-ins as CSV". */
export function SyncExport({ onExport, onExportCsv }: SyncExportProps) {
  const id = useId();
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState('');
  const { busy, error, setError, run: runAction } = useAction((err) => t('sync.export.failed', { error: messageOf(err) }));
  const passphraseInput = useRef<HTMLInputElement>(null);

  const run = async (label: string, work: () => Promise<string>) => {
    if (busy) return;
    setDone('');
    await runAction(async () => setDone(await work()), label);
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
    void run(encrypt ? t('sync.export.encrypting') : t('sync.export.saving'), () => onExport(encrypt ? passphrase : ''));
  };

  return (
    <section class="sync-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('sync.export.title')}</h3>
      <p class="hint">{t('sync.export.hint')}</p>
      <label class="choice">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
        {t('sync.export.encrypt')}
      </label>
      {encrypt && (
        <div class="sync-passphrase">
          <p id={`${id}-warning`} class="sync-warning">
            <RichText message={t('sync.export.warning', slots('keepSafe'))} parts={{ keepSafe: <strong>{t('sync.export.keepSafe')}</strong> }} />
          </p>
          <label class="field">
            <span>{t('sync.export.passphrase')}</span>
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
            <span>{t('sync.export.confirm')}</span>
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
          {t('sync.export.all')}
        </button>
        <button
          type="button"
          aria-disabled={busy !== null || undefined}
          onClick={() => void run(t('sync.export.saving'), onExportCsv)}
        >
          {t('sync.export.csv')}
        </button>
      </div>
      <p class="status-line" role="status" aria-busy={busy !== null || undefined}>
        {busy ?? done}
      </p>
      <ErrorAlert message={error} />
    </section>
  );
}
