import { useId, useRef } from 'preact/hooks';
import { RATING_MAX, RATING_MIN, ratingName, type Rating } from '@/utils/checkin/instrument';
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

/**
 * A compact 0–10 scale of native radios (arrow keys move the choice). "Clear" exists only once a
 * value is chosen, so it is no Tab stop on an unanswered scale. `data-scale` lets the form find
 * the scales in order when a typed digit moves on.
 */
export function RatingScale({ name, question, low, high, value, onChange }: RatingScaleProps) {
  const id = useId();
  const group = useRef<HTMLDivElement>(null);
  const groupName = `rating-${id}`;
  const clear = () => {
    onChange(null);
    // The button is about to vanish; keep focus on this scale rather than the page.
    group.current?.querySelector<HTMLInputElement>('input')?.focus();
  };
  return (
    <div
      ref={group}
      class="rating"
      role="radiogroup"
      data-scale=""
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-question ${id}-ends`}
    >
      <div class="rating-head">
        <p class="rating-text">
          <span id={`${id}-name`} class="rating-name">
            {name}
          </span>{' '}
          <span id={`${id}-question`} class="rating-question">
            {question}
          </span>
        </p>
        {value !== null && (
          <button type="button" class="link-button rating-clear" aria-label={t('checkIn.clearRating', { name })} onClick={clear}>
            {t('checkIn.clear')}
          </button>
        )}
      </div>
      <div class="rating-scale">
        {VALUES.map((n) => (
          <label key={n} class="rating-option">
            <input
              type="radio"
              name={groupName}
              value={n}
              aria-label={ratingName(n, low, high)}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <div class="rating-anchors" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </div>
      {/* Hidden, yet read as the group's description: both ends with their numbers. */}
      <span id={`${id}-ends`} hidden>
        {`${ratingName(RATING_MIN, low, high)}; ${ratingName(RATING_MAX, low, high)}.`}
      </span>
    </div>
  );
}
