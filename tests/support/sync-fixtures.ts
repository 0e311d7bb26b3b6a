/** Records and fast-check generators shared by the sync tests. */
import fc from 'fast-check';
import { emptyNotes, emptyRatings, SIGN_IDS } from '@/utils/checkin/instrument';
import { formatHlc } from '@/utils/db/hlc';
import type { CheckIn, CheckInVersion, Goal, Room, Session, SyncedStore, Tombstone } from '@/utils/db/schema';
import type { DebriefExport, SyncData } from '@/utils/sync/format';

/** A clock in early 2026, well inside the "not in the future" window of the validator. */
export const BASE_MS = Date.UTC(2026, 0, 5, 14, 0, 0);
export const NOW_MS = BASE_MS + 365 * 24 * 3600 * 1000;

export function stamp(minute: number, counter = 0, device = 'dev-a'): string {
  return formatHlc({ wall: BASE_MS + minute * 60_000, counter, deviceId: device });
}

export function version(id: string, updatedAt: string, overrides: Partial<CheckInVersion> = {}): CheckInVersion {
  return {
    id,
    createdAt: '2026-01-05T15:00:00.000+01:00',
    createdMs: BASE_MS,
    updatedAt,
    deviceId: 'dev-a',
    ratings: { ...emptyRatings(), trust: 8 },
    overall: 7,
    notes: { ...emptyNotes(), helpful: 'Naming the pattern' },
    goalProgress: [],
    tags: [],
    provider: '',
    sessionId: null,
    platform: 'doxy-me',
    sessionStartedAt: '2026-01-05T14:00:00.000+01:00',
    sessionEndedAt: '2026-01-05T14:50:00.000+01:00',
    reflection: null,
    nextTimeDone: false,
    ...overrides,
  };
}

export function checkIn(id: string, updatedAt: string, overrides: Partial<CheckInVersion> = {}, history: CheckInVersion[] = []): CheckIn {
  return { ...version(id, updatedAt, overrides), history };
}

/** The fields every record carries, for a record made at the fixtures' base time on dev-a. */
function metaOf(id: string, updatedAt: string) {
  return { id, createdAt: '2026-01-05T14:00:00.000+01:00', createdMs: BASE_MS, updatedAt, deviceId: 'dev-a' };
}

export function session(id: string, updatedAt: string, overrides: Partial<Session> = {}): Session {
  return {
    ...metaOf(id, updatedAt),
    platform: 'doxy-me',
    host: 'doxy.me',
    startedAt: '2026-01-05T14:00:00.000+01:00',
    startedMs: BASE_MS,
    endedAt: '2026-01-05T14:50:00.000+01:00',
    endedMs: BASE_MS + 50 * 60_000,
    endReason: 'call-ended',
    lastSeenMs: BASE_MS + 50 * 60_000,
    status: 'pending',
    snoozedUntil: null,
    checkInId: null,
    ...overrides,
  };
}

export function goal(id: string, updatedAt: string, overrides: Partial<Goal> = {}): Goal {
  return {
    ...metaOf(id, updatedAt),
    title: 'Sleep before midnight',
    status: 'active',
    ...overrides,
  };
}

export function room(id: string, updatedAt: string, overrides: Partial<Room> = {}): Room {
  return {
    ...metaOf(id, updatedAt),
    platform: id.slice(0, id.indexOf(':')),
    kind: 'therapy',
    name: '',
    ...overrides,
  };
}

export function tombstone(id: string, store: SyncedStore, deletedAt: string): Tombstone {
  return { id, store, deletedAt };
}

export function emptyData(): SyncData {
  return { checkIns: [], sessions: [], goals: [], tombstones: [], rooms: [] };
}

export function exportOf(data: Partial<SyncData>): DebriefExport {
  return {
    format: 'debrief',
    version: 2,
    exportedAt: '2026-01-06T09:00:00.000+01:00',
    deviceId: 'dev-b',
    ...emptyData(),
    ...data,
  };
}

// ---- generators: small id and stamp pools so collisions (same id, same stamp) are common ----

export const arbStamp = fc
  .record({ minute: fc.integer({ min: 0, max: 12 }), counter: fc.integer({ min: 0, max: 1 }), device: fc.constantFrom('dev-a', 'dev-b') })
  .map(({ minute, counter, device }) => stamp(minute, counter, device));

const arbRating = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10 }));

function arbVersion(id: string): fc.Arbitrary<CheckInVersion> {
  return fc
    .record({ updatedAt: arbStamp, overall: fc.constantFrom(null, 3, 9), helpful: fc.constantFrom('', 'a', 'b'), trust: arbRating })
    .map(({ updatedAt, overall, helpful, trust }) =>
      version(id, updatedAt, { overall, notes: { ...emptyNotes(), helpful }, ratings: { ...emptyRatings(), trust } }),
    );
}

const arbCheckIn = fc
  .constantFrom('c1', 'c2', 'c3', 'c4')
  .chain((id) =>
    fc.tuple(arbVersion(id), fc.array(arbVersion(id), { maxLength: 3 })).map(([current, history]) => ({ ...current, history })),
  );

const arbSession = fc
  .record({ id: fc.constantFrom('s1', 's2', 's3'), updatedAt: arbStamp, status: fc.constantFrom('pending', 'answered', 'dismissed') })
  .map(({ id, updatedAt, status }) => session(id, updatedAt, { status: status as Session['status'] }));

