import { browser } from 'wxt/browser';
import type { PendingSession } from '@/components/PendingList';
import type { QuietCall } from '@/components/QuietCalls';
import type { CallStatusProps } from '@/components/CallStatus';
import type { WaitingReflection } from '@/components/ReflectionsWaiting';
import { formatDateTime } from '@/utils/checkin/format';
import { countCheckIns, getCheckIn } from '@/utils/db/checkins';
import { sessionTherapist, waitingBringUps, type BringUp } from '@/utils/checkin/bring-up';
import { listGoals } from '@/utils/db/goals';
import { lastProviderForPlatform } from '@/utils/db/history';
import { lockState, type LockState } from '@/utils/db/lock';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import { listReflections } from '@/utils/db/reflections';
import { whenLocked } from '@/utils/db/errors';
import type { Goal } from '@/utils/db/schema';
import { getSession, waitingSessions } from '@/utils/db/sessions';
import { getRoom } from '@/utils/db/rooms';
import { judgeCall, splitQuiet } from '@/utils/session/asking';
import type { TabCall } from '@/utils/session/tracker';
import type { DebriefDb } from '@/utils/db/open';
import { callsInStorageSession } from '@/utils/session/call-registry';
import { platformName } from '@/utils/sites/catalog';
import { SITES } from '@/utils/sites/registry';
import { customSites, disabledPlatforms, minSessionMinutes, unansweredDays } from '@/utils/storage';
import { splitByAge } from '@/utils/session/waiting';
import type { Session } from '@/utils/db/schema';
import { uiLocale } from '@/utils/i18n';

export interface PopupData {
  /** The lock: "Lock now" is offered while it is unlocked. */
  lock: LockState;
  count: number;
  goals: Goal[];
  /** The therapist last named on a manual check-in. */
  manualProvider: string;
  /** Waiting sessions, newest first: recent ones, and those older than the set time. */
  pending: PendingSession[];
  older: PendingSession[];
  /** Calls outside the therapy rooms, waiting quietly for a day. */
  quiet: QuietCall[];
  /** The call in progress in the current tab: whether Debrief will ask after it, and why. */
  call: (Omit<CallStatusProps, 'marked' | 'onMarkTherapy'> & { roomKey: string | null; platform: string }) | null;
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

async function currentCall(): Promise<TabCall | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return callsInStorageSession().get(tab.id);
}

async function callStatus(db: DebriefDb, call: TabCall | null, now: number): Promise<PopupData['call']> {
  const session = call && (await getSession(db, call.sessionId));
  if (!session) return null;
  const roomKey = session.roomKey ?? null;
  const [judged, room, minMinutes] = await Promise.all([
    judgeCall(db, session, now - session.startedMs),
    roomKey ? getRoom(db, roomKey) : undefined,
    minSessionMinutes.getValue(),
  ]);
  return { platform: session.platform, platformName: sessionPlace(session.platform), reason: judged.reason, minMinutes, roomKey, unknownRoom: roomKey !== null && !room };
}

/** Everything the toolbar popup shows, read in one go. */
export async function loadPopupData(): Promise<PopupData> {
  const db = await getDb();
  const now = Date.now();
  const [lock, count, goals, manualProvider, { due, later }, schedules, call, minutes, sites, days] = await Promise.all([
    lockState(db),
    countCheckIns(db),
    listGoals(db).catch(whenLocked<Goal[]>([])),
    lastProviderForPlatform(db, null),
    waitingSessions(db, now),
    listReflections(db),
    currentCall(),
    minSessionMinutes.getValue(),
    watchedSites(),
    unansweredDays.getValue(),
  ]);
  const { asked: offered, quiet } = splitQuiet(due, now);
  // Sessions put off with "Remind me later" are listed too, with the time Debrief asks again.
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
  const callNow = await callStatus(db, call, now);
  // The therapist by the window's and the badge's rule: the room's name, else the platform's last.
  const nextTime =
    call && readable
      ? await waitingBringUps(db, { beforeMs: call.startedMs, therapist: await sessionTherapist(db, callNow ?? { platform: call.platform, roomKey: null }) })
      : [];
  return {
    lock,
    count,
    goals,
    manualProvider,
    pending: recent.map(pendingOf),
    older: older.map(pendingOf),
    quiet: quiet.map((s) => ({
      id: s.id,
      platformName: sessionPlace(s.platform),
      endedMs: s.endedMs ?? s.startedMs,
      minutes: Math.round(((s.endedMs ?? s.startedMs) - s.startedMs) / 60_000),
    })),
    call: callNow,
    reflections,
    nextTime,
    asks: { minutes, sites },
  };
}
