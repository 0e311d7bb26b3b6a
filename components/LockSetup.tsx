import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ErrorAlert } from './ErrorAlert';

export interface LockSetupProps {
  /** Why the passphrase pair cannot be used, or null. */
  problem(passphrase: string, again: string): string | null;
  /** Sets the lock; resolves to the recovery key, shown once. */
  onSet(passphrase: string): Promise<string>;
  onCopy(recoveryKey: string): Promise<void>;
  onPrint(): void;
  /** The recovery key was seen: back to the lock's settings. */
  onDone(): void;
}

/** Setting the lock: the passphrase twice, the warning before anything is set, then the recovery key once. */
export function LockSetup(props: LockSetupProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (recoveryKey) {
    return (
      <section class="lock-recovery" aria-labelledby={`${id}-recovery`}>
        <h4 id={`${id}-recovery`}>{t('lock.recoveryHeading')}</h4>
        <p>{t('lock.recoveryText')}</p>
        <p class="recovery-key">
          <code>{recoveryKey}</code>
        </p>
        <div class="actions">
          <button type="button" onClick={() => void props.onCopy(recoveryKey).then(() => setCopied(true))}>
            {t('lock.copy')}
          </button>
          <button type="button" onClick={props.onPrint}>
            {t('lock.print')}
          </button>
          <button type="button" class="primary" onClick={props.onDone}>
            {t('lock.recoverySaved')}
          </button>
        </div>
        <p role="status">{copied ? t('lock.copied') : ''}</p>
      </section>
    );
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('lock.turnOn')}
      </button>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = props.problem(passphrase, again);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      setRecoveryKey(await props.onSet(passphrase));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="lock-setup" onSubmit={(event) => void submit(event)} aria-label={t('lock.turnOn')}>
      <label for={`${id}-one`}>{t('lock.passphrase')}</label>
      <input id={`${id}-one`} type="password" autocomplete="new-password" value={passphrase} onInput={(event) => setPassphrase(event.currentTarget.value)} />
      <label for={`${id}-two`}>{t('lock.passphraseAgain')}</label>
      <input id={`${id}-two`} type="password" autocomplete="new-password" value={again} onInput={(event) => setAgain(event.currentTarget.value)} />
      <p class="warning">
        <strong>{t('lock.warning')}</strong>
      </p>
      <ErrorAlert message={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('lock.setting') : t('lock.set')}
        </button>
        <button type="button" disabled={busy} onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
