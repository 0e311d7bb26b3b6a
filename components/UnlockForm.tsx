import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ErrorAlert } from './ErrorAlert';

export interface UnlockFormProps {
  /** Resolves true when the passphrase or recovery key opened the lock. */
  onUnlock(secret: string): Promise<boolean>;
  /** What unlocking gives access to here; the general sentence when absent. */
  text?: string;
}

/** Shown in place of what the person wrote while Debrief is locked: the passphrase or recovery key opens it. */
export function UnlockForm({ onUnlock, text }: UnlockFormProps) {
  const id = useId();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setWrong(false);
    const opened = await onUnlock(secret).catch(() => false);
    setBusy(false);
    if (!opened) setWrong(true);
  };

  return (
    <section class="unlock" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('lock.unlockHeading')}</h3>
      <p>{text ?? t('lock.unlockText')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label for={`${id}-secret`}>{t('lock.secret')}</label>
        <input
          id={`${id}-secret`}
          type="password"
          autocomplete="current-password"
          value={secret}
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? `${id}-wrong` : undefined}
          onInput={(event) => setSecret(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy || secret === ''}>
          {busy ? t('lock.unlocking') : t('lock.unlock')}
        </button>
      </form>
      <ErrorAlert id={`${id}-wrong`} message={wrong && t('lock.wrong')} />
    </section>
  );
}
