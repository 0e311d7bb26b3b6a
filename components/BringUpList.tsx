import type { BringUp } from '@/utils/checkin/bring-up';
import { t } from '@/utils/i18n';

export interface BringUpListProps {
  notes: BringUp[];
  /** "I did": ticked off for good. */
  onDid(checkInId: string): void;
  /** "Not yet": kept for the time after; only hidden here. */
  onNotYet(checkInId: string): void;
}

/** What the person wanted to bring up in this session, asked about once it is over. */
export function BringUpList({ notes, onDid, onNotYet }: BringUpListProps) {
  if (notes.length === 0) return null;
  return (
    <ul class="bring-up" aria-label={t('checkInFlow.bringUpList')}>
      {notes.map((note) => (
        <li key={note.checkInId}>
          <p>
            {t('checkInFlow.lastTime')} <q>{note.text}</q>
          </p>
          <span class="bring-up-actions">
            <button type="button" aria-label={t('common.onTarget', { action: t('checkInFlow.iDid'), target: note.text })} onClick={() => onDid(note.checkInId)}>
              {t('checkInFlow.iDid')}
            </button>
            <button type="button" aria-label={t('common.onTarget', { action: t('checkInFlow.notYet'), target: note.text })} onClick={() => onNotYet(note.checkInId)}>
              {t('checkInFlow.notYet')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
