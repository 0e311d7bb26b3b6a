/**
 * A session is offered (window, badge, notification) only on the device that recorded it:
 * sessions that arrive in a file are what they were elsewhere, never "in progress" here.
 */
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hlcWallTime } from '@/utils/db/hlc';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import { offersInStorageSession } from '@/utils/session/call-registry';
import { formatHlc } from '@/utils/db/hlc';
import type { Session } from '@/utils/db/schema';
import { createSession, dismissSession, offeredSessions, snoozeSession, touchSessions, waitingSessions } from '@/utils/db/sessions';
import { importText } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { MAX_CLOCK_AHEAD_MS } from '@/utils/sync/format';
import { callEnded, callStarted, recoverInterrupted, type TabCall, type TrackerDeps } from '@/utils/session/tracker';
import { saveCheckIn } from '@/utils/db/checkins';
import { memoryCalls } from '../../support/tracker-fixture';
import { newCheckIn } from '../../support/db-fixture';
import { exportOf, session } from '../../support/sync-fixtures';

const NAME = 'debrief-session-offer-test';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const MINUTE = 60_000;
let db: DebriefDb;
let offered: Session[];

function deps(): TrackerDeps {
  const calls = new Map<number, TabCall>();
  return {
    db: async () => db,
    calls: memoryCalls(calls),
    minSessionMinutes: async () => 10,
    offer: async (found) => void offered.push(found),
    now: () => NOW,
    offers: offersInStorageSession(),
  };
}

