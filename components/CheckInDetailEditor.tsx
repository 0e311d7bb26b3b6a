import { useState } from 'preact/hooks';
import { isBlank, parseTags } from '@/utils/checkin/answers';
import type { CheckIn, CheckInAnswers, Goal } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { CheckInForm } from './CheckInForm';
import { messageOf } from '@/utils/errors';

export interface CheckInDetailEditorProps {
  checkIn: CheckIn;
  /** Goals the form asks about: the active ones and any this check-in already mentions. */
  goals: Goal[];
  /** Persists the edit; rejects with a message the person can act on. */
  onSave(answers: CheckInAnswers): Promise<void>;
  onCancel(): void;
}

/** The answers part of a saved check-in, the shape the form edits. */
export function answersOf(checkIn: CheckIn): CheckInAnswers {
  return {
    ratings: { ...checkIn.ratings },
    overall: checkIn.overall,
    notes: { ...checkIn.notes },
    goalProgress: checkIn.goalProgress.map((progress) => ({ ...progress })),
    tags: [...checkIn.tags],
    provider: checkIn.provider,
  };
}

/** Edits a saved check-in with the same form used to write it. */
export function CheckInDetailEditor({ checkIn, goals, onSave, onCancel }: CheckInDetailEditorProps) {
  const [answers, setAnswers] = useState(() => answersOf(checkIn));
  const [tagsText, setTagsText] = useState(() => checkIn.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (saving) return;
    if (isBlank(answers)) {
      setError(t('detail.blank'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(answers);
    } catch (err) {
      // The edit stays on screen, so nothing typed is lost.
      setError(messageOf(err));
      setSaving(false);
    }
  };

  return (
    <div class="checkin-detail-editor">
      <CheckInForm
        answers={answers}
        goals={goals}
        tagsText={tagsText}
        saving={saving}
        error={error}
        detailsOpen
        onChange={setAnswers}
        onTagsTextChange={(text) => {
          setTagsText(text);
          setAnswers({ ...answers, tags: parseTags(text) });
        }}
        onSubmit={() => void submit()}
        actions={
          <button type="button" onClick={onCancel}>
            {t('detail.cancelEditing')}
          </button>
        }
      />
    </div>
  );
}
