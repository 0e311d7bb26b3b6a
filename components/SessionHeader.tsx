import { formatDateTime, formatDuration } from '@/utils/checkin/format';
import { t } from '@/utils/i18n';

export interface SessionInfo {
  id: string;
  platformName: string;
  startedAt: string;
  startedMs: number;
  endedAt: string | null;
  endedMs: number | null;
  /** Held in the platform's desktop app: the browser saw it start, not end. */
  app?: boolean;
}

/** Which session the check-in is about, or that it is a manual one. */
export function SessionHeader({ session }: { session: SessionInfo | null }) {
  if (!session) return <p class="session-header">{t('common.manualCheckIn')}</p>;
  const duration = formatDuration(session.startedMs, session.endedMs);
  return (
    <p class="session-header">
      <strong>{session.platformName}</strong> · {formatDateTime(session.startedAt)}
      {session.app ? <> · {t('checkIn.inApp', { platform: session.platformName })}</> : duration && <> · {duration}</>}
    </p>
  );
}
