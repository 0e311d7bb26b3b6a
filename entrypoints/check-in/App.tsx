import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BringUpList } from '@/components/BringUpList';
import { CheckInScreen } from '@/components/CheckInScreen';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAction } from '@/components/use-action';
import { SessionActions } from '@/components/SessionActions';
import { markBroughtUp } from '@/utils/checkin/bring-up';
import { formatTime } from '@/utils/checkin/format';
import { dbCheckInStore } from '@/utils/checkin/store';
import { getDb } from '@/utils/db/open';
import { dismissSession, snoozeSession } from '@/utils/db/sessions';
import { t } from '@/utils/i18n';
import type { PageMessage } from '@/utils/session/messages';
import { checkInDetailsOpen, setPlatformAsked, SNOOZE_MINUTES } from '@/utils/storage';
import { messageOf } from '@/utils/errors';
import { platformName } from '@/utils/sites/registry';
import { loadWindowData, sessionInfo, type WindowData } from './load';

function tellBackground(message: PageMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function App({ sessionId }: { sessionId: string | null }) {
  const store = useMemo(() => dbCheckInStore(), []);
  const [data, setData] = useState<WindowData | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { error, run } = useAction();
  const [stoppedAsking, setStoppedAsking] = useState(false);
  const [snoozedUntil, setSnoozedUntil] = useState<number | null>(null);
  const [hiddenBringUps, setHiddenBringUps] = useState<string[]>([]);

  // A window opened for a session stays that session's: a failed read is said and tried again, never turned into a manual check-in.
  useEffect(() => {
    let live = true;
    loadWindowData(sessionId).then(
      (loaded) => {
        if (!live) return;
        setLoadError(null);
        setData(loaded);
      },
      (err: unknown) => live && setLoadError(t('checkInFlow.loadFailed', { error: messageOf(err) })),
    );
    return () => {
      live = false;
    };
  }, [sessionId, attempt]);

  const session = data?.session ?? null;
  const act = (work: () => Promise<void>) => () => void run(work);

  const remindLater = act(async () => {
    if (!session) return;
    const until = Date.now() + SNOOZE_MINUTES * 60_000;
    await snoozeSession(await getDb(), session.id, until);
    await tellBackground({ type: 'snooze', sessionId: session.id, until });
    // The window stays until closed: a message that vanishes on a timer may go unread.
    setSnoozedUntil(until);
  });
  const dismiss = act(async () => {
    if (!session) return;
    const updated = await dismissSession(await getDb(), session.id);
    if (updated && data) setData({ ...data, session: updated });
    await tellBackground({ type: 'sessions-changed' });
  });
  const stopAsking = act(async () => {
    if (!session) return;
    await setPlatformAsked(session.platform, false);
    setStoppedAsking(true);
  });
  const did = (checkInId: string) =>
    act(async () => {
      await markBroughtUp(await getDb(), checkInId);
      setHiddenBringUps((ids) => [...ids, checkInId]);
    })();

  // Errors from these actions show beside them, where the eye is.
  const sessionActions = (dismissed: boolean) =>
    session && (
      <>
        <SessionActions
        platformName={platformName(session.platform)}
        dismissed={dismissed}
        stoppedAsking={stoppedAsking}
        onRemindLater={remindLater}
        onDismiss={dismiss}
        onStopAsking={stopAsking}
        />
        <ErrorAlert message={error} />
      </>
    );

  let body;
  if (loadError) {
    body = (
      <div class="load-failed">
        <ErrorAlert message={loadError} />
        <button type="button" class="primary" onClick={() => setAttempt((n) => n + 1)}>
          {t('checkInFlow.tryAgain')}
        </button>
      </div>
    );
  } else if (!data) {
    body = <p aria-busy="true">{t('common.loading')}</p>;
  } else if (snoozedUntil !== null) {
    body = (
      <div class="check-in-done">
        <p role="status" class="status-line">
          {t('checkInFlow.snoozed', { time: formatTime(snoozedUntil) })}
        </p>
        <button type="button" class="primary" ref={(button) => button?.focus()} onClick={() => window.close()}>
          {t('common.close')}
        </button>
      </div>
    );
  } else if (session?.status === 'dismissed') {
    body = sessionActions(true);
  } else {
    const bringUps = data.bringUps.filter((note) => !hiddenBringUps.includes(note.checkInId));
    body = (
      <CheckInScreen
        store={store}
        session={session ? sessionInfo(session) : null}
        platform={session?.platform ?? null}
        goals={data.goals}
        initialProvider={data.provider}
        actions={sessionActions(false) || undefined}
        before={
          data.bringUpsLocked ? (
            <p class="notice">{t('lock.bringUpLocked')}</p>
          ) : (
            <BringUpList notes={bringUps} onDid={did} onNotYet={(id) => setHiddenBringUps((ids) => [...ids, id])} />
          )
        }
        detailsOpen={data.detailsOpen}
        onDetailsToggle={(open) => void checkInDetailsOpen.setValue(open).catch(() => undefined)}
        onClose={() => window.close()}
        onSaved={(checkIn) =>
          void tellBackground({ type: 'check-in-saved', checkInId: checkIn.id, createdMs: checkIn.createdMs }).catch(() => undefined)
        }
      />
    );
  }

  return (
    <main class="check-in-page">
      <h1>{t('checkIn.heading')}</h1>
      {sessionId && data && !session && <p class="notice">{t('checkIn.sessionGone')}</p>}
      {body}
      {!session && <ErrorAlert message={error} />}
    </main>
  );
}
