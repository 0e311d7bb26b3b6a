import { t } from '@/utils/i18n';

export interface NextTimeNote {
  checkInId: string;
  text: string;
  /** When it was noted, already formatted. */
  noted: string;
}

export interface NextTimeListProps {
  platformName: string;
  notes: NextTimeNote[];
  onDone(checkInId: string): void;
}

/** What the person wanted to bring up, shown while their next session is in progress. */
export function NextTimeList({ platformName, notes, onDone }: NextTimeListProps) {
  if (notes.length === 0) return null;
  return (
    <section class="next-time" aria-labelledby="next-time-heading">
      <h2 id="next-time-heading">{t('popup.nextTimeHeading')}</h2>
      <p class="hint">{t('popup.nextTimeFrom', { platform: platformName })}</p>
      <ul class="platform-list">
        {notes.map((note) => (
          <li key={note.checkInId}>
            <label class="choice">
              <input type="checkbox" onChange={() => onDone(note.checkInId)} />
              <span>
                {note.text} <span class="hint">({note.noted})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
