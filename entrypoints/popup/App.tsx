import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CheckInScreen } from '@/components/CheckInScreen';
import { PendingList, type PendingSession } from '@/components/PendingList';
import { dbCheckInStore } from '@/utils/checkin/store';
import { countCheckIns, MANUAL_DRAFT_KEY } from '@/utils/db/checkins';
import { listGoals } from '@/utils/db/goals';
import { getDb } from '@/utils/db/open';
import type { Goal, Session } from '@/utils/db/schema';
import { offeredSessions } from '@/utils/db/sessions';
import { openCheckInWindow } from '@/utils/session/check-in-window';
import { siteById } from '@/utils/sites/registry';

function pendingSession(session: Session): PendingSession {
  return {
    id: session.id,
    platformName: siteById(session.platform)?.name ?? session.host,
    startedAt: session.startedAt,
    startedMs: session.startedMs,
    endedMs: session.endedMs,
  };
}

function storedLabel(count: number): string {
  return count === 1 ? '1 check-in stored' : `${count} check-ins stored`;
}

export function App() {
  const store = useMemo(() => dbCheckInStore(), []);
  const [count, setCount] = useState<number | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [pending, setPending] = useState<PendingSession[]>([]);
  const [checkingIn, setCheckingIn] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    try {
      const db = await getDb();
      setCount(await countCheckIns(db));
      setGoals(await listGoals(db));
      setPending((await offeredSessions(db)).map(pendingSession));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  useEffect(() => {
    void refresh();
    // A check-in left half-written reopens where it was.
    store.loadDraft(MANUAL_DRAFT_KEY).then((draft) => draft && setCheckingIn(true), () => undefined);
  }, [store]);

  const openHistory = (event: Event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage().then(() => window.close());
  };

  const checkInOn = (sessionId: string) => {
    void openCheckInWindow(sessionId).then(() => window.close());
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Debrief</h1>
        <p role="status">{count === null ? '' : storedLabel(count)}</p>
      </header>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <PendingList sessions={pending} onCheckIn={checkInOn} />
      {checkingIn ? (
        <CheckInScreen store={store} session={null} platform={null} goals={goals} onSaved={() => void refresh()} />
      ) : (
        <button type="button" class="primary" onClick={() => setCheckingIn(true)}>
          Check in now
        </button>
      )}
      <nav class="popup-links">
        <a href={browser.runtime.getURL('/options.html#/history')} onClick={openHistory}>
          Open history
        </a>
      </nav>
    </main>
  );
}
