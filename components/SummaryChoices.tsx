import { NOTE_PROMPTS, type NoteId } from '@/utils/checkin/instrument';
import { SUMMARY_SESSIONS, type SummaryChoice } from '@/utils/checkin/summary';
import { formatNumber, t } from '@/utils/i18n';
import { TrendFilters } from './TrendFilters';

export interface SummaryChoicesProps {
  value: SummaryChoice;
  onChange(choice: SummaryChoice): void;
  providers: string[];
  /** The summary page; the form is a plain GET so the choice travels in its URL. */
  action: string;
  target?: string;
  submitLabel: string;
}

/** Date range, provider and which notes to print. Notes are left out unless ticked. */
export function SummaryChoices({ value, onChange, providers, action, target, submitLabel }: SummaryChoicesProps) {
  const toggle = (id: NoteId, on: boolean) =>
    onChange({ ...value, notes: on ? [...value.notes, id] : value.notes.filter((note) => note !== id) });
  return (
    <form class="summary-choices" method="get" action={action} target={target} aria-label={t('summary.choicesLabel')}>
      <TrendFilters value={value} onChange={(filter) => onChange({ ...value, ...filter })} providers={providers} />
      <fieldset class="summary-notes-choice">
        <legend>{t('summary.notesToInclude')}</legend>
        <p class="hint">{t('summary.notesHint')}</p>
        {NOTE_PROMPTS.map((prompt) => (
          <label key={prompt.id}>
            <input
              type="checkbox"
              name="note"
              value={prompt.id}
              checked={value.notes.includes(prompt.id)}
              onChange={(e) => toggle(prompt.id, e.currentTarget.checked)}
            />
            {prompt.label}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('summary.sessionsChoice')}</span>
        <select name="sessions" value={String(value.sessions)} onChange={(e) => onChange({ ...value, sessions: Number(e.currentTarget.value) })}>
          {SUMMARY_SESSIONS.map((count) => (
            <option key={count} value={String(count)}>
              {count === 0 ? t('summary.sessionsAll') : t('summary.sessionsLast', count, [formatNumber(count)])}
            </option>
          ))}
        </select>
      </label>
      <div class="form-actions">
        <button type="submit" class="primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
