import type { BringUp } from '@/utils/checkin/bring-up';
import { formatNumber, t, uiLocale } from '@/utils/i18n';

/** "Last time you wanted to bring up: “…”" for the session just before, else "From Nov 30: “…”"; "(noted 2 times)" when folded. */
export function BringUpText({ note }: { note: BringUp }) {
  const day = new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric' }).format(new Date(note.notedMs));
  const times = note.checkInIds.length;
  return (
    <>
      {note.lastTime ? t('checkInFlow.lastTime') : t('checkInFlow.fromDay', { day })} <q>{note.text}</q>
      {times > 1 && <span class="hint"> ({t('checkInFlow.notedTimes', times, [formatNumber(times)])})</span>}
    </>
  );
}
