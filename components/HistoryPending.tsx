import { useId } from 'preact/hooks';
import { formatDateTime, formatDuration, formatTime } from '@/utils/checkin/format';
import type { Session } from '@/utils/db/schema';
import { t } from '@/utils/i18n';

export interface HistoryPendingProps {
  /** Sessions that ended without a check-in, most recent first. */
  sessions: readonly Session[];
  platformName(platform: string): string;
  /** The check-in page for a session (`check-in.html?session=<id>`). */
  checkInUrl(sessionId: string): string;
}

/** Sessions still waiting for a check-in, each with a "Check in" link (a check-in for that session). */
export function HistoryPending({ sessions, platformName, checkInUrl }: HistoryPendingProps) {
  const id = useId();
  if (sessions.length === 0) return null;
  return (
    <section class="history-pending" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('common.waitingForCheckIn')}</h3>
      <ul class="history-pending-list">
        {sessions.map((session) => {
          const duration = formatDuration(session.startedMs, session.endedMs ?? session.lastSeenMs);
          const describedBy = `${id}-${session.id}`;
          return (
            <li key={session.id} class="history-pending-item">
              <span id={describedBy}>
                <strong>{platformName(session.platform)}</strong> · {formatDateTime(session.startedAt)}
                {duration && <> · {duration}</>}
                {session.status === 'snoozed' && session.snoozedUntil !== null && (
                  <> · {t('checkInFlow.snoozedUntil', { time: formatTime(session.snoozedUntil) })}</>
                )}
              </span>
              <a class="button-link" href={checkInUrl(session.id)} aria-describedby={describedBy}>
                {t('checkInFlow.checkInSession')}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
