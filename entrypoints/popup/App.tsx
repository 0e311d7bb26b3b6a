import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CheckInScreen } from '@/components/CheckInScreen';
import { NextTimeList } from '@/components/NextTimeList';
import { PendingList } from '@/components/PendingList';
import { ReflectionsWaiting } from '@/components/ReflectionsWaiting';
import { dbCheckInStore } from '@/utils/checkin/store';
import { MANUAL_DRAFT_KEY } from '@/utils/checkin/drafts';
import { updateCheckIn } from '@/utils/db/checkins';
import { getDb } from '@/utils/db/open';
import { formatNumber, t } from '@/utils/i18n';
import { openCheckInWindow, openReflectionWindow } from '@/utils/session/check-in-window';
import type { PageMessage } from '@/utils/session/messages';
import { loadPopupData, type PopupData } from './load';
import { ErrorAlert } from '@/components/ErrorAlert';
import { messageOf } from '@/utils/errors';
import { WatchSite } from './WatchSite';

function storedLabel(count: number): string {
  return t('popup.stored', count, [formatNumber(count)]);
}

export function App() {
  const store = useMemo(() => dbCheckInStore(), []);
  const [data, setData] = useState<PopupData | null>(null);
  const [checkingIn, setCheckingIn] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = () => loadPopupData().then(setData, (err: unknown) => setError(messageOf(err)));
  useEffect(() => {
    void refresh();
    // A check-in left half-written reopens where it was.
    store.loadDraft(MANUAL_DRAFT_KEY).then((draft) => draft && setCheckingIn(true), () => undefined);
  }, [store]);

  const thenClose = (work: Promise<void>) => void work.then(() => window.close(), (err: unknown) => setError(messageOf(err)));
  const openHistory = (event: Event) => {
    event.preventDefault();
    thenClose(browser.runtime.openOptionsPage());
  };
  const tickNextTime = (checkInId: string) => {
    getDb()
      .then((db) => updateCheckIn(db, checkInId, () => ({ nextTimeDone: true })))
      .then(refresh, (err: unknown) => setError(messageOf(err)));
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('app.name')}</h1>
        <p role="status">{data ? storedLabel(data.count) : ''}</p>
      </header>
      <ErrorAlert message={error} />
      <WatchSite />
      {data?.nextTime && <NextTimeList {...data.nextTime} onDone={tickNextTime} />}
      <PendingList sessions={data?.pending ?? []} onCheckIn={(id) => thenClose(openCheckInWindow(id))} />
      <ReflectionsWaiting reflections={data?.reflections ?? []} onReflect={(id) => thenClose(openReflectionWindow(id))} />
      {checkingIn && data ? (
        <CheckInScreen
          store={store}
          session={null}
          platform={null}
          goals={data.goals}
          initialProvider={data.manualProvider}
          onSaved={(checkIn) => {
            void refresh();
            const saved: PageMessage = { type: 'check-in-saved', checkInId: checkIn.id, createdMs: checkIn.createdMs };
            browser.runtime.sendMessage(saved).catch(() => undefined);
          }}
        />
      ) : (
        <button type="button" class="primary" onClick={() => setCheckingIn(true)}>
          {t('common.checkInNow')}
        </button>
      )}
      <nav class="popup-links">
        <a href={browser.runtime.getURL('/options.html#/history')} onClick={openHistory}>
          {t('popup.openHistory')}
        </a>
      </nav>
    </main>
  );
}
