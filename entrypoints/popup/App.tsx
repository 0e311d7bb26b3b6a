import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CheckInScreen } from '@/components/CheckInScreen';
import { NextTimeList } from '@/components/NextTimeList';
import { PendingList } from '@/components/PendingList';
import { QuietCalls } from '@/components/QuietCalls';
import { CallStatus } from '@/components/CallStatus';
import { setRoom } from '@/utils/db/rooms';
import { PopupIntro } from '@/components/PopupIntro';
import { ReflectionsWaiting } from '@/components/ReflectionsWaiting';
import { dbCheckInStore } from '@/utils/checkin/store';
import { MANUAL_DRAFT_KEY } from '@/utils/checkin/drafts';
import { markBroughtUp, type BringUp } from '@/utils/checkin/bring-up';
import { setSessionAside, stopAskingOn, undoSetAside } from '@/utils/session/set-aside';
import { getDb } from '@/utils/db/open';
import { formatNumber, t } from '@/utils/i18n';
import { openCheckInWindow, openReflectionWindow } from '@/utils/session/check-in-window';
import { checkInDetailsOpen } from '@/utils/storage';
import { loadPopupData, type PopupData } from './load';
import { ErrorAlert } from '@/components/ErrorAlert';
import { messageOf } from '@/utils/errors';
import { WatchSite } from './WatchSite';
import { forgetUnlocked } from '@/utils/lock/session';

function storedLabel(count: number): string {
  return t('popup.stored', count, [formatNumber(count)]);
}


export function App() {
  const store = useMemo(() => dbCheckInStore(), []);
  const [data, setData] = useState<PopupData | null>(null);
  const [checkingIn, setCheckingIn] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [markedTherapy, setMarkedTherapy] = useState(false);
  const [notTherapy, setNotTherapy] = useState(false);

  const refresh = () => loadPopupData().then(setData, (err: unknown) => setError(messageOf(err)));
  useEffect(() => {
    void refresh();
    // A check-in left half-written reopens where it was.
    store.loadDraft(MANUAL_DRAFT_KEY).then((draft) => draft && setCheckingIn(true), () => undefined);
    checkInDetailsOpen.getValue().then(setDetailsOpen, () => undefined);
  }, [store]);

  const thenClose = (work: Promise<void>) => void work.then(() => window.close(), (err: unknown) => setError(messageOf(err)));
  const openOptions = (hash: string) => (event: Event) => {
    event.preventDefault();
    thenClose(browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) }).then(() => undefined));
  };
  const markTherapy = () => {
    const call = data?.call;
    if (!call?.roomKey) return;
    getDb()
      .then((db) => setRoom(db, { id: call.roomKey!, platform: call.platform, kind: 'therapy' }))
      .then(() => setMarkedTherapy(true), (err: unknown) => setError(messageOf(err)));
  };
  const markNotTherapy = (sessionId: string) => {
    getDb()
      .then((db) => setSessionAside(db, sessionId, 'dismissed'))
      .then(() => setNotTherapy(true))
      .then(refresh, (err: unknown) => setError(messageOf(err)));
  };
  const tickNextTime = (note: BringUp) => {
    getDb()
      .then((db) => markBroughtUp(db, note))
      .then(refresh, (err: unknown) => setError(messageOf(err)));
  };

  // The list keeps the row, now a confirmation with Undo; a failure is said and leaves the row as it was.
  const changeSession = (work: Promise<void>) =>
    work.then(
      () => setError(null),
      (err: unknown) => {
        setError(messageOf(err));
        throw err;
      },
    );

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('app.name')}</h1>
        <p role="status">{data ? storedLabel(data.count) : ''}</p>
      </header>
      <ErrorAlert message={error} />
      {checkingIn && data ? (
        // The check-in has the popup to itself, so its save message and done state are where the eye is.
        <>
          <button type="button" class="link-button" onClick={() => setCheckingIn(false)}>
            {t('checkInFlow.back')}
          </button>
          <CheckInScreen
            store={store}
            session={null}
            goals={data.goals}
            initialProvider={data.manualProvider}
            detailsOpen={detailsOpen}
            onDetailsToggle={(open) => void checkInDetailsOpen.setValue(open).catch(() => undefined)}
            onClose={() => window.close()}
            onSaved={() => void refresh()}
          />
        </>
      ) : (
        <>
          <WatchSite />
          {data && data.count === 0 && data.pending.length === 0 && data.quiet.length === 0 && (
            <PopupIntro {...data.asks} settingsHref={browser.runtime.getURL('/options.html#/settings')} onSettings={openOptions('#/settings')} />
          )}
          {data?.call && <CallStatus {...data.call} marked={markedTherapy} onMarkTherapy={markTherapy} />}
          <NextTimeList notes={data?.nextTime ?? []} onDone={tickNextTime} />
          <PendingList
            sessions={data?.pending ?? []}
            older={data?.older ?? []}
            headingLevel={2}
            onCheckIn={(id) => thenClose(openCheckInWindow(id))}
            onSetAside={(session, kind) => changeSession(getDb().then((db) => setSessionAside(db, session.id, kind)))}
            onUndo={(session, _kind, askAgain) => changeSession(getDb().then((db) => undoSetAside(db, session, askAgain)))}
            onStopAsking={(session) => changeSession(stopAskingOn(session.platform))}
          />
          <QuietCalls calls={data?.quiet ?? []} onCheckIn={(id) => thenClose(openCheckInWindow(id))} onNotTherapy={markNotTherapy} />
          {notTherapy && <p role="status">{t('popup.notTherapyDone')}</p>}
          <ReflectionsWaiting reflections={data?.reflections ?? []} onReflect={(id) => thenClose(openReflectionWindow(id))} />
          <button type="button" class="primary" onClick={() => setCheckingIn(true)}>
            {t('checkInFlow.startManual')}
          </button>
        </>
      )}
      {data?.lock === 'locked' && !checkingIn && <p class="hint">{t('lock.popupLocked')}</p>}
      {data?.lock === 'unlocked' && !checkingIn && (
        <button type="button" onClick={() => void forgetUnlocked().then(refresh, (err: unknown) => setError(messageOf(err)))}>
          {t('lock.lockNow')}
        </button>
      )}
      <nav class="popup-links" aria-label={t('checkInFlow.popupLinks')}>
        <a href={browser.runtime.getURL('/options.html#/history')} onClick={openOptions('#/history')}>
          {t('popup.openHistory')}
        </a>
        <a href={browser.runtime.getURL('/options.html#/settings')} onClick={openOptions('#/settings')}>
          {t('checkInFlow.openSettings')}
        </a>
      </nav>
    </main>
  );
}
