import { formatTime } from '@/utils/checkin/format';
import { formatNumber, t } from '@/utils/i18n';

export interface QuietCall {
  id: string;
  platformName: string;
  endedMs: number;
  minutes: number;
}

export interface QuietCallsProps {
  calls: QuietCall[];
  onCheckIn(sessionId: string): void;
  onNotTherapy(sessionId: string): void;
}

/** Calls outside the person's therapy rooms: no window was opened, so they wait here for a day. */
export function QuietCalls({ calls, onCheckIn, onNotTherapy }: QuietCallsProps) {
  if (calls.length === 0) return null;
  return (
    <section class="pending" aria-labelledby="quiet-heading">
      <h2 id="quiet-heading">{t('popup.quietHeading')}</h2>
      <ul class="pending-list">
        {calls.map((call) => {
          const time = formatTime(call.endedMs);
          const said = t('popup.quietCall', call.minutes, [call.platformName, time, formatNumber(call.minutes)]);
          return (
            <li key={call.id}>
              <span>{said}</span>
              <span class="row-actions">
                <button type="button" aria-label={t('checkInFlow.checkInSessionOn', { platform: call.platformName, when: time })} onClick={() => onCheckIn(call.id)}>
                  {t('checkInFlow.checkInSession')}
                </button>
                <button
                  type="button"
                  class="link-button"
                  aria-label={t('popup.notTherapyOn', { platform: call.platformName, time })}
                  onClick={() => onNotTherapy(call.id)}
                >
                  {t('popup.notTherapy')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
