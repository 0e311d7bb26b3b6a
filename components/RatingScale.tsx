import { useId } from 'preact/hooks';
import { RATING_MAX, RATING_MIN, type Rating } from '@/utils/checkin/instrument';
import { t } from '@/utils/i18n';

export interface RatingScaleProps {
  /** The accessible name of the group, e.g. "Trust and rapport". */
  name: string;
  question: string;
  low: string;
  high: string;
  value: Rating;
  onChange(value: Rating): void;
}

const VALUES = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

/** A 0–10 scale of native radios (arrow keys move the choice), with a way to skip. */
export function RatingScale({ name, question, low, high, value, onChange }: RatingScaleProps) {
  const id = useId();
  const groupName = `rating-${id}`;
  return (
    <fieldset class="rating" role="radiogroup" aria-labelledby={`${id}-name`} aria-describedby={`${id}-question`}>
      <legend id={`${id}-name`} class="rating-name">
        {name}
      </legend>
      <p id={`${id}-question`} class="rating-question">
        {question}
      </p>
      <div class="rating-scale">
        {VALUES.map((n) => (
          <label key={n} class="rating-option">
            <input
              type="radio"
              name={groupName}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <div class="rating-anchors" aria-hidden="true">
        <span>
          {RATING_MIN} · {low}
        </span>
        <span>
          {high} · {RATING_MAX}
        </span>
      </div>
      <button
        type="button"
        class="link-button"
        aria-label={t('checkIn.clearRating', { name })}
        // aria-disabled keeps focus here after clearing (a disabled button drops it).
        aria-disabled={value === null}
        onClick={() => value !== null && onChange(null)}
      >
        {t('checkIn.clear')}
      </button>
    </fieldset>
  );
}
