import type { JSX } from 'preact';
import { useId, useRef } from 'preact/hooks';
import { NOTE_PROMPTS, OVERALL, SIGNS, type NoteId, type Rating } from '@/utils/checkin/instrument';
import { FIRST_NOTE } from '@/utils/checkin/answers';
import { MAX_NOTE_LENGTH, MAX_SHORT_TEXT } from '@/utils/checkin/limits';
import type { CheckInAnswers, Goal } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { CharacterCount } from './CharacterCount';
import { ErrorAlert } from './ErrorAlert';
import { RatingScale } from './RatingScale';
import { useDigitScales } from './use-digit-scales';

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
  /** A refused save or a storage error, shown beside the save button. */
  error?: string | null;
  /** Whether "More notes and details" starts open; toggling it calls onDetailsToggle. */
  detailsOpen?: boolean;
  onDetailsToggle?(open: boolean): void;
  /** Extra actions shown beside the save button (e.g. "Cancel" while editing). */
  actions?: JSX.Element;
}

/** The check-in questions, rendered from the instrument definition: overall first, then the six signs. */
export function CheckInForm(props: CheckInFormProps) {
  const { answers, goals, onChange } = props;
  const id = useId();
  const note = useRef<HTMLTextAreaElement>(null);

  const setSign = (signId: keyof CheckInAnswers['ratings']) => (value: Rating) =>
    onChange({ ...answers, ratings: { ...answers.ratings, [signId]: value } });
  const setOverall = (overall: Rating) => onChange({ ...answers, overall });
  const setGoal = (goalId: string, patch: { rating?: Rating; note?: string }) => {
    const existing = answers.goalProgress.find((g) => g.goalId === goalId) ?? { goalId, rating: null, note: '' };
    const others = answers.goalProgress.filter((g) => g.goalId !== goalId);
    onChange({ ...answers, goalProgress: [...others, { ...existing, ...patch }] });
  };
  const setNote = (noteId: NoteId, text: string) => onChange({ ...answers, notes: { ...answers.notes, [noteId]: text } });
  const onDigit = useDigitScales([setOverall, ...SIGNS.map((sign) => setSign(sign.id))], note);

  const submit = (event: Event) => {
    event.preventDefault();
    props.onSubmit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
    else onDigit(event);
  };
  const noteField = (prompt: (typeof NOTE_PROMPTS)[number], ref?: typeof note) => (
    <label key={prompt.id} class="field">
      <span>{prompt.label}</span>
      <textarea
        ref={ref}
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        aria-describedby={`${id}-count-${prompt.id}`}
        value={answers.notes[prompt.id]}
        onInput={(e) => setNote(prompt.id, e.currentTarget.value)}
      />
      <CharacterCount id={`${id}-count-${prompt.id}`} length={answers.notes[prompt.id].length} max={MAX_NOTE_LENGTH} />
    </label>
  );
  const first = NOTE_PROMPTS.find((prompt) => prompt.id === FIRST_NOTE)!;
  const moreLabel = goals.length > 0 ? t('checkInFlow.moreWithGoals') : t('checkInFlow.more');

  return (
    // noValidate: a note past its limit (from a kept draft) gets Debrief's message, which says what
    // to shorten, rather than a browser bubble that blocks the save without a word on the page.
    <form class="check-in-form" noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('checkIn.formLabel')}>
      <RatingScale {...scaleWords(OVERALL)} value={answers.overall} onChange={setOverall} />
      {SIGNS.map((sign) => (
        <RatingScale key={sign.id} {...scaleWords(sign)} value={answers.ratings[sign.id]} onChange={setSign(sign.id)} />
      ))}
      {noteField(first, note)}
      <details
        class="check-in-more"
        open={props.detailsOpen}
        onToggle={(e) => props.onDetailsToggle?.((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{moreLabel}</summary>
        <div class="check-in-more-body">
          {NOTE_PROMPTS.filter((prompt) => prompt !== first).map((prompt) => noteField(prompt))}
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
                        maxLength={MAX_NOTE_LENGTH}
                        aria-describedby={`${id}-count-${goal.id}`}
                        value={progress?.note ?? ''}
                        onInput={(e) => setGoal(goal.id, { note: e.currentTarget.value })}
                      />
                      <CharacterCount id={`${id}-count-${goal.id}`} length={progress?.note.length ?? 0} max={MAX_NOTE_LENGTH} />
                    </label>
                  </div>
                );
              })}
            </section>
          )}
          <label class="field">
            <span>{t('checkIn.therapist')}</span>
            <input
              type="text"
              autocomplete="off"
              maxLength={MAX_SHORT_TEXT}
              aria-describedby={`${id}-count-provider`}
              value={answers.provider}
              onInput={(e) => onChange({ ...answers, provider: e.currentTarget.value })}
            />
            <CharacterCount id={`${id}-count-provider`} length={answers.provider.length} max={MAX_SHORT_TEXT} />
          </label>
          <label class="field">
            <span>{t('checkIn.tags')}</span>
            <input type="text" autocomplete="off" value={props.tagsText} onInput={(e) => props.onTagsTextChange(e.currentTarget.value)} />
          </label>
        </div>
      </details>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={props.saving}>
          {t('checkIn.save')}
        </button>
        {props.actions}
        <ErrorAlert message={props.error} class="form-message" />
        <p class="hint form-hint">{t('checkIn.hint')}</p>
      </div>
    </form>
  );
}

function scaleWords(item: { name: string; question: string; low: string; high: string }) {
  return { name: item.name, question: item.question, low: item.low, high: item.high };
}
