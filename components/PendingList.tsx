import { formatDateTime, formatDuration, formatTime } from '@/utils/checkin/format';
import { t } from '@/utils/i18n';

export interface PendingSession {
  id: string;
  platformName: string;
  startedAt: string;
  startedMs: number;
  endedMs: number | null;
  /** Set when "Remind me later" put it off until then. */
  snoozedUntil: number | null;
}

export interface PendingListProps {
  sessions: PendingSession[];
  onCheckIn(sessionId: string): void;
}

/** Sessions that ended without a check-in yet, the ones put off with the time Debrief asks again. */
export function PendingList({ sessions, onCheckIn }: PendingListProps) {
  if (sessions.length === 0) return null;
  return (
    <section class="pending" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t('common.waitingForCheckIn')}</h2>
      <ul class="pending-list">
        {sessions.map((session) => {
          const when = formatDateTime(session.startedAt);
          const duration = formatDuration(session.startedMs, session.endedMs);
          return (
            <li key={session.id}>
              <span>
                <strong>{session.platformName}</strong> · {when}
                {duration && ` · ${duration}`}
                {session.snoozedUntil !== null && (
                  <span class="hint pending-snoozed">{t('checkInFlow.snoozedUntil', { time: formatTime(session.snoozedUntil) })}</span>
                )}
              </span>
              <button
                type="button"
                aria-label={t('checkInFlow.checkInSessionOn', { platform: session.platformName, when })}
                onClick={() => onCheckIn(session.id)}
              >
                {t('checkInFlow.checkInSession')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