const arbGoal = fc
  .record({ id: fc.constantFrom('g1', 'g2', 'g3'), updatedAt: arbStamp, title: fc.constantFrom('Sleep', 'Walk', 'Call mum') })
  .map(({ id, updatedAt, title }) => goal(id, updatedAt, { title }));

const arbRoom = fc
  .record({ id: fc.constantFrom('zoom:1', 'zoom:2'), updatedAt: arbStamp, kind: fc.constantFrom('therapy', 'muted'), name: fc.constantFrom('', 'Dr. Rivera') })
  .map(({ id, updatedAt, kind, name }) => room(id, updatedAt, { kind: kind as Room['kind'], name }));

// Ids never cross stores (real ids are UUIDs, room ids meeting addresses), matching what the validator enforces.
const STORE_BY_PREFIX: Record<string, SyncedStore> = { c: 'checkIns', s: 'sessions', g: 'goals', z: 'rooms' };
const arbTombstone = fc
  .record({ id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 's1', 's2', 's3', 'g1', 'g2', 'g3', 'zoom:1', 'zoom:2'), deletedAt: arbStamp })
  .map(({ id, deletedAt }) => tombstone(id, STORE_BY_PREFIX[id[0]!]!, deletedAt));

/** One device's data, as it could be stored or exported. */
export const arbSyncData: fc.Arbitrary<SyncData> = fc.record({
  checkIns: fc.uniqueArray(arbCheckIn, { selector: (c) => c.id, maxLength: 4 }),
  sessions: fc.uniqueArray(arbSession, { selector: (s) => s.id, maxLength: 3 }),
  goals: fc.uniqueArray(arbGoal, { selector: (g) => g.id, maxLength: 3 }),
  rooms: fc.uniqueArray(arbRoom, { selector: (r) => r.id, maxLength: 2 }),
  tombstones: fc.uniqueArray(arbTombstone, { selector: (t) => t.id, maxLength: 4 }),
});

/** A valid export file with varied text (unicode, quotes, long notes) for the parser tests. */
export const arbExportFile: fc.Arbitrary<DebriefExport> = fc
  .record({
    checkIns: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        minute: fc.nat(10_000),
        ratings: fc.tuple(...SIGN_IDS.map(() => arbRating)),
        helpful: fc.string({ maxLength: 40, unit: 'grapheme' }),
        tags: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      }),
      { selector: (c) => c.id, maxLength: 4 },
    ),
    goals: fc.uniqueArray(fc.record({ id: fc.uuid(), minute: fc.nat(10_000), title: fc.string({ maxLength: 30 }) }), {
      selector: (g) => g.id,
      maxLength: 2,
    }),
    deleted: fc.uniqueArray(fc.uuid(), { maxLength: 2 }),
  })
  .filter(({ checkIns, goals, deleted }) => new Set([...checkIns.map((c) => c.id), ...goals.map((g) => g.id), ...deleted]).size === checkIns.length + goals.length + deleted.length)
  .map(({ checkIns, goals, deleted }) =>
    exportOf({
      checkIns: checkIns.map(({ id, minute, ratings, helpful, tags }) =>
        checkIn(id, stamp(minute), {
          ratings: Object.fromEntries(SIGN_IDS.map((sign, i) => [sign, ratings[i] ?? null])) as CheckIn['ratings'],
          notes: { ...emptyNotes(), helpful },
          tags,
        }),
      ),
      goals: goals.map(({ id, minute, title }) => goal(id, stamp(minute), { title })),
      tombstones: deleted.map((id) => tombstone(id, 'checkIns', stamp(5))),
    }),
  );

// Ids shared across kinds: what a hostile or careless file may hold. Merge settles them (clash.ts).
const SHARED_IDS = ['x1', 'x2', 'c1', 'g1', 'zoom:1'] as const;
const arbStore = fc.constantFrom<SyncedStore>('checkIns', 'sessions', 'goals', 'rooms');

/** One device's data where a check-in, a goal, a session and deletions of any kind may share ids. */
export const arbClashingData: fc.Arbitrary<SyncData> = fc.record({
  checkIns: fc.uniqueArray(
    fc.tuple(fc.constantFrom(...SHARED_IDS), arbStamp).map(([id, updatedAt]) => checkIn(id, updatedAt)),
    { selector: (c) => c.id, maxLength: 2 },
  ),
  sessions: fc.uniqueArray(
    fc.tuple(fc.constantFrom(...SHARED_IDS), arbStamp).map(([id, updatedAt]) => session(id, updatedAt)),
    { selector: (s) => s.id, maxLength: 2 },
  ),
  goals: fc.uniqueArray(
    fc.tuple(fc.constantFrom(...SHARED_IDS), arbStamp).map(([id, updatedAt]) => goal(id, updatedAt)),
    { selector: (g) => g.id, maxLength: 2 },
  ),
  rooms: fc.uniqueArray(
    fc.tuple(fc.constantFrom(...SHARED_IDS), arbStamp).map(([id, updatedAt]) => room(id, updatedAt, { platform: 'zoom' })),
    { selector: (r) => r.id, maxLength: 2 },
  ),
  tombstones: fc.uniqueArray(
    fc.tuple(fc.constantFrom(...SHARED_IDS), arbStore, arbStamp).map(([id, store, deletedAt]) => tombstone(id, store, deletedAt)),
    { selector: (t) => `${t.store}/${t.id}`, maxLength: 3 },
  ),
});
