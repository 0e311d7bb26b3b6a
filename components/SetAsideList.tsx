import { useId } from 'preact/hooks';
import { formatSessionSpan } from '@/utils/checkin/format';
import type { Session } from '@/utils/db/schema';
import { formatNumber, t } from '@/utils/i18n';

export interface SetAsideListProps {
  /** Sessions marked not therapy or skipped, newest first. */
  sessions: readonly Session[];
  platformName(platform: string): string;
  /** Turns the session back into one waiting for a check-in. */
  onAskAgain(session: Session): void;
}

/** Where sessions set aside can be found again, collapsed: each can wait for a check-in again. */
export function SetAsideList({ sessions, platformName, onAskAgain }: SetAsideListProps) {
  const id = useId();
  if (sessions.length === 0) return null;
  return (
    <details class="set-aside-list">
      <summary>{t('setAside.listTitle', { count: formatNumber(sessions.length) })}</summary>
      <ul class="pending-list">
        {sessions.map((session) => (
          <li key={session.id} class="pending-item">
            <span id={`${id}-${session.id}`}>
              <strong>{platformName(session.platform)}</strong> · {formatSessionSpan(session.startedMs, session.endedMs)} ·{' '}
              {session.status === 'skipped' ? t('setAside.wasSkipped') : t('setAside.wasDismissed')}
            </span>
            <button type="button" aria-describedby={`${id}-${session.id}`} onClick={() => onAskAgain(session)}>
              {t('setAside.askAgain')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
