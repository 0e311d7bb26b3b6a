/**
 * The one seeder of records exactly as Debrief stores them (utils/db/schema.ts), for the e2e
 * tests, the unit tests and the bench that write straight into IndexedDB. Only what differs
 * between data sets is passed; the rest is filled the way the app fills it. Plain code with no
 * Node or test-runner imports: it is also bundled into a browser page by the sync bench.
 */
import { formatHlc } from '../../utils/db/hlc';
import type { CheckIn, Goal, RecordMeta, Session } from '../../utils/db/schema';
import { localIsoString } from '../../utils/db/time';

/** How long a seeded session lasts. */
export const SESSION_MS = 50 * 60_000;

/** The fields every record carries, stamped at `createdMs` by `deviceId`. */
export function recordMeta(id: string, createdMs: number, deviceId: string): RecordMeta {
  return { id, createdAt: localIsoString(new Date(createdMs)), createdMs, updatedAt: formatHlc({ wall: createdMs, counter: 0, deviceId }), deviceId };
}

/** When a check-in was written: `minutesAfter` minutes after its session (started at `startedMs`) ended. */
export function checkInTimes(startedMs: number, minutesAfter: number, deviceId: string): { createdMs: number; startedMs: number; deviceId: string } {
  return { createdMs: startedMs + SESSION_MS + minutesAfter * 60_000, startedMs, deviceId };
}

type Written = Pick<CheckIn, 'ratings' | 'overall' | 'notes' | 'goalProgress' | 'tags' | 'provider'>;

/** A saved check-in: written at `createdMs`, after a session on `platform` that started at `startedMs` (none when manual). */
export function storedCheckIn(id: string, at: { createdMs: number; startedMs: number; deviceId: string }, platform: string | null, written: Written): CheckIn {
  return {
    ...recordMeta(id, at.createdMs, at.deviceId),
    ...written,
    sessionId: null,
    platform,
    sessionStartedAt: platform ? localIsoString(new Date(at.startedMs)) : null,
    sessionEndedAt: platform ? localIsoString(new Date(at.startedMs + SESSION_MS)) : null,
    reflection: null,
    nextTimeDone: false,
    history: [],
  };
}

/** A call on `platform` at `host` that ended at `endedMs` and is waiting for its check-in. */
export function storedPendingSession(id: string, at: { endedMs: number; deviceId: string }, platform: string, host: string): Session {
  const { endedMs } = at;
  const startedMs = endedMs - SESSION_MS;
  return {
    ...recordMeta(id, startedMs, at.deviceId),
    platform,
    host,
    startedAt: localIsoString(new Date(startedMs)),
    startedMs,
    endedAt: localIsoString(new Date(endedMs)),
    endedMs,
    endReason: 'call-ended',
    lastSeenMs: endedMs,
    status: 'pending',
    snoozedUntil: null,
    checkInId: null,
  };
}

/** An active goal set at `createdMs`. */
export function storedGoal(id: string, title: string, at: { createdMs: number; deviceId: string }): Goal {
  return { ...recordMeta(id, at.createdMs, at.deviceId), title, status: 'active' };
}
