import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { NOTE_PROMPTS, OVERALL, SIGNS, type Rating } from '@/utils/checkin/instrument';
import type { CheckInAnswers, Goal } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { RatingScale } from './RatingScale';

export interface CheckInFormProps {
  answers: CheckInAnswers;
  /** Active goals to ask progress on. */
  goals: Goal[];
  /** The raw text of the tags field, kept as typed. */
  tagsText: string;
  saving: boolean;
  onChange(answers: CheckInAnswers): void;
  onTagsTextChange(text: string): void;
  onSubmit(): void;
  /** Extra actions shown beside the save button (e.g. "Remind me later"). */
  actions?: JSX.Element;
}

/** The check-in questions, rendered from the instrument definition. */
export function CheckInForm(props: CheckInFormProps) {
  const { answers, goals, onChange } = props;
  const id = useId();

  const setSign = (signId: keyof CheckInAnswers['ratings'], value: Rating) =>
    onChange({ ...answers, ratings: { ...answers.ratings, [signId]: value } });
  const setGoal = (goalId: string, patch: { rating?: Rating; note?: string }) => {
    const existing = answers.goalProgress.find((g) => g.goalId === goalId) ?? { goalId, rating: null, note: '' };
    const others = answers.goalProgress.filter((g) => g.goalId !== goalId);
    onChange({ ...answers, goalProgress: [...others, { ...existing, ...patch }] });
  };

  const submit = (event: Event) => {
    event.preventDefault();
    props.onSubmit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form class="check-in-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('checkIn.formLabel')}>
      {SIGNS.map((sign) => (
        <RatingScale
          key={sign.id}
          name={sign.name}
          question={sign.question}
          low={sign.low}
          high={sign.high}
          value={answers.ratings[sign.id]}
          onChange={(value) => setSign(sign.id, value)}
        />
      ))}
      <RatingScale
        name={OVERALL.name}
        question={OVERALL.question}
        low={OVERALL.low}
        high={OVERALL.high}
        value={answers.overall}
        onChange={(overall) => onChange({ ...answers, overall })}
      />
      {goals.length > 0 && (
        <section class="goal-progress" aria-labelledby={`${id}-goals`}>
          <h2 id={`${id}-goals`}>{t('checkIn.yourGoals')}</h2>
          {goals.map((goal) => {
            const progress = answers.goalProgress.find((g) => g.goalId === goal.id);
            return (
              <div key={goal.id} class="goal-progress-item">
                <RatingScale
                  name={t('checkIn.goalProgress', { goal: goal.title })}
                  question={t('checkIn.goalQuestion')}
                  low={t('checkIn.goalLow')}
                  high={t('checkIn.goalHigh')}
                  value={progress?.rating ?? null}
                  onChange={(rating) => setGoal(goal.id, { rating })}
                />
                <label class="field">
                  <span>{t('checkIn.goalNote', { goal: goal.title })}</span>
                  <input
                    type="text"
                    value={progress?.note ?? ''}
                    onInput={(e) => setGoal(goal.id, { note: e.currentTarget.value })}
                  />
                </label>
              </div>
            );
          })}
        </section>
      )}
      {NOTE_PROMPTS.map((prompt) => (
        <label key={prompt.id} class="field">
          <span>{prompt.label}</span>
          <textarea
            rows={2}
            value={answers.notes[prompt.id]}
            onInput={(e) => onChange({ ...answers, notes: { ...answers.notes, [prompt.id]: e.currentTarget.value } })}
          />
        </label>
      ))}
      <label class="field">
        <span>{t('checkIn.therapist')}</span>
        <input
          type="text"
          autocomplete="off"
          value={answers.provider}
          onInput={(e) => onChange({ ...answers, provider: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>{t('checkIn.tags')}</span>
        <input type="text" autocomplete="off" value={props.tagsText} onInput={(e) => props.onTagsTextChange(e.currentTarget.value)} />
      </label>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={props.saving}>
          {t('checkIn.save')}
        </button>
        {props.actions}
      </div>
      <p class="hint">{t('checkIn.hint')}</p>
    </form>
  );
}
