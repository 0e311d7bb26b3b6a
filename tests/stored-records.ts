/**
 * Records exactly as Debrief stores them (utils/db/schema.ts), for tests and the bench that write
 * straight into IndexedDB. Only what differs between data sets is passed; the rest is filled the
 * way the app fills it. Plain code with no Node or test-runner imports: it is also bundled into a
 * browser page by the sync bench.
 */
import { formatHlc } from '../utils/db/hlc';
import type { CheckIn, RecordMeta } from '../utils/db/schema';
import { localIsoString } from '../utils/db/time';

/** How long a seeded session lasts. */
export const SESSION_MS = 50 * 60_000;

/** The fields every record carries, stamped at `createdMs` by `deviceId`. */
export function recordMeta(id: string, createdMs: number, deviceId: string): RecordMeta {
  return { id, createdAt: localIsoString(new Date(createdMs)), createdMs, updatedAt: formatHlc({ wall: createdMs, counter: 0, deviceId }), deviceId };
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
