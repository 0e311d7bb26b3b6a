import { useCallback, useState } from 'preact/hooks';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PendingList, type PendingSession } from '@/components/PendingList';
import { SetAsideList } from '@/components/SetAsideList';
import { listUnansweredSessions } from '@/utils/db/history';
import type { DebriefDb } from '@/utils/db/open';
import type { Session } from '@/utils/db/schema';
import { setAsideSessions } from '@/utils/db/sessions';
import { messageOf } from '@/utils/errors';
import { setSessionAside, stopAskingOn, undoSetAside } from '@/utils/session/set-aside';
import { splitByAge } from '@/utils/session/waiting';
import { platformName } from '@/utils/sites/catalog';
import { unansweredDays } from '@/utils/storage';
import { useVisibleLoad } from '../use-visible-load';

interface Loaded {
  recent: PendingSession[];
  older: PendingSession[];
  setAside: Session[];
}

function pendingOf(session: Session): PendingSession {
  return {
    id: session.id,
    platform: session.platform,
    platformName: platformName(session.platform),
    startedMs: session.startedMs,
    endedMs: session.endedMs ?? session.lastSeenMs,
    snoozedUntil: session.status === 'snoozed' ? session.snoozedUntil : null,
  };
}

/** History's top: sessions waiting for a check-in (with their ways out) and those set aside. */
export function HistoryWaiting({ openDb, checkInUrl }: { openDb(): Promise<DebriefDb>; checkInUrl(sessionId: string): string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const db = await openDb();
      const [unanswered, setAside, days] = await Promise.all([listUnansweredSessions(db), setAsideSessions(db), unansweredDays.getValue()]);
      const { recent, older } = splitByAge(unanswered, days, Date.now());
      setLoaded({ recent: recent.map(pendingOf), older: older.map(pendingOf), setAside });
    } catch (err) {
      setError(messageOf(err));
    }
  }, [openDb]);
  useVisibleLoad(load);

  // A failure is said here and leaves the row as it was.
  const change = (work: (db: DebriefDb) => Promise<void>) =>
    openDb()
      .then(work)
      .then(
        () => setError(null),
        (err: unknown) => {
          setError(messageOf(err));
          throw err;
        },
      );

  if (!loaded) return <ErrorAlert message={error} />;
  return (
    <div class="history-waiting">
      <ErrorAlert message={error} />
      <PendingList
        sessions={loaded.recent}
        older={loaded.older}
        headingLevel={3}
        checkInHref={checkInUrl}
        onSetAside={(session, kind) => change((db) => setSessionAside(db, session.id, kind))}
        onUndo={(session, _kind, askAgain) => change((db) => undoSetAside(db, session, askAgain))}
        onStopAsking={(session) => change(() => stopAskingOn(session.platform))}
      />
      <SetAsideList
        sessions={loaded.setAside}
        platformName={platformName}
        onAskAgain={(session) => void change((db) => undoSetAside(db, { ...session, snoozedUntil: null }, false)).then(load, () => undefined)}
      />
    </div>
  );
}
