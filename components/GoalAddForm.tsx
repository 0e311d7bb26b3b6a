import { useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ErrorAlert } from './ErrorAlert';
import { messageOf } from '@/utils/errors';

export interface GoalAddFormProps {
  /** Stores the goal; rejects with a message the person can act on. */
  onAdd(title: string): Promise<void>;
}

/** "New goal" and "Add goal": the field keeps focus so several goals can be added in a row. */
export function GoalAddForm({ onAdd }: GoalAddFormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await onAdd(title);
      setTitle('');
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <form class="goal-add" onSubmit={submit}>
      <label class="field">
        <span>{t('goals.newGoal')}</span>
        <input
          ref={input}
          type="text"
          value={title}
          maxLength={200}
          placeholder={t('goals.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" aria-disabled={busy || undefined}>
        {t('goals.add')}
      </button>
      <ErrorAlert id={`${id}-error`} class="goal-add-error" message={error} />
    </form>
  );
}