beforeEach(async () => {
  db = await openDebriefDb(NAME);
  offered = [];
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

/** A call on the laptop, still live there when its file was written. */
function laptopCall(n: number, overrides: Partial<Session> = {}): Session {
  const startedMs = NOW - (n + 1) * 60 * MINUTE;
  return session(`laptop-call-${n}`, formatHlc({ wall: startedMs + 50 * MINUTE, counter: 0, deviceId: 'laptop' }), {
    deviceId: 'laptop',
    createdMs: startedMs,
    startedMs,
    endedAt: null,
    endedMs: null,
    endReason: null,
    lastSeenMs: startedMs + 50 * MINUTE,
    status: 'in-progress',
    ...overrides,
  });
}

describe('sessions from another device', () => {
  it('in progress there: none is offered here after a restart, and the own export still imports', async () => {
    const calls = Array.from({ length: 21 }, (_, n) => laptopCall(n));
    const result = await importText(db, JSON.stringify(exportOf({ sessions: calls })), '', { now: NOW });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    expect(await recoverInterrupted(deps())).toEqual([]);
    expect(offered).toEqual([]);
    expect(await offeredSessions(db, NOW)).toEqual([]);
    // They are kept as the laptop had them.
    expect((await db.getAll('sessions')).map((s) => s.status)).toEqual(calls.map(() => 'in-progress'));
    const own = serializeExport(await exportData(db, new Date(NOW)));
    const fresh = await openDebriefDb(`${NAME}-fresh`);
    try {
      const again = await importText(fresh, own, '', { now: NOW });
      expect(again.ok ? 'ok' : again.error).toBe('ok');
    } finally {
      fresh.close();
      await deleteDB(`${NAME}-fresh`);
    }
  });

  it('waiting for a check-in there: not on this badge or in this popup', async () => {
    const waiting = laptopCall(1, { status: 'pending', endedAt: '2026-11-20T11:50:00.000Z', endedMs: NOW - 10 * MINUTE, endReason: 'call-ended' });
    await importText(db, JSON.stringify(exportOf({ sessions: [waiting] })), '', { now: NOW });
    expect(await offeredSessions(db, NOW)).toEqual([]);
  });

  it('snoozed there: not in this popup’s “later” list either', async () => {
    const snoozed = laptopCall(3, { status: 'snoozed', snoozedUntil: NOW + 60 * MINUTE, endedAt: '2026-11-20T11:50:00.000Z', endedMs: NOW - 10 * MINUTE, endReason: 'call-ended' });
    await importText(db, JSON.stringify(exportOf({ sessions: [snoozed] })), '', { now: NOW });
    expect(await waitingSessions(db, NOW)).toEqual({ due: [], later: [] });
  });

  it('dismissed here: a file that re-stamps it as snoozed or pending does not bring it back', async () => {
    const own = await createSession(db, { platform: 'doxy-me', host: 'doxy.me', startedMs: NOW - 60 * MINUTE });
    await touchSessions(db, [own.id], NOW - 5 * MINUTE);
    await recoverInterrupted(deps());
    const dismissed = await dismissSession(db, own.id, NOW);
    for (const status of ['snoozed', 'pending'] as const) {
      const restamped = { ...dismissed!, status, snoozedUntil: status === 'snoozed' ? NOW + 60 * MINUTE : null, updatedAt: formatHlc({ wall: NOW + MINUTE, counter: status === 'snoozed' ? 0 : 1, deviceId: 'laptop' }) };
      const result = await importText(db, JSON.stringify(exportOf({ sessions: [restamped] })), '', { now: NOW });
      expect(result.ok ? 'ok' : result.error).toBe('ok');
      expect(await waitingSessions(db, NOW)).toEqual({ due: [], later: [] });
      expect(await waitingSessions(db, NOW + 2 * 60 * MINUTE)).toEqual({ due: [], later: [] });
    }
  });

  it('snoozed here: listed as later in this popup, then asked again when its time comes', async () => {
    const own = await createSession(db, { platform: 'doxy-me', host: 'doxy.me', startedMs: NOW - 60 * MINUTE });
    await touchSessions(db, [own.id], NOW - 5 * MINUTE);
    await recoverInterrupted(deps());
    await snoozeSession(db, own.id, NOW + 60 * MINUTE, NOW);
    const soon = await waitingSessions(db, NOW);
    expect([soon.due.length, soon.later.map((s) => s.id)]).toEqual([0, [own.id]]);
    const then = await waitingSessions(db, NOW + 61 * MINUTE);
    expect([then.due.map((s) => s.id), then.later.length]).toEqual([[own.id], 0]);
  });

  it('a session this device recorded is still offered after a restart', async () => {
    const own = await createSession(db, { platform: 'doxy-me', host: 'doxy.me', startedMs: NOW - 60 * MINUTE });
    await touchSessions(db, [own.id], NOW - 5 * MINUTE);
    const recovered = await recoverInterrupted(deps());
    expect(recovered.map((s) => s.id)).toEqual([own.id]);
    expect((await offeredSessions(db, NOW)).map((s) => s.id)).toEqual([own.id]);
  });

  it('a file cannot make a session offered here: not by naming this device, nor by reopening one answered here', async () => {
    const own = await createSession(db, { platform: 'doxy-me', host: 'doxy.me', startedMs: NOW - 60 * MINUTE });
    await touchSessions(db, [own.id], NOW - 5 * MINUTE);
    const [recovered] = await recoverInterrupted(deps());
    await saveCheckIn(db, newCheckIn({ sessionId: own.id }), new Date(NOW));
    const forged = laptopCall(2, { id: 'forged', deviceId: own.deviceId, status: 'pending' });
    const reopened = { ...recovered!, status: 'pending' as const, updatedAt: formatHlc({ wall: NOW + MINUTE, counter: 0, deviceId: 'laptop' }) };
    const result = await importText(db, JSON.stringify(exportOf({ sessions: [forged, reopened] })), '', { now: NOW });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    expect((await db.get('sessions', own.id))?.status).toBe('pending'); // the file's newer version is kept
    expect(await offeredSessions(db, NOW)).toEqual([]);
    expect(await recoverInterrupted(deps())).toEqual([]);
  });

  it('a session too short to ask about leaves a deletion record, so a copy exported mid-call never comes back', async () => {
    const d = deps();
    const started = await callStarted(d, { tabId: 3, frameId: 0, platform: 'doxy-me', url: 'https://doxy.me/room', at: NOW });
    const midCall = serializeExport(await exportData(db, new Date(NOW)));
    await callEnded(d, 3, { reason: 'call-ended', at: NOW });
    await importText(db, midCall, '', { now: NOW });
    expect(await db.get('sessions', started!.id)).toBeUndefined();
  });

  it('a session ending in the future never drags the clock past the accepted window', async () => {
    const own = await createSession(db, { platform: 'doxy-me', host: 'doxy.me', startedMs: NOW - 60 * MINUTE });
    await db.put('sessions', { ...own, lastSeenMs: NOW + 30 * 24 * 60 * MINUTE });
    await recoverInterrupted(deps());
    const clock = (await db.get('meta', 'clock'))?.value as string;
    expect(hlcWallTime(clock)).toBeLessThanOrEqual(NOW + MAX_CLOCK_AHEAD_MS);
    expect((await db.get('sessions', own.id))?.endedMs).toBeLessThanOrEqual(NOW);
  });
});
