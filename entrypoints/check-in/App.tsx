import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CheckInScreen } from '@/components/CheckInScreen';
import { SessionActions } from '@/components/SessionActions';
import type { SessionInfo } from '@/components/SessionHeader';
import { dbCheckInStore } from '@/utils/checkin/store';
import { listGoals } from '@/utils/db/goals';
import { lastProviderForPlatform } from '@/utils/db/history';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import type { Goal, Session } from '@/utils/db/schema';
import { dismissSession, getSession, snoozeSession } from '@/utils/db/sessions';
import type { PageMessage } from '@/utils/session/messages';
import { platformName } from '@/utils/sites/registry';
import { setPlatformAsked, SNOOZE_MINUTES } from '@/utils/storage';
import { ErrorAlert } from '@/components/ErrorAlert';
import { messageOf } from '@/utils/errors';


function sessionInfo(session: Session): SessionInfo {
  return {
    id: session.id,
    platformName: platformName(session.platform),
    startedAt: session.startedAt,
    startedMs: session.startedMs,
    endedAt: session.endedAt,
    endedMs: session.endedMs,
  };
}

function tellBackground(message: PageMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function App({ sessionId }: { sessionId: string | null }) {
  const store = useMemo(() => dbCheckInStore(), []);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [stoppedAsking, setStoppedAsking] = useState(false);
  const [provider, setProvider] = useState('');

  useEffect(() => {
    (async () => {
      const db = await getDb();
      setGoals(await listGoals(db));
      const found = sessionId ? ((await getSession(db, sessionId)) ?? null) : null;
      setProvider(await lastProviderForPlatform(db, found?.platform ?? null));
      setSession(found);
    })().catch((err: unknown) => {
      setSession(null);
      setError(messageOf(err));
    });
  }, [sessionId]);

  const act = (work: () => Promise<void>) => () => {
    work().catch((err: unknown) => setError(messageOf(err)));
  };

  const remindLater = act(async () => {
    if (!session) return;
    const until = Date.now() + SNOOZE_MINUTES * 60_000;
    await snoozeSession(await getDb(), session.id, until);
    await tellBackground({ type: 'snooze', sessionId: session.id, until });
    window.close();
  });
  const dismiss = act(async () => {
    if (!session) return;
    const updated = await dismissSession(await getDb(), session.id);
    if (updated) setSession(updated);
    await tellBackground({ type: 'sessions-changed' });
  });
  const stopAsking = act(async () => {
    if (!session) return;
    await setPlatformAsked(session.platform, false);
    setStoppedAsking(true);
  });

  const actions = session ? (
    <SessionActions
      platformName={platformName(session.platform)}
      dismissed={false}
      stoppedAsking={false}
      onRemindLater={remindLater}
      onDismiss={dismiss}
      onStopAsking={stopAsking}
    />
  ) : undefined;

  return (
    <main class="check-in-page">
      <h1>{t('checkIn.heading')}</h1>
      <ErrorAlert message={error} />
      {sessionId && session === null && !error && (
        <p class="notice">{t('checkIn.sessionGone')}</p>
      )}
      {session?.status === 'dismissed' ? (
        <SessionActions
          platformName={platformName(session.platform)}
          dismissed
          stoppedAsking={stoppedAsking}
          onRemindLater={remindLater}
          onDismiss={dismiss}
          onStopAsking={stopAsking}
        />
      ) : (
        session !== undefined && (
          <CheckInScreen
            store={store}
            session={session ? sessionInfo(session) : null}
            platform={session?.platform ?? null}
            goals={goals}
            initialProvider={provider}
            actions={actions}
            onClose={session ? () => window.close() : undefined}
            onSaved={(checkIn) =>
              void tellBackground({ type: 'check-in-saved', checkInId: checkIn.id, createdMs: checkIn.createdMs }).catch(
                () => undefined,
              )
            }
          />
        )
      )}
    </main>
  );
}
