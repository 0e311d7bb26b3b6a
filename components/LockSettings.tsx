import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ErrorAlert } from './ErrorAlert';
import { UnlockForm } from './UnlockForm';

export interface LockSettingsProps {
  unlocked: boolean;
  idleMinutes: number;
  onIdleMinutes(minutes: number): void;
  onUnlock(secret: string): Promise<boolean>;
  onLockNow(): void;
  /** Why the passphrase pair cannot be used, or null. */
  problem(passphrase: string, again: string): string | null;
  onChangePassphrase(passphrase: string): Promise<void>;
  onTurnOff(): Promise<void>;
}

const IDLE_CHOICES = [5, 15, 30, 60, 240];

/** The lock while it is on: idle minutes, "Lock now", a new passphrase, turning it off (these two need it unlocked). */
export function LockSettings(props: LockSettingsProps) {
  const id = useId();
  const [changing, setChanging] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<void>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setDone(message);
      setChanging(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const change = (event: Event) => {
    event.preventDefault();
    const problem = props.problem(passphrase, again);
    setError(problem);
    if (!problem) void act(() => props.onChangePassphrase(passphrase), t('lock.changed'));
  };

  return (
    <div class="lock-settings">
      <p>{t('lock.isOn')}</p>
      <label for={`${id}-idle`}>{t('lock.idleMinutes')}</label>
      <select id={`${id}-idle`} value={String(props.idleMinutes)} onChange={(event) => props.onIdleMinutes(Number(event.currentTarget.value))}>
        {[...new Set([...IDLE_CHOICES, props.idleMinutes])].sort((a, b) => a - b).map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {minutes}
          </option>
        ))}
      </select>
      {!props.unlocked ? (
        <UnlockForm onUnlock={props.onUnlock} text={t('lock.unlockToChange')} />
      ) : (
        <>
          <div class="actions">
            <button type="button" onClick={props.onLockNow}>
              {t('lock.lockNow')}
            </button>
            <button type="button" aria-expanded={changing} onClick={() => setChanging(!changing)}>
              {t('lock.change')}
            </button>
            <button type="button" disabled={busy} onClick={() => void act(props.onTurnOff, t('lock.offDone'))}>
              {t('lock.turnOff')}
            </button>
          </div>
          {changing && (
            <form onSubmit={change} aria-label={t('lock.change')}>
              <label for={`${id}-one`}>{t('lock.newPassphrase')}</label>
              <input id={`${id}-one`} type="password" autocomplete="new-password" value={passphrase} onInput={(event) => setPassphrase(event.currentTarget.value)} />
              <label for={`${id}-two`}>{t('lock.passphraseAgain')}</label>
              <input id={`${id}-two`} type="password" autocomplete="new-password" value={again} onInput={(event) => setAgain(event.currentTarget.value)} />
              <button type="submit" class="primary" disabled={busy}>
                {t('lock.change')}
              </button>
            </form>
          )}
        </>
      )}
      <ErrorAlert message={error} />
      <p role="status">{done ?? ''}</p>
    </div>
  );
}
