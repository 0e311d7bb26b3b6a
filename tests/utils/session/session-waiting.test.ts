/**
 * A session left without a check-in always has a way out: skipped or marked not therapy, undone,
 * found again; and after the set days it stops counting on the badge.
 */
import { describe, expect, it } from 'vitest';
import { formatSessionSpan } from '@/utils/checkin/format';
import { formatHlc } from '@/utils/db/hlc';
import type { Session } from '@/utils/db/schema';
import {
  createSession,
  dismissSession,
  endSession,
  offeredSessions,
  restoreWaiting,
  setAsideSessions,
  skipSession,
  snoozeSession,
} from '@/utils/db/sessions';
import { importText } from '@/utils/sync/apply';
import { nextAgeing, splitByAge } from '@/utils/session/waiting';
import { useTestDb } from '../../support/db-fixture';
import { exportOf } from '../../support/sync-fixtures';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 7, 20, 0);

const currentDb = useTestDb('debrief-session-waiting-test');

async function endedCall(startedMs: number): Promise<Session> {
  const db = currentDb();
  const started = await createSession(db, { platform: 'doxy-me', host: 'doxy.me', startedMs });
  return (await endSession(db, started.id, { endedMs: startedMs + 47 * 60_000, reason: 'call-ended' }))!;
}

describe('waiting sessions by age', () => {
  const ended = (hoursAgo: number) => ({ startedMs: NOW - hoursAgo * HOUR - HOUR, endedMs: NOW - hoursAgo * HOUR, lastSeenMs: NOW - hoursAgo * HOUR });
  it.each([
    { days: 3, hoursAgo: [1, 30, 71], recent: 3, older: 0, next: 1 * HOUR },
    { days: 3, hoursAgo: [1, 72, 200], recent: 1, older: 2, next: 71 * HOUR },
    { days: 1, hoursAgo: [23.5, 24, 25], recent: 1, older: 2, next: 0.5 * HOUR },
    { days: 7, hoursAgo: [], recent: 0, older: 0, next: null },
  ])('$days days, ended $hoursAgo hours ago: $recent counted, $older older', ({ days, hoursAgo, recent, older, next }) => {
    const sessions = hoursAgo.map(ended);
    const split = splitByAge(sessions, days, NOW);
    expect([split.recent.length, split.older.length]).toEqual([recent, older]);
    expect(nextAgeing(split.recent, days, NOW)).toBe(next === null ? null : NOW + next);
  });

  it('a session whose end was never seen ages from when it was last seen', () => {
    const cut = { startedMs: NOW - 5 * DAY, endedMs: null, lastSeenMs: NOW - 2 * DAY };
    expect(splitByAge([cut], 3, NOW).recent).toEqual([cut]);
    expect(splitByAge([cut], 2, NOW).older).toEqual([cut]);
  });
});

describe('a session told apart from others on the same day', () => {
  it.each([
    { locale: 'en-US', start: [14, 56], end: [15, 43], text: /^Dec 7, 2:56\s?–\s?3:43\sPM, 47 min$/ },
    { locale: 'es', start: [14, 56], end: [15, 43], text: /^7 dic, 14:56\s?–\s?15:43, 47 min$/ },
  ])('$locale: $text', ({ locale, start, end, text }) => {
    const startMs = new Date(2026, 11, 7, start[0], start[1]).getTime();
    expect(formatSessionSpan(startMs, new Date(2026, 11, 7, end[0], end[1]).getTime(), locale)).toMatch(text);
  });

  it('only the start when the end is unknown', () => {
    expect(formatSessionSpan(new Date(2026, 11, 7, 14, 56).getTime(), null, 'en-US')).toMatch(/^Dec 7, 2:56\sPM$/);
  });
});

describe('skip, not therapy and undo', () => {
  it('skipped and not-therapy sessions stop being offered, are listed apart, and undo offers them again', async () => {
    const db = currentDb();
    const first = await endedCall(NOW - 3 * HOUR);
    const second = await endedCall(NOW - 2 * HOUR);
    expect((await offeredSessions(db, NOW)).map((s) => s.id)).toEqual([second.id, first.id]);

    await skipSession(db, first.id, NOW);
    await dismissSession(db, second.id, NOW);
    expect(await offeredSessions(db, NOW)).toEqual([]);
    expect((await setAsideSessions(db)).map((s) => [s.id, s.status])).toEqual([
      [second.id, 'dismissed'],
      [first.id, 'skipped'],
    ]);

    await restoreWaiting(db, first.id, null, NOW);
    expect((await offeredSessions(db, NOW)).map((s) => s.id)).toEqual([first.id]);
    expect((await setAsideSessions(db)).map((s) => s.id)).toEqual([second.id]);
  });

  it('undo puts a snoozed session back snoozed until the same time', async () => {
    const db = currentDb();
    const session = await endedCall(NOW - 3 * HOUR);
    const snoozed = (await snoozeSession(db, session.id, NOW + HOUR, NOW))!;
    await dismissSession(db, session.id, NOW);
    const back = await restoreWaiting(db, session.id, snoozed, NOW);
    expect(back).toMatchObject({ status: 'snoozed', snoozedUntil: NOW + HOUR });
  });

  it("a file that reopens a session set aside here does not bring it back to this device's badge", async () => {
    const db = currentDb();
    const session = await endedCall(NOW - 3 * HOUR);
    const dismissed = (await dismissSession(db, session.id, NOW))!;
    const later = formatHlc({ wall: NOW + 1000, counter: 0, deviceId: 'laptop' });
    const reopened = { ...dismissed, status: 'pending' as const, updatedAt: later, deviceId: 'laptop' };
    const result = await importText(db, JSON.stringify(exportOf({ sessions: [reopened] })), '', { now: NOW + 2000 });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    expect((await db.get('sessions', session.id))!.status).toBe('pending');
    expect(await offeredSessions(db, NOW + 2000)).toEqual([]);
    await restoreWaiting(db, session.id, null, NOW + 3000);
    expect(await offeredSessions(db, NOW + 3000)).toEqual([]); // already waiting elsewhere: nothing to undo here
  });

  it('an answered session cannot be set aside', async () => {
    const db = currentDb();
    const session = await endedCall(NOW - 3 * HOUR);
    await db.put('sessions', { ...(await db.get('sessions', session.id))!, status: 'answered' });
    expect((await skipSession(db, session.id, NOW))!.status).toBe('answered');
    expect((await dismissSession(db, session.id, NOW))!.status).toBe('answered');
  });
});
