import type { BringUp } from '@/utils/checkin/bring-up';
import { t } from '@/utils/i18n';
import { BringUpText } from './BringUpText';

export interface NextTimeListProps {
  notes: BringUp[];
  onDone(note: BringUp): void;
}

/** What the person wanted to bring up, shown while their next session is in progress (the check-in window's notes). */
export function NextTimeList({ notes, onDone }: NextTimeListProps) {
  if (notes.length === 0) return null;
  return (
    <section class="next-time" aria-labelledby="next-time-heading">
      <h2 id="next-time-heading">{t('popup.nextTimeHeading')}</h2>
      <ul class="platform-list">
        {notes.map((note) => (
          <li key={note.checkInIds[0]}>
            <label class="choice">
              <input type="checkbox" onChange={() => onDone(note)} />
              <span>
                <BringUpText note={note} />
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
