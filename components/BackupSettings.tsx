import { useId, useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { BACKUP_FOLDER, MAX_BACKUP_KEEP, parseBackupKeep, type BackupFrequency } from '@/utils/sync/backup';
import { RichText, slots } from './RichText';
import { ErrorAlert } from './ErrorAlert';
import { messageOf } from '@/utils/errors';

export interface BackupSettingsProps {
  frequency: BackupFrequency;
  keep: number;
  /** The last backup, already in words ("26 Nov 2026, 09:00: Debrief backups/…"), or null. */
  lastBackup: string | null;
  /** Why the last backup failed, or null. */
  failure: string | null;
  /** False where the browser gives Debrief no downloads API. */
  available: boolean;
  onFrequency(frequency: BackupFrequency): void;
  onKeep(keep: number): void;
  /** Makes a backup now; resolves to what was saved. */
  onBackUpNow(): Promise<string>;
}

const FREQUENCIES: { value: BackupFrequency; label(): string }[] = [
  { value: 'off', label: () => t('backup.off') },
  { value: 'daily', label: () => t('backup.daily') },
  { value: 'weekly', label: () => t('backup.weekly') },
];

/** The name a backup gets, shown as an example (a file name, not words to translate). */
const EXAMPLE_FILE = 'debrief-backup-2026-11-26.json';

/** Automatic backup: how often, how many to keep, and when the last one was made. */
export function BackupSettings(props: BackupSettingsProps) {
  const id = useId();
  const [keepText, setKeepText] = useState(String(props.keep));
  const [keepError, setKeepError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<string | null>(null);

  const backUpNow = async () => {
    if (busy) return;
    setBusy(true);
    setDone('');
    setError(null);
    try {
      setDone(await props.onBackUpNow());
    } catch (err) {
      setError(t('backup.notSaved', { error: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sync-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('backup.title')}</h3>
      <p id={`${id}-hint`} class="hint">
        <RichText message={t('backup.hint', { folder: BACKUP_FOLDER, ...slots('example') })} parts={{ example: <code>{EXAMPLE_FILE}</code> }} />
      </p>
      {!props.available && <p class="notice">{t('backup.unavailable')}</p>}
      <fieldset class="choice-group" aria-describedby={`${id}-hint`}>
        <legend>{t('backup.frequency')}</legend>
        {FREQUENCIES.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="radio"
              name={`${id}-frequency`}
              checked={props.frequency === option.value}
              disabled={!props.available}
              onChange={() => props.onFrequency(option.value)}
            />
            {option.label()}
          </label>
        ))}
      </fieldset>
      <label class="field sync-keep">
        <span>{t('backup.keep')}</span>
        <input
          type="number"
          min={1}
          max={MAX_BACKUP_KEEP}
          step={1}
          inputMode="numeric"
          value={keepText}
          aria-invalid={keepError ? true : undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setKeepText(text);
            const keep = parseBackupKeep(text);
            setKeepError(keep === null ? t('backup.keepError', { min: formatNumber(1), max: formatNumber(MAX_BACKUP_KEEP) }) : null);
            if (keep !== null) props.onKeep(keep);
          }}
        />
      </label>
      <ErrorAlert message={keepError} />
      <p>{props.lastBackup ? t('backup.last', { backup: props.lastBackup }) : t('backup.none')}</p>
      <ErrorAlert message={props.failure && t('backup.lastFailed', { error: props.failure })} />
      <button type="button" disabled={!props.available} aria-disabled={busy || undefined} onClick={() => void backUpNow()}>
        {t('backup.now')}
      </button>
      <p class="status-line" role="status" aria-busy={busy || undefined}>
        {busy ? t('backup.backingUp') : done}
      </p>
      <ErrorAlert message={error} />
    </section>
  );
}
