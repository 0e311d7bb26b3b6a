import { useEffect, useMemo, useState } from 'preact/hooks';
import { CheckInScreen } from '@/components/CheckInScreen';
import type { SessionInfo } from '@/components/SessionHeader';
import { dbCheckInStore } from '@/utils/checkin/store';
import { listGoals } from '@/utils/db/goals';
import { getDb } from '@/utils/db/open';
import type { Goal, Session } from '@/utils/db/schema';
import { getSession } from '@/utils/db/sessions';
import { siteById } from '@/utils/sites/registry';

function sessionInfo(session: Session): SessionInfo {
  return {
    id: session.id,
    platformName: siteById(session.platform)?.name ?? session.host,
    startedAt: session.startedAt,
    startedMs: session.startedMs,
    endedAt: session.endedAt,
    endedMs: session.endedMs,
  };
}

export function App({ sessionId }: { sessionId: string | null }) {
  const store = useMemo(() => dbCheckInStore(), []);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const db = await getDb();
      setGoals(await listGoals(db));
      setSession(sessionId ? ((await getSession(db, sessionId)) ?? null) : null);
    })().catch((err: unknown) => {
      setSession(null);
      setError(err instanceof Error ? err.message : String(err));
    });
  }, [sessionId]);

  return (
    <main class="check-in-page">
      <h1>How was your session?</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {sessionId && session === null && !error && (
        <p class="notice">This session is no longer stored; you can still check in.</p>
      )}
      {session !== undefined && (
        <CheckInScreen
          store={store}
          session={session ? sessionInfo(session) : null}
          platform={session?.platform ?? null}
          goals={goals}
        />
      )}
    </main>
  );
}
