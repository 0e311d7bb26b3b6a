import { browser } from 'wxt/browser';
import type { PendingSession } from '@/components/PendingList';
import type { NextTimeNote } from '@/components/NextTimeList';
import type { WaitingReflection } from '@/components/ReflectionsWaiting';
import { formatDateTime } from '@/utils/checkin/format';
import { countCheckIns, getCheckIn, openNextTimeNotes } from '@/utils/db/checkins';
import { listGoals } from '@/utils/db/goals';
import { lastProviderForPlatform } from '@/utils/db/history';
import { lockState, type LockState } from '@/utils/db/lock';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import { listReflections } from '@/utils/db/reflections';
import { whenLocked } from '@/utils/db/errors';
import type { Goal } from '@/utils/db/schema';
import { waitingSessions } from '@/utils/db/sessions';
import { sessionStorageCalls } from '@/utils/session/call-registry';
import { platformName, SITES } from '@/utils/sites/registry';
import { customSites, disabledPlatforms, minSessionMinutes } from '@/utils/storage';
import { uiLocale } from '@/utils/i18n';

export interface PopupData {
  /** The lock: "Lock now" is offered while it is unlocked. */
  lock: LockState;
  count: number;
  goals: Goal[];
  /** The therapist last named on a manual check-in. */
  manualProvider: string;
  pending: PendingSession[];
  reflections: WaitingReflection[];
  /** Notes for next time, when a session is in progress in the current tab. */
  nextTime: { platformName: string; notes: NextTimeNote[] } | null;
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

async function currentCallPlatform(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return (await sessionStorageCalls().get(tab.id))?.platform ?? null;
}

/** Everything the toolbar popup shows, read in one go. */
export async function loadPopupData(): Promise<PopupData> {
  const db = await getDb();
  const now = Date.now();
  const [lock, count, goals, manualProvider, { due, later }, schedules, platform, minutes, sites] = await Promise.all([
    lockState(db),
    countCheckIns(db),
    listGoals(db).catch(whenLocked<Goal[]>([])),
    lastProviderForPlatform(db, null),
    waitingSessions(db, now),
    listReflections(db),
    currentCallPlatform(),
    minSessionMinutes.getValue(),
    watchedSites(),
  ]);
  // Sessions put off with "Remind me later" are listed too, with the time Debrief asks again.
  const sessions = [...due, ...later].sort((a, b) => b.startedMs - a.startedMs);
  const reflections: WaitingReflection[] = [];
  // While locked, what was written stays sealed: no reflections or notes are listed.
  const readable = lock !== 'locked';
  for (const schedule of readable ? schedules.filter((s) => s.promptedMs !== null) : []) {
    const checkIn = await getCheckIn(db, schedule.checkInId);
    if (checkIn && !checkIn.reflection) {
      reflections.push({
        checkInId: checkIn.id,
        label: `${sessionPlace(checkIn.platform)} · ${formatDateTime(checkIn.sessionStartedAt ?? checkIn.createdAt)}`,
      });
    }
  }
  const nextTime =
    platform && readable
    ? {
        platformName: sessionPlace(platform),
        notes: (await openNextTimeNotes(db, platform)).map((c) => ({
          checkInId: c.id,
          text: c.notes.nextTime,
          noted: formatDateTime(c.createdAt),
        })),
      }
    : null;
  return {
    lock,
    count,
    goals,
    manualProvider,
    pending: sessions.map((s) => ({
      id: s.id,
      platformName: sessionPlace(s.platform),
      startedAt: s.startedAt,
      startedMs: s.startedMs,
      endedMs: s.endedMs,
      snoozedUntil: later.includes(s) ? s.snoozedUntil : null,
    })),
    reflections,
    nextTime,
    asks: { minutes, sites },
  };
}
