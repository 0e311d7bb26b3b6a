import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import { claimReflection, listReflections } from '@/utils/db/reflections';
import { listTrendEntries, unpackMonth } from '@/utils/db/trend-months';
import { trendEntryOf } from '@/utils/checkin/series';
import { DB_VERSION, type Draft, type Goal, type Session, type Tombstone } from '@/utils/db/schema';
import { createVersion1Stores } from '../../support/db-versions';
import { recordMeta, storedCheckIn } from '../../seed/records';

const NAME = 'debrief-upgrade-test';
const DEVICE = 'device-a';
const AT = Date.UTC(2026, 0, 5, 10);

/** Version 1 exactly as it shipped: every store and index, reflections kept in `meta`. */
async function seedVersion1(): Promise<void> {
  const v1 = await openDB(NAME, 1, { upgrade: createVersion1Stores });
  const tx = v1.transaction(['checkIns', 'sessions', 'goals', 'drafts', 'tombstones', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('checkIns').put(CHECK_IN),
    tx.objectStore('sessions').put(SESSION),
    tx.objectStore('goals').put(GOAL),
    tx.objectStore('drafts').put(DRAFT),
    tx.objectStore('tombstones').put(TOMBSTONE),
    ...META.map((entry) => tx.objectStore('meta').put(entry)),
    tx.done,
  ]);
  v1.close();
}

const CHECK_IN = storedCheckIn('check-in-1', { createdMs: AT, startedMs: AT - 3_600_000, deviceId: DEVICE }, 'doxy-me', {
  ratings: { ...emptyRatings(), trust: 8 },
  overall: 7,
  notes: { ...emptyNotes(), nextTime: 'Ask about sleep' },
  goalProgress: [],
  tags: ['calm'],
  provider: 'Dr. Lee',
});
const SESSION: Session = {
  ...recordMeta('session-1', AT, DEVICE),
  platform: 'doxy-me',
  host: 'doxy.me',
  startedAt: CHECK_IN.sessionStartedAt!,
  startedMs: AT - 3_600_000,
  endedAt: CHECK_IN.sessionEndedAt,
  endedMs: AT - 600_000,
  endReason: 'call-ended',
  lastSeenMs: AT - 600_000,
  status: 'answered',
  snoozedUntil: null,
  checkInId: CHECK_IN.id,
};
const GOAL: Goal = { ...recordMeta('goal-1', AT, DEVICE), title: 'Sleep better', status: 'active' };
const DRAFT: Draft = { key: 'manual', savedAt: CHECK_IN.createdAt, ratings: emptyRatings(), overall: 4, notes: emptyNotes(), goalProgress: [], tags: [], provider: '' };
const TOMBSTONE: Tombstone = { id: 'goal-0', store: 'goals', deletedAt: CHECK_IN.updatedAt };
const REFLECTIONS = [
  { checkInId: 'check-in-1', dueMs: AT + 86_400_000, promptedMs: null },
  { checkInId: 'check-in-0', dueMs: AT - 86_400_000, promptedMs: AT - 3_600_000 },
];
const META = [
  { key: 'deviceId', value: DEVICE },
  { key: 'clock', value: CHECK_IN.updatedAt },
  { key: 'syncFolder', value: { name: 'Sync' } },
  ...REFLECTIONS.map((schedule) => ({ key: `reflection:${schedule.checkInId}`, value: schedule })),
];

let db: DebriefDb | undefined;
afterEach(async () => {
  db?.close();
  db = undefined;
  await deleteDB(NAME);
});

describe('upgrading a version-1 database', () => {
  it('keeps every record where it was and moves reflection plans into their own store', async () => {
    await seedVersion1();
    db = await openDebriefDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('checkIns')).toEqual([CHECK_IN]);
    expect(await db.getAll('sessions')).toEqual([SESSION]);
    expect(await db.getAll('goals')).toEqual([GOAL]);
    expect(await db.getAll('drafts')).toEqual([DRAFT]);
    expect(await db.getAll('tombstones')).toEqual([TOMBSTONE]);
    expect(await db.getAllFromIndex('checkIns', 'by-platform', 'doxy-me')).toEqual([CHECK_IN]);
    expect((await listReflections(db)).sort((a, b) => a.dueMs - b.dueMs)).toEqual([REFLECTIONS[1], REFLECTIONS[0]]);
    // `meta` keeps what is not a reflection, and nothing under the old prefix.
    expect((await db.getAllKeys('meta')).sort()).toEqual(['clock', 'deviceId', 'syncFolder']);
  });

  it('still invites to a moved reflection once, and never to one already prompted', async () => {
    await seedVersion1();
    db = await openDebriefDb(NAME);
    expect(await claimReflection(db, 'check-in-1', AT + 86_400_000)).toBe(true);
    expect(await claimReflection(db, 'check-in-1', AT + 86_400_001)).toBe(false);
    expect(await claimReflection(db, 'check-in-0')).toBe(false);
  });

  it('charts the check-ins it already held on the first visit to trends', async () => {
    await seedVersion1();
    db = await openDebriefDb(NAME);
    expect(await db.getAll('trendMonths')).toEqual([]);
    expect(await listTrendEntries(db)).toEqual([trendEntryOf(CHECK_IN)]);
    await expect.poll(async () => (await db!.getAll('trendMonths')).flatMap(unpackMonth)).toEqual([trendEntryOf(CHECK_IN)]);
  });

  it('opens a new profile straight at the current version with every store', async () => {
    db = await openDebriefDb(NAME);
    expect([...db.objectStoreNames].sort()).toEqual(['checkIns', 'drafts', 'goals', 'meta', 'reflections', 'rooms', 'sessions', 'tombstones', 'trendMonths']);
  });
});
