import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CheckInScreen } from '@/components/CheckInScreen';
import { dbCheckInStore } from '@/utils/checkin/store';
import { countCheckIns, MANUAL_DRAFT_KEY } from '@/utils/db/checkins';
import { listGoals } from '@/utils/db/goals';
import { getDb } from '@/utils/db/open';
import type { Goal } from '@/utils/db/schema';

function storedLabel(count: number): string {
  return count === 1 ? '1 check-in stored' : `${count} check-ins stored`;
}

export function App() {
  const store = useMemo(() => dbCheckInStore(), []);
  const [count, setCount] = useState<number | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [checkingIn, setCheckingIn] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    try {
      const db = await getDb();
      setCount(await countCheckIns(db));
      setGoals(await listGoals(db));
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
