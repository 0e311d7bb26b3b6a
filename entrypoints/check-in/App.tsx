import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BringUpList } from '@/components/BringUpList';
import { CheckInScreen } from '@/components/CheckInScreen';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAction } from '@/components/use-action';
import { SessionActions, SetAsidePanel, type LastingChoice } from '@/components/SessionActions';
import { markBroughtUp, type BringUp } from '@/utils/checkin/bring-up';
import { formatTime } from '@/utils/checkin/format';
import { dbCheckInStore } from '@/utils/checkin/store';
import { getDb } from '@/utils/db/open';
import { dismissSession, restoreWaiting } from '@/utils/db/sessions';
import type { Session } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { replyError, type PageMessage } from '@/utils/session/messages';
import { checkInDetailsOpen, SNOOZE_MINUTES } from '@/utils/storage';
import { lastingChoicesFor, takeLastingChoice, type LastingChoiceId } from '@/utils/session/choices';
import { messageOf } from '@/utils/errors';
import { platformName } from '@/utils/sites/catalog';
import { loadWindowData, sessionInfo, type WindowData } from './load';

/** Each lasting choice's button and what it says once taken, on a platform. */
const CHOICE_TEXT: Record<LastingChoiceId, (platform: string) => { label: string; done: string }> = {
  muteRoom: () => ({ label: t('checkIn.choice.muteRoom'), done: t('checkIn.chosen.muteRoom') }),
  therapyRoomsOnly: (platform) => ({ label: t('checkIn.choice.therapyRoomsOnly', { platform }), done: t('checkIn.chosen.therapyRoomsOnly', { platform }) }),
  stopAsking: (platform) => ({ label: t('checkIn.choice.stopAsking', { platform }), done: t('checkIn.chosen.stopAsking', { platform }) }),
};

function tellBackground(message: PageMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function App({ sessionId }: { sessionId: string | null }) {
  const store = useMemo(() => dbCheckInStore(), []);
  const [data, setData] = useState<WindowData | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { error, run } = useAction();
  // Lasting choices taken here, newest last, each with what puts it back: Undo takes them all back.
  const [taken, setTaken] = useState<{ id: LastingChoiceId; undo(): Promise<void> }[]>([]);
  // The session as it was before "Not a therapy session", so Undo puts it back exactly.
  const [beforeDismiss, setBeforeDismiss] = useState<Session | null>(null);
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
    // The background writes the status and sets the alarm; on failure the window stays and says why.
    const failed = replyError(await tellBackground({ type: 'snooze', sessionId: session.id, until }));
    if (failed !== null) throw new Error(t('checkInFlow.snoozeFailed', { error: failed }));
    // The window stays until closed: a message that vanishes on a timer may go unread.
    setSnoozedUntil(until);
  });
  const dismiss = act(async () => {
    if (!session) return;
    const updated = await dismissSession(await getDb(), session.id);
    setBeforeDismiss(session);
    if (updated && data) setData({ ...data, session: updated });
    await tellBackground({ type: 'waiting-changed' });
  });
  const undoDismiss = act(async () => {
    if (!session) return;
    // Undo takes back everything chosen here, newest first: a muted meeting, a platform's mode, a platform turned off.
    for (const choice of [...taken].reverse()) await choice.undo();
    setTaken([]);
    const restored = await restoreWaiting(await getDb(), session.id, beforeDismiss);
    if (restored && data) setData({ ...data, session: restored });
    await tellBackground({ type: 'waiting-changed' });
  });
  const choices = (current: Session): LastingChoice[] => {
    const platform = platformName(current.platform);
    return lastingChoicesFor(current)
      .filter((id) => !taken.some((choice) => choice.id === id))
      .map((id) => ({
        label: CHOICE_TEXT[id](platform).label,
        onChoose: act(async () => {
          const undo = await takeLastingChoice(await getDb(), current, id);
          setTaken((list) => [...list, { id, undo }]);
        }),
      }));
  };
  const lastTaken = taken.at(-1);
  const did = (note: BringUp) =>
    act(async () => {
      await markBroughtUp(await getDb(), note);
      setHiddenBringUps((ids) => [...ids, note.checkInIds[0]!]);
    })();

  // Errors from these actions show beside them, where the eye is.
  const sessionActions = (dismissed: boolean) =>
    session && (
      <>
        {dismissed ? (
          <SetAsidePanel
            label={t('checkIn.notTherapy')}
            message={t('setAside.dismissed')}
            done={lastTaken ? CHOICE_TEXT[lastTaken.id](platformName(session.platform)).done : null}
            choices={choices(session)}
            onUndo={undoDismiss}
            onClose={() => window.close()}
          />
        ) : (
          <SessionActions onRemindLater={remindLater} onDismiss={dismiss} />
        )}
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
    const bringUps = data.bringUps.filter((note) => !hiddenBringUps.includes(note.checkInIds[0]!));
    body = (
      <CheckInScreen
        store={store}
        session={session ? sessionInfo(session) : null}
        goals={data.goals}
        initialProvider={data.provider}
        actions={sessionActions(false) || undefined}
        before={
          data.bringUpsLocked ? (
            <p class="notice">{t('lock.bringUpLocked')}</p>
          ) : (
            <BringUpList
              notes={bringUps}
              onDid={did}
              onNotYet={(note) => setHiddenBringUps((ids) => [...ids, note.checkInIds[0]!])}
            />
          )
        }
        detailsOpen={data.detailsOpen}
        onDetailsToggle={(open) => void checkInDetailsOpen.setValue(open).catch(() => undefined)}
        onClose={() => window.close()}
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
