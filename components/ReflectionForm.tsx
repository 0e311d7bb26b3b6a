import { useState } from 'preact/hooks';
import type { Rating } from '@/utils/checkin/instrument';
import { t } from '@/utils/i18n';
import { RatingScale } from './RatingScale';
import { ErrorAlert } from './ErrorAlert';
import { messageOf } from '@/utils/errors';

export interface ReflectionFormProps {
  /** Where and when the session was, e.g. "Zoom · 26 Nov 2026, 10:00". */
  sessionLabel: string;
  /** What the person noted to take with them, shown back to them here only. */
  takeaway: string;
  onSave(reflection: { used: Rating; text: string }): Promise<void>;
}

/** The follow-up reflection a day after a session. */
export function ReflectionForm({ sessionLabel, takeaway, onSave }: ReflectionFormProps) {
  const [used, setUsed] = useState<Rating>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<'editing' | 'saving' | 'saved'>('editing');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (used === null && !text.trim()) {
      setError(t('reflection.blank'));
      return;
    }
    setState('saving');
    setError(null);
    try {
      await onSave({ used, text });
      setState('saved');
    } catch (err) {
      setState('editing');
      setError(messageOf(err));
    }
  };

  return (
    <form
      class="check-in-form"
      aria-label={t('reflection.formLabel')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void submit(e)}
    >
      <p class="session-header">{sessionLabel}</p>
      {takeaway.trim() && (
        <blockquote class="takeaway">
          <span class="hint">{t('reflection.takeaway')}</span> {takeaway}
        </blockquote>
      )}
      <RatingScale
        name={t('reflection.name')}
        question={t('reflection.question')}
        low={t('reflection.low')}
        high={t('reflection.high')}
        value={used}
        onChange={setUsed}
      />
      <label class="field">
        <span>{t('reflection.stayed')}</span>
        <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div role="status" class="status-line">
        {state === 'saved' && t('reflection.saved')}
      </div>
      <ErrorAlert message={error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={state !== 'editing'}>
          {t('reflection.save')}
        </button>
      </div>
    </form>
  );
}
