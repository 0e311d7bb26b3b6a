import { formatNumber, t } from '@/utils/i18n';

/** Shown from this share of a field's limit on, so a long note never meets the limit unannounced. */
const NEAR_LIMIT = 0.9;

/** Under a text field near or past its limit: the characters left, or how many too many (nothing is cut). */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  if (length < max * NEAR_LIMIT) return null;
  const over = length - max;
  return (
    <span id={id} class={over > 0 ? 'char-count over' : 'hint char-count'} aria-live="polite">
      {over > 0 ? t('limits.over', { over: formatNumber(over) }) : t('limits.left', { left: formatNumber(max - length) })}
    </span>
  );
}
