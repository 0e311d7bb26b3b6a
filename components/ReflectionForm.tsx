import { useState } from 'preact/hooks';
import type { Rating } from '@/utils/checkin/instrument';
import { RatingScale } from './RatingScale';

export interface ReflectionFormProps {
  /** Where and when the session was, e.g. "Zoom · 26 Nov 2026, 10:00". */
  sessionLabel: string;
  /** What the person noted to take with them, shown back to them here only. */
  takeaway: string;
  onSave(reflection: { used: Rating; text: string }): Promise<void>;
}

export const REFLECTION_QUESTION = 'Have you used or thought about what you took from the session?';

/** The follow-up reflection a day after a session. */
export function ReflectionForm({ sessionLabel, takeaway, onSave }: ReflectionFormProps) {
  const [used, setUsed] = useState<Rating>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<'editing' | 'saving' | 'saved'>('editing');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (used === null && !text.trim()) {
      setError('Choose a number or write a few words before saving.');
      return;
    }
    setState('saving');
    setError(null);
    try {
      await onSave({ used, text });
      setState('saved');
    } catch (err) {
      setState('editing');
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form
      class="check-in-form"
      aria-label="Reflection"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void submit(e)}
    >
      <p class="session-header">{sessionLabel}</p>
      {takeaway.trim() && (
        <blockquote class="takeaway">
          <span class="hint">You wanted to take with you:</span> {takeaway}
        </blockquote>
      )}
      <RatingScale
        name="Reflection since the session"
        question={REFLECTION_QUESTION}
        low="Not at all"
        high="Every day"
        value={used}
        onChange={setUsed}
      />
      <label class="field">
        <span>What has stayed with you?</span>
        <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div role="status" class="status-line">
        {state === 'saved' && 'Reflection saved.'}
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={state !== 'editing'}>
          Save reflection
        </button>
      </div>
    </form>
  );
}
