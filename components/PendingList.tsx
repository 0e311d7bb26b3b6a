import { formatDateTime, formatDuration } from '@/utils/checkin/format';
import { t } from '@/utils/i18n';

export interface PendingSession {
  id: string;
  platformName: string;
  startedAt: string;
  startedMs: number;
  endedMs: number | null;
}

export interface PendingListProps {
  sessions: PendingSession[];
  onCheckIn(sessionId: string): void;
}

/** Sessions that ended without a check-in yet. */
export function PendingList({ sessions, onCheckIn }: PendingListProps) {
  if (sessions.length === 0) return null;
  return (
    <section class="pending" aria-label={t('common.waitingForCheckIn')}>
      <h2>{t('common.waitingForCheckIn')}</h2>
      <ul class="pending-list">
        {sessions.map((session) => {
          const when = formatDateTime(session.startedAt);
          const duration = formatDuration(session.startedMs, session.endedMs);
          return (
            <li key={session.id}>
              <span>
                <strong>{session.platformName}</strong> · {when}
                {duration && ` · ${duration}`}
              </span>
              <button
                type="button"
                aria-label={t('popup.checkInOn', { platform: session.platformName, when })}
                onClick={() => onCheckIn(session.id)}
              >
                {t('popup.checkIn')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
