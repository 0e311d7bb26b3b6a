import { beforeEach, describe, expect, it } from 'vitest';
import { saveCheckIn } from '@/utils/db/checkins';
import { lastProviderForPlatform, listAllCheckIns, listUnansweredSessions } from '@/utils/db/history';
import { listAllGoals } from '@/utils/db/goals';
import type { DebriefDb } from '@/utils/db/open';
import type { Session, SessionStatus } from '@/utils/db/schema';
import { newCheckIn as input, putRecordedSession, saveAfterCall, useTestDb } from '../../support/db-fixture';

const NAME = 'debrief-history-db-test';
let db: DebriefDb;

const currentDb = useTestDb(NAME);
beforeEach(() => {
  db = currentDb();
});

function session(id: string, status: SessionStatus, startedMs: number, endedMs: number | null, lastSeenMs = endedMs ?? startedMs): Session {
  return {
    id,
    createdAt: new Date(startedMs).toISOString(),
    createdMs: startedMs,
    updatedAt: `${startedMs}`,
    deviceId: 'device',
    platform: 'doxy-me',
    host: 'doxy.me',
    startedAt: new Date(startedMs).toISOString(),
    startedMs,
    lastSeenMs,
    endedAt: endedMs === null ? null : new Date(endedMs).toISOString(),
    endedMs,
    endReason: endedMs === null ? null : 'call-ended',
    status,
    snoozedUntil: null,
    checkInId: null,
  };
}

describe('history queries', () => {
  it('lists every check-in newest first', async () => {
    for (const [overall, when] of [[3, '2026-01-02'], [9, '2026-03-01'], [6, '2026-02-10']] as const) {
      await saveCheckIn(db, input({ overall }), new Date(`${when}T10:00:00Z`));
    }
    expect((await listAllCheckIns(db)).map((c) => c.overall)).toEqual([9, 6, 3]);
  });

  it('lists sessions still waiting for a check-in, most recently ended first', async () => {
    const sessions = [
      session('pending-old', 'pending', 1_000, 2_000),
      session('answered', 'answered', 3_000, 4_000),
      session('snoozed-new', 'snoozed', 5_000, 6_000),
      session('dismissed', 'dismissed', 7_000, 8_000),
      session('in-call', 'in-progress', 9_000, null),
      // The browser quit mid-call: no end yet, but it was last seen live at 4.5 s.
      session('interrupted', 'pending', 1_500, null, 4_500),
    ];
    for (const s of sessions) await putRecordedSession(db, s);
    // Waiting for a check-in on the laptop it came from in a file: the laptop's to ask about.
    await db.put('sessions', session('laptop-pending', 'pending', 8_000, 9_000));
    expect((await listUnansweredSessions(db)).map((s) => s.id)).toEqual(['snoozed-new', 'interrupted', 'pending-old']);
  });

  it('lists goals of every status, oldest first', async () => {
    const goal = (id: string, createdMs: number, status: 'active' | 'achieved' | 'archived') => ({
      id,
      createdAt: '',
      createdMs,
      updatedAt: '',
      deviceId: 'd',
      title: id,
      status,
    });
    await db.put('goals', goal('archived', 1, 'archived'));
    await db.put('goals', goal('active', 3, 'active'));
    await db.put('goals', goal('achieved', 2, 'achieved'));
    expect((await listAllGoals(db)).map((g) => g.id)).toEqual(['archived', 'achieved', 'active']);
  });

  it.each<[string | null, string]>([
    ['doxy-me', 'Dr. Amara Lee'],
    ['zoom', 'Jo Park'],
    [null, 'Self-guided'],
    ['google-meet', ''],
  ])('remembers the last therapist named for platform %s', async (platform, expected) => {
    const saves: [string | null, string, string][] = [
      ['doxy-me', 'Sam Ortiz', '2026-01-01'],
      ['zoom', 'Jo Park', '2026-01-02'],
      ['doxy-me', 'Dr. Amara Lee ', '2026-01-03'],
      [null, 'Self-guided', '2026-01-04'],
      // The newest Doxy.me check-in left the therapist blank: keep remembering the last one named.
      ['doxy-me', '', '2026-01-05'],
    ];
    for (const [p, provider, when] of saves) {
      await saveAfterCall(db, p, { provider }, new Date(`${when}T10:00:00Z`));
    }
    expect(await lastProviderForPlatform(db, platform)).toBe(expected);
  });
});
