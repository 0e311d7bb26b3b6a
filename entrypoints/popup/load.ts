import { browser } from 'wxt/browser';
import type { PendingSession } from '@/components/PendingList';
import type { WaitingReflection } from '@/components/ReflectionsWaiting';
import { formatDateTime } from '@/utils/checkin/format';
import { countCheckIns, getCheckIn } from '@/utils/db/checkins';
import { waitingBringUps, type BringUp } from '@/utils/checkin/bring-up';
import { listGoals } from '@/utils/db/goals';
import { lastProviderForPlatform } from '@/utils/db/history';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import { listReflections } from '@/utils/db/reflections';
import type { Goal } from '@/utils/db/schema';
import { listSessions, offeredSessions } from '@/utils/db/sessions';
import { sessionStorageCalls } from '@/utils/session/call-registry';
import { platformName, SITES } from '@/utils/sites/registry';
import { customSites, disabledPlatforms, minSessionMinutes, unansweredDays } from '@/utils/storage';
import { splitByAge } from '@/utils/session/waiting';
import type { Session } from '@/utils/db/schema';
import { uiLocale } from '@/utils/i18n';

export interface PopupData {
  count: number;
  goals: Goal[];
  /** The therapist last named on a manual check-in. */
  manualProvider: string;
  /** Waiting sessions, newest first: recent ones, and those older than the set time. */
  pending: PendingSession[];
  older: PendingSession[];
  reflections: WaitingReflection[];
  /** Notes to bring up, when a session is in progress in the current tab: the check-in window's, by the same rule. */
  nextTime: BringUp[];
  /** When Debrief asks: the minimum length and the sites it watches. */
  asks: { minutes: number; sites: string };
}

/** The sites Debrief watches, as one list in the reader's language ("Zoom, Doxy.me and …"). */
async function watchedSites(): Promise<string> {
  const [disabled, custom] = await Promise.all([disabledPlatforms.getValue(), customSites.getValue()]);
  const names = [...SITES.filter((site) => !disabled.includes(site.id)).map((site) => site.name), ...custom];
  return new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(names);
}

function sessionPlace(platform: string | null): string {
  return platform ? platformName(platform) : t('common.manualCheckIn');
}

async function currentCall(): Promise<{ platform: string; startedMs: number } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return sessionStorageCalls().get(tab.id);
}

/** Everything the toolbar popup shows, read in one go. */
export async function loadPopupData(): Promise<PopupData> {
  const db = await getDb();
  const now = Date.now();
  const [count, goals, manualProvider, offered, snoozed, schedules, call, minutes, sites, days] = await Promise.all([
    countCheckIns(db),
    listGoals(db),
    lastProviderForPlatform(db, null),
    offeredSessions(db, now),
    listSessions(db, 'snoozed'),
    listReflections(db),
    currentCall(),
    minSessionMinutes.getValue(),
    watchedSites(),
    unansweredDays.getValue(),
  ]);
  // Sessions put off with "Remind me later" are listed too, with the time Debrief asks again.
  const later = snoozed.filter((s) => (s.snoozedUntil ?? 0) > now);
  const { recent, older } = splitByAge(
    [...offered, ...later].sort((a, b) => b.startedMs - a.startedMs),
    days,
    now,
  );
  const pendingOf = (s: Session): PendingSession => ({
    id: s.id,
    platform: s.platform,
    platformName: sessionPlace(s.platform),
    startedMs: s.startedMs,
    endedMs: s.endedMs,
    snoozedUntil: later.includes(s) ? s.snoozedUntil : null,
  });
  const reflections: WaitingReflection[] = [];
  for (const schedule of schedules.filter((s) => s.promptedMs !== null)) {
    const checkIn = await getCheckIn(db, schedule.checkInId);
    if (checkIn && !checkIn.reflection) {
      reflections.push({
        checkInId: checkIn.id,
        label: `${sessionPlace(checkIn.platform)} · ${formatDateTime(checkIn.sessionStartedAt ?? checkIn.createdAt)}`,
      });
    }
  }
  const nextTime = call
    ? await waitingBringUps(db, { beforeMs: call.startedMs, therapist: await lastProviderForPlatform(db, call.platform) })
    : [];
  return {
    count,
    goals,
    manualProvider,
    pending: recent.map(pendingOf),
    older: older.map(pendingOf),
    reflections,
    nextTime,
    asks: { minutes, sites },
  };
}
