import type { BringUp } from '@/utils/checkin/bring-up';
import { formatNumber, t } from '@/utils/i18n';
import { BringUpText } from './BringUpText';

/** How many notes the first screen shows; the rest are one step away, so the first scale stays in view. */
const FIRST_SCREEN = 2;

export interface BringUpListProps {
  notes: BringUp[];
  /** "I did": ticked off for good. */
  onDid(note: BringUp): void;
  /** "Not yet": kept for the time after; only hidden here. */
  onNotYet(note: BringUp): void;
}

/** What the person wanted to bring up in this session, asked about once it is over. */
export function BringUpList({ notes, onDid, onNotYet }: BringUpListProps) {
  if (notes.length === 0) return null;
  const item = (note: BringUp) => (
    <li key={note.checkInIds[0]}>
      <p>
        <BringUpText note={note} />
      </p>
      <span class="bring-up-actions">
        <button type="button" aria-label={t('common.onTarget', { action: t('checkInFlow.iDid'), target: note.text })} onClick={() => onDid(note)}>
          {t('checkInFlow.iDid')}
        </button>
        <button type="button" aria-label={t('common.onTarget', { action: t('checkInFlow.notYet'), target: note.text })} onClick={() => onNotYet(note)}>
          {t('checkInFlow.notYet')}
        </button>
      </span>
    </li>
  );
  const rest = notes.slice(FIRST_SCREEN);
  return (
    <div class="bring-up-block">
      <ul class="bring-up" aria-label={t('checkInFlow.bringUpList')}>
        {notes.slice(0, FIRST_SCREEN).map(item)}
      </ul>
      {rest.length > 0 && (
        <details class="bring-up-more">
          <summary>{t('checkInFlow.moreBringUps', rest.length, [formatNumber(rest.length)])}</summary>
          <ul class="bring-up">{rest.map(item)}</ul>
        </details>
      )}
    </div>
  );
}
